/**
 * kubectl-looking tables. kubectl lays rows out with Go's tabwriter (minwidth 6, padding 3): every column but
 * the last is as wide as its longest cell plus 3 (at least 6), the last is not padded. cli-table3 (loaded
 * lazily) does the layout here with borders and padding turned off and those widths given to it.
 */
import { paintStatus } from './colour';
import { escapeTerminal } from './terminal';

export interface TableOptions {
  noHeaders?: boolean;
  /** Colour the STATUS column by meaning. */
  colour?: boolean;
}

const MIN_WIDTH = 6;
const PADDING = 3;

const NO_BORDERS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '',
};

/** Rows of cells (headers already in capitals) as text lines ending in "\n"; "" when there is nothing to print. */
export function renderTable(headers: string[], rows: string[][], opts: TableOptions = {}): string {
  const lines = (opts.noHeaders ? [] : [headers]).concat(rows).map((r) => r.map((cell) => escapeTerminal(oneLine(cell))));
  if (lines.length === 0) return '';
  if (opts.colour) paintColumn(lines, headers.indexOf('STATUS'), opts.noHeaders ? 0 : 1);
  const Table = require('cli-table3') as typeof import('cli-table3');
  // cli-table3 measures like a terminal (ANSI escapes take no room), so colour never shifts a column.
  const { strlen } = require('cli-table3/src/utils') as { strlen(s: string): number };
  const last = headers.length - 1;
  const widths = headers.map((_, col) => {
    const longest = Math.max(...lines.map((l) => strlen(l[col] ?? '')));
    return col === last ? Math.max(longest, 1) : Math.max(longest + PADDING, MIN_WIDTH);
  });
  const table = new Table({
    chars: NO_BORDERS,
    colWidths: widths,
    wordWrap: false,
    style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [], compact: true },
  });
  table.push(...lines);
  const fixed = widths.slice(0, last).reduce((a, b) => a + b, 0);
  // cli-table3 pads the last column too; tabwriter does not. Spaces that belong to earlier columns stay
  // (a row whose last cell is empty keeps them, exactly as kubectl prints it).
  const out = table
    .toString()
    .split('\n')
    .map((line, i) => trimTo(line, fixed + strlen(lines[i][last] ?? ''), strlen));
  return out.join('\n') + '\n';
}

/** kubectl shows only the first line of a multi-line value, marked with "...". */
function oneLine(cell: string): string {
  const nl = cell.search(/[\r\n]/);
  return nl === -1 ? cell : `${cell.slice(0, nl)}...`;
}

function paintColumn(lines: string[][], col: number, firstRow: number): void {
  if (col < 0) return;
  for (let i = firstRow; i < lines.length; i++) lines[i][col] = paintStatus(lines[i][col]);
}

function trimTo(line: string, width: number, strlen: (s: string) => number): string {
  let end = line.length;
  let visible = strlen(line);
  while (visible > width && line[end - 1] === ' ') {
    end--;
    visible--;
  }
  return line.slice(0, end);
}
