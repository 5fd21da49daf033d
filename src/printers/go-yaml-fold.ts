/**
 * yaml.v2's line folding (best width 80): writing a plain or quoted scalar, a space met past column 80 (the
 * first of its run, not the scalar's first or last character for quoted ones) becomes a line break indented
 * to the value's level. sigs.k8s.io/yaml, and so kustomize build, prints long values this way.
 */
import { goEscaped } from './go-yaml-scalars';

const BEST_WIDTH = 80;

export function foldScalar(style: 'plain' | 'single' | 'double', s: string, column: number, indent: number): string {
  const chars = Array.from(s);
  const pad = ' '.repeat(indent);
  const quote = style === 'single' ? "'" : style === 'double' ? '"' : '';
  let out = quote;
  let col = column + quote.length;
  let spaces = false;
  const put = (text: string) => {
    out += text;
    col += Array.from(text).length;
  };
  chars.forEach((c, i) => {
    const last = i === chars.length - 1;
    const nextIsSpace = chars[i + 1] === ' ';
    if (c === ' ') {
      const inside = style === 'plain' ? !nextIsSpace : i > 0 && !last && (style === 'double' || !nextIsSpace);
      if (!spaces && col > BEST_WIDTH && inside) {
        out += '\n' + pad;
        col = indent;
        if (style === 'double' && nextIsSpace) put('\\');
      } else put(' ');
      spaces = true;
      return;
    }
    if (style === 'double') put(goEscaped(c));
    else put(style === 'single' && c === "'" ? "''" : c);
    spaces = false;
  });
  return out + quote;
}
