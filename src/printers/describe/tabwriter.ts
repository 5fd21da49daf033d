/**
 * Go's text/tabwriter, which lays out every `kubectl describe`: tab-terminated cells form columns, and a
 * column is aligned only over a block of consecutive lines that all have a cell in it, so a line without
 * tabs (a section title) starts fresh alignment below it. Cell width = longest cell + padding, at least
 * minwidth; the last cell of a line is never padded. Widths count characters, as Go counts runes.
 */

export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

export function tabwrite(text: string, opts: TabwriterOptions): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const out: string[] = [];
  format(lines, [], 0, lines.length, out, opts);
  return out.join('\n');
}

function format(lines: string[][], widths: number[], line0: number, line1: number, out: string[], opts: TabwriterOptions): void {
  const column = widths.length;
  for (let i = line0; i < line1; i++) {
    if (column >= lines[i].length - 1) continue;
    // A block of lines with a cell in this column starts here.
    writeLines(lines, widths, line0, i, out);
    line0 = i;
    let width = opts.minwidth;
    for (; i < line1 && column < lines[i].length - 1; i++) width = Math.max(width, runeCount(lines[i][column]) + opts.padding);
    format(lines, [...widths, width], line0, i, out, opts);
    line0 = i;
  }
  writeLines(lines, widths, line0, line1, out);
}

function writeLines(lines: string[][], widths: number[], line0: number, line1: number, out: string[]): void {
  for (let i = line0; i < line1; i++) {
    out.push(lines[i].map((cell, j) => (j < widths.length ? cell + ' '.repeat(widths[j] - runeCount(cell)) : cell)).join(''));
  }
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
