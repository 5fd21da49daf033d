/**
 * Go's fmt for template values: Sprint (what an action prints), Sprintln, Sprintf with the verbs and flags
 * templates use (%v %s %d %q %x %X %f %e %g %t %c %o %b %T %%, width, precision, `-+ 0#`), and the
 * %!verb(type=value) / %!d(MISSING) / %!(EXTRA ...) marks for mistakes. Maps print as `map[k:v]`, keys sorted.
 */
import { formatFloat } from './float';
import { GoInt, isMap, sortedKeys, typeName, type GoValue } from './values';

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
}

const PLAIN: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;
const ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

function quoteWith(s: string, quote: string): string {
  let out = quote;
  for (const r of s) {
    const code = r.codePointAt(0)!;
    if (r === quote || r === '\\') out += `\\${r}`;
    else if (r === ' ' || (code >= 0xa0 && PRINTABLE.test(r)) || (code > 0x20 && code < 0x7f)) out += r;
    else if (ESCAPES[r]) out += ESCAPES[r];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0xd800 && code < 0xe000) out += '\\ufffd';
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return out + quote;
}

/** strconv.Quote. */
export const goQuote = (s: string): string => quoteWith(s, '"');

const runeLength = (s: string) => [...s].length;

function pad(s: string, spec: Spec, zeroOk = false): string {
  const width = spec.width ?? 0;
  const n = runeLength(s);
  if (n >= width) return s;
  if (spec.minus) return s + ' '.repeat(width - n);
  if (zeroOk && spec.zero) {
    const sign = /^[+\- ]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(width - n) + s.slice(sign.length);
  }
  return ' '.repeat(width - n) + s;
}

function signed(digits: string, negative: boolean, spec: Spec): string {
  return (negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : '') + digits;
}

