/**
 * float64 to text as Go's strconv.FormatFloat does it for %v/%g (shortest digits, exponent form below 1e-4 and
 * from 1e+06: 1000000 is `1e+06`), %e and %f (exact decimal value rounded half to even).
 */

/** Decimal digits d (no leading zeros) with the decimal point dp digits from the left: 0.d * 10^dp. */
interface Decimal {
  d: string;
  dp: number;
}

/** The shortest digits that read back as x (x > 0), as JS and Go both choose them. */
function shortest(x: number): Decimal {
  const [mantissa, exp] = x.toExponential().split('e');
  return { d: mantissa.replace('.', ''), dp: Number(exp) + 1 };
}

/** Every digit of x's exact binary value (x > 0). */
function exact(x: number): Decimal {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exp = (biased === 0 ? 1 : biased) - 1075;
  const digits = exp >= 0 ? (mantissa << BigInt(exp)).toString() : (mantissa * 5n ** BigInt(-exp)).toString();
  const dp = exp >= 0 ? digits.length : digits.length + exp;
  return { d: digits.replace(/0+$/, ''), dp };
}

/** Rounds to nd digits, half to even (the digits are exact, so a trailing 5 is a true tie). */
function round(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const up = a.d[nd] > '5' || (a.d[nd] === '5' && (nd + 1 < a.d.length || (nd > 0 && Number(a.d[nd - 1]) % 2 === 1)));
  if (!up) return { d: a.d.slice(0, nd).replace(/0+$/, ''), dp: a.dp };
  for (let i = nd - 1; i >= 0; i--) {
    if (a.d[i] < '9') return { d: a.d.slice(0, i) + String(Number(a.d[i]) + 1), dp: a.dp };
  }
  return { d: '1', dp: a.dp + 1 };
}

function fmtE(a: Decimal, prec: number, e: string): string {
  let out = a.d[0] ?? '0';
  if (prec > 0) out += '.' + a.d.slice(1, prec + 1).padEnd(prec, '0');
  const exp = a.d.length === 0 ? 0 : a.dp - 1;
  return `${out}${e}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function fmtF(a: Decimal, prec: number): string {
  let out = a.dp > 0 ? a.d.slice(0, a.dp).padEnd(a.dp, '0') : '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = a.dp + i - 1;
      out += j >= 0 && j < a.d.length ? a.d[j] : '0';
    }
  }
  return out;
}

/** strconv.FormatFloat(x, verb, prec, 64) for verb e, E, f, F, g, G; prec -1 means the shortest. */
export function formatFloat(x: number, verb: string, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const abs = Math.abs(x);
  const isShortest = prec < 0;
  let digits: Decimal = abs === 0 ? { d: '', dp: 0 } : isShortest ? shortest(abs) : exact(abs);
  const lower = verb.toLowerCase();
  if (!isShortest) {
    if (lower === 'e') digits = round(digits, prec + 1);
    else if (lower === 'f') digits = round(digits, digits.dp + prec);
    else digits = round(digits, prec === 0 ? 1 : prec);
  }
  const nd = digits.d.length;
  if (lower === 'e') return sign + fmtE(digits, isShortest ? Math.max(nd - 1, 0) : prec, verb === 'E' ? 'E' : 'e');
  if (lower === 'f') return sign + fmtF(digits, isShortest ? Math.max(nd - digits.dp, 0) : prec);
  let p = isShortest ? nd : prec === 0 ? 1 : prec;
  let eprec = p;
  if (eprec > nd && nd >= digits.dp) eprec = nd;
  // %e is used when the exponent is below -4 or at least the precision (6 for the shortest form).
  if (isShortest) eprec = 6;
  const exp = digits.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (p > nd) p = nd;
    return sign + fmtE(digits, p - 1, verb === 'G' ? 'E' : 'e');
  }
  if (p > digits.dp) p = nd;
  return sign + fmtF(digits, Math.max(p - digits.dp, 0));
}
