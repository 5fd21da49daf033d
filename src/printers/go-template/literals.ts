/**
 * Go's literal syntax as the template parser reads it: strconv.Unquote for "..." and `...` strings and 'x'
 * characters, strconv.ParseInt/ParseFloat (base prefixes 0x 0o 0b and a leading 0 for octal, `_` separators)
 * for numbers. Errors carry strconv's messages (`invalid syntax`).
 */

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** One possibly escaped character at s[i] inside a literal quoted by `quote`: the character and where the next one starts. */
export function unquoteChar(s: string, i: number, quote: string): { char: string; next: number } {
  const c = s[i];
  if (c === undefined) throw new Error('invalid syntax');
  if (c === quote && (quote === "'" || quote === '"')) throw new Error('invalid syntax');
  if (c !== '\\') {
    const char = String.fromCodePoint(s.codePointAt(i)!);
    return { char, next: i + char.length };
  }
  const e = s[i + 1];
  if (e === undefined) throw new Error('invalid syntax');
  if (SIMPLE_ESCAPES[e]) return { char: SIMPLE_ESCAPES[e], next: i + 2 };
  if (e === quote) return { char: e, next: i + 2 };
  const hex = (len: number) => {
    const digits = s.slice(i + 2, i + 2 + len);
    if (digits.length !== len || !/^[0-9a-fA-F]+$/.test(digits)) throw new Error('invalid syntax');
    const code = parseInt(digits, 16);
    if (len > 2 && (code > 0x10ffff || (code >= 0xd800 && code < 0xe000))) throw new Error('invalid syntax');
    return { char: String.fromCodePoint(code), next: i + 2 + len };
  };
  if (e === 'x') return hex(2);
  if (e === 'u') return hex(4);
  if (e === 'U') return hex(8);
  if (/[0-7]/.test(e)) {
    const digits = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(digits) || parseInt(digits, 8) > 255) throw new Error('invalid syntax');
    return { char: String.fromCharCode(parseInt(digits, 8)), next: i + 4 };
  }
  throw new Error('invalid syntax');
}

/** strconv.Unquote of a "..." or `...` token. */
export function unquote(token: string): string {
  if (token.startsWith('`')) {
    if (token.length < 2 || !token.endsWith('`')) throw new Error('invalid syntax');
    return token.slice(1, -1).replace(/\r/g, '');
  }
  if (token.length < 2 || !token.startsWith('"') || !token.endsWith('"')) throw new Error('invalid syntax');
  const body = token.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; ) {
    if (body[i] === '\n') throw new Error('invalid syntax');
    const { char, next } = unquoteChar(body, i, '"');
    out += char;
    i = next;
  }
  return out;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** strconv.ParseInt(text, 0, 64) and ParseUint: the value if the text is an integer, with which of the two accept it. */
export function parseInteger(text: string): { value: bigint; int: boolean; uint: boolean } | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (!m || /__|_$/.test(m[2])) return undefined;
  const digits = m[2].replace(/_/g, '');
  // A leading 0 means octal, as in Go.
  const prefixed = /^0[xXoObB]/.test(digits) ? digits.toLowerCase() : /^0\d/.test(digits) ? `0o${digits.slice(1)}` : digits;
  const magnitude = BigInt(prefixed);
  const value = m[1] === '-' ? -magnitude : magnitude;
  return { value, int: value >= INT64_MIN && value <= INT64_MAX, uint: m[1] === '' && value <= UINT64_MAX };
}

/** strconv.ParseFloat(text, 64) for decimal floats; NaN when the text is not one. */
export function parseFloat64(text: string): number {
  if (!/^[+-]?(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d[\d_]*)?$/.test(text)) return NaN;
  return Number(text.replace(/_/g, ''));
}