function badVerb(verb: string, v: GoValue, spec: Spec): string {
  if (v === undefined || v === null) return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(v)}=${formatArg(v, 'v', spec)})`;
}

function formatInt(n: GoInt, verb: string, spec: Spec): string {
  const v = n.value;
  const negative = v < 0n;
  const abs = negative ? -v : v;
  switch (verb) {
    case 'c':
      return pad(String.fromCodePoint(Number(abs)), spec);
    case 'q':
      return pad(quoteWith(String.fromCodePoint(Number(abs)), "'"), spec);
    case 'U':
      return pad(`U+${abs.toString(16).toUpperCase().padStart(4, '0')}`, spec);
  }
  const base = { d: 10, v: 10, b: 2, o: 8, O: 8, x: 16, X: 16 }[verb];
  if (base === undefined) return badVerb(verb, n, spec);
  let digits = abs.toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  // Zero padding fills the width between the sign and the digits; a 0x prefix comes on top (as in Go).
  const zeros = spec.prec ?? (spec.zero && spec.width !== undefined ? spec.width - (negative || spec.plus || spec.space ? 1 : 0) : 0);
  digits = spec.prec === 0 && abs === 0n ? '' : digits.padStart(zeros, '0');
  const prefix = verb === 'O' ? '0o' : spec.sharp ? { x: '0x', X: '0X', o: digits.startsWith('0') ? '' : '0', b: '0b' }[verb] ?? '' : '';
  return pad(signed(prefix + digits, negative, spec), spec);
}

function formatNumber(v: number, verb: string, spec: Spec): string {
  const prec = spec.prec ?? (verb === 'v' || verb === 'g' || verb === 'G' ? -1 : 6);
  if (!'veEfFgG'.includes(verb)) return badVerb(verb, v, spec);
  const text = formatFloat(v, verb === 'v' ? 'g' : verb === 'F' ? 'f' : verb, prec);
  const negative = text.startsWith('-');
  return pad(signed(negative ? text.slice(1) : text, negative, spec), spec, Number.isFinite(v));
}

function formatString(v: string, verb: string, spec: Spec): string {
  switch (verb) {
    case 'v':
    case 's':
      return pad(spec.prec === undefined ? v : [...v].slice(0, spec.prec).join(''), spec);
    case 'q':
      return pad(goQuote(v), spec);
    case 'x':
    case 'X': {
      const hex = [...Buffer.from(v, 'utf8')].map((b) => b.toString(16).padStart(2, '0'));
      const text = (spec.sharp ? hex.map((h) => `0x${h}`) : hex).join(spec.space ? ' ' : '');
      return pad(verb === 'X' ? text.toUpperCase() : text, spec);
    }
  }
  return badVerb(verb, v, spec);
}

/** One operand formatted with a verb (fmt's printArg / printValue). */
function formatArg(v: GoValue, verb: string, spec: Spec, nested = false): string {
  if (verb === 'T') return pad(typeName(v), spec);
  if (v === undefined || v === null) return verb === 'v' || nested ? pad('<nil>', spec) : badVerb(verb, v, spec);
  if (typeof v === 'boolean') return verb === 't' || verb === 'v' ? pad(String(v), spec) : badVerb(verb, v, spec);
  if (v instanceof GoInt) return formatInt(v, verb, spec);
  if (typeof v === 'number') return formatNumber(v, verb, spec);
  if (typeof v === 'string') return formatString(v, verb, spec);
  if (Array.isArray(v)) return `[${v.map((e) => formatArg(e, verb, spec, true)).join(' ')}]`;
  if (isMap(v)) return `map[${sortedKeys(v).map((k) => `${formatArg(k, verb, spec, true)}:${formatArg(v[k], verb, spec, true)}`).join(' ')}]`;
  return badVerb(verb, v, spec);
}

/** fmt.Sprint: operands in their %v form, a space between two operands when neither is a string. */
export function sprint(args: GoValue[]): string {
  return args.map((a, i) => (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string' ? ' ' : '') + formatArg(a, 'v', PLAIN)).join('');
}

/** fmt.Sprintln: spaces between all operands and a newline. */
export function sprintln(args: GoValue[]): string {
  return args.map((a) => formatArg(a, 'v', PLAIN)).join(' ') + '\n';
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: GoValue[]): string {
  let out = '';
  let argNum = 0;
  let i = 0;
  const intArg = (): number | undefined => {
    const a = args[argNum++];
    return a instanceof GoInt ? Number(a.value) : undefined;
  };
  while (i < format.length) {
    const percent = format.indexOf('%', i);
    if (percent < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, percent);
    i = percent + 1;
    const spec: Spec = { ...PLAIN };
    for (; i < format.length && '-+# 0'.includes(format[i]); i++) {
      if (format[i] === '-') [spec.minus, spec.zero] = [true, false];
      else if (format[i] === '+') spec.plus = true;
      else if (format[i] === '#') spec.sharp = true;
      else if (format[i] === ' ') spec.space = true;
      else spec.zero = !spec.minus;
    }
    if (format[i] === '*') {
      i++;
      spec.width = intArg();
      if (spec.width === undefined) out += '%!(BADWIDTH)';
      else if (spec.width < 0) [spec.minus, spec.zero, spec.width] = [true, false, -spec.width];
    } else {
      const m = /^\d+/.exec(format.slice(i));
      if (m) [spec.width, i] = [Number(m[0]), i + m[0].length];
    }
    if (format[i] === '.') {
      i++;
      if (format[i] === '*') {
        i++;
        spec.prec = intArg();
        if (spec.prec === undefined || spec.prec < 0) [spec.prec, out] = [undefined, out + '%!(BADPREC)'];
      } else {
        const m = /^\d*/.exec(format.slice(i))![0];
        [spec.prec, i] = [Number(m || '0'), i + m.length];
      }
    }
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') out += '%';
    else if (argNum >= args.length) out += `%!${verb}(MISSING)`;
    else out += formatArg(args[argNum++], verb, spec);
  }
  if (argNum < args.length) {
    const extra = args.slice(argNum).map((a) => (a === undefined || a === null ? '<nil>' : `${typeName(a)}=${formatArg(a, 'v', PLAIN)}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}
