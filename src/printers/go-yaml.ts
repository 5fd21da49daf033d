/**
 * YAML exactly as Go's sigs.k8s.io/yaml prints a decoded JSON value (JSONToYAML, gopkg.in/yaml.v2 without line
 * wrapping): what `kustomize build` prints. Keys sorted in yaml.v2's order (digit runs compared as numbers, a
 * letter after any non-letter), lists not indented under their key, strings plain when YAML 1.1 would not read
 * them as something else, else single-quoted, else double-quoted; multi-line strings as literal blocks.
 */
import { foldScalar } from './go-yaml-fold';
import { goScalarStyle, goDoubleQuoted, goFloat } from './go-yaml-scalars';

export function goYaml(value: unknown): string {
  const lines: string[] = [];
  if (isMap(value) && Object.keys(value).length > 0) writeMap(value, 0, lines);
  else if (Array.isArray(value) && value.length > 0) writeSeq(value, 0, lines);
  else lines.push(inline(value, 0, 0));
  return lines.join('\n') + '\n';
}

type Json = Record<string, unknown>;

function isMap(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isBlock(v: unknown): boolean {
  return (isMap(v) && Object.keys(v).length > 0) || (Array.isArray(v) && v.length > 0);
}

function writeMap(map: Json, indent: number, lines: string[], firstPrefix?: string): void {
  const pad = ' '.repeat(indent);
  sortedKeys(Object.keys(map).filter((k) => map[k] !== undefined)).forEach((key, i) => {
    const v = map[key];
    const head = (i === 0 && firstPrefix !== undefined ? firstPrefix : pad) + scalarText(key, indent, true) + ':';
    if (isMap(v) && isBlock(v)) {
      lines.push(head);
      writeMap(v, indent + 2, lines);
    } else if (Array.isArray(v) && v.length > 0) {
      lines.push(head);
      writeSeq(v, indent, lines);
    } else lines.push(`${head} ${inline(v, indent + 2, width(head) + 1)}`);
  });
}

function writeSeq(seq: unknown[], indent: number, lines: string[], firstPrefix?: string): void {
  const pad = ' '.repeat(indent);
  seq.forEach((item, i) => {
    const dash = (i === 0 && firstPrefix !== undefined ? firstPrefix : pad) + '- ';
    if (isMap(item) && isBlock(item)) writeMap(item, indent + 2, lines, dash);
    else if (Array.isArray(item) && item.length > 0) writeSeq(item, indent + 2, lines, dash);
    else lines.push(dash + inline(item, indent + 2, width(dash)));
  });
}

/**
 * A value on the rest of a line, starting at `column`: a scalar (long ones folded onto lines at `indent`),
 * `{}`, `[]`, or a literal block whose lines follow at `indent`.
 */
function inline(v: unknown, indent: number, column: number): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return '[]';
  if (isMap(v)) return '{}';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  return scalarText(String(v), indent, false, column);
}

/** Keys are never folded (yaml.v2 writes them in a simple-key context). */
function scalarText(s: string, indent: number, isKey: boolean, column = 0): string {
  const style = goScalarStyle(s, isKey);
  if (style === 'literal') return literalBlock(s, indent);
  return isKey ? unfolded(style, s) : foldScalar(style, s, column, indent);
}

function unfolded(style: 'plain' | 'single' | 'double', s: string): string {
  if (style === 'plain') return s;
  if (style === 'single') return `'${s.replace(/'/g, "''")}'`;
  return goDoubleQuoted(s);
}

function width(text: string): number {
  return Array.from(text).length;
}

/** `|`, `|-` or `|+` (and an indentation digit when the text starts with a space or a line break). */
function literalBlock(s: string, indent: number): string {
  const hints = (/^[ \n\r\u0085\u2028\u2029]/.test(s) ? '2' : '') + chompHint(s);
  const pad = ' '.repeat(indent);
  const body = s.replace(/(\r\n|[\r\n\u0085\u2028\u2029])$/, '');
  const parts = body.split(/\r\n|[\r\n\u0085\u2028\u2029]/);
  return `|${hints}\n` + parts.map((line) => (line === '' ? '' : pad + line)).join('\n');
}

function chompHint(s: string): string {
  const breakAt = (i: number) => i >= 0 && /[\n\r\u0085\u2028\u2029]/.test(s[i]);
  if (!breakAt(s.length - 1)) return '-';
  if (s.length === 1 || breakAt(s.length - 2)) return '+';
  return '';
}

/** yaml.v2's keyList.Less: runs of digits compare as numbers; a letter sorts after a non-letter. */
export function goKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  const isLetter = (c: string) => /\p{L}/u.test(c);
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

function sortedKeys(keys: string[]): string[] {
  return [...keys].sort((a, b) => (goKeyLess(a, b) ? -1 : goKeyLess(b, a) ? 1 : 0));
}
