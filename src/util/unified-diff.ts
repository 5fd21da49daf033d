/**
 * Line diffs in the unified format of `diff -u` (what `kubectl diff` shows): Myers' O(ND) shortest edit
 * script, grouped into hunks with `context` unchanged lines around each change.
 */

export type EditOp = { op: ' ' | '-' | '+'; line: string };

/** The shortest edit script turning `a` into `b`, as kept, removed and added lines in order. */
export function diffLines(a: string[], b: string[]): EditOp[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Array<number>(2 * max + 3).fill(0);
  // trace[d] is v before step d: enough to walk the path back from the end.
  const trace: number[][] = [];
  let found = n === 0 && m === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  return backtrack(trace, a, b, offset);
}

function backtrack(trace: number[][], a: string[], b: string[], offset: number): EditOp[] {
  const ops: EditOp[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ op: ' ', line: a[--x] }), y--;
    if (d === 0) break;
    if (x === prevX) ops.push({ op: '+', line: b[--y] });
    else ops.push({ op: '-', line: a[--x] });
  }
  while (x > 0 && y > 0) ops.push({ op: ' ', line: a[--x] }), y--;
  return ops.reverse();
}

/** Splits text into lines; a final newline does not make an extra empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export interface UnifiedDiffInput {
  oldText: string;
  newText: string;
  /** The `---` and `+++` header lines' text (path and, like diff, a tab and a timestamp). */
  oldHeader: string;
  newHeader: string;
  context?: number;
}

/** `--- a` / `+++ b` / `@@ -l,s +l,s @@` hunks, or "" when the texts are equal. */
export function unifiedDiff({ oldText, newText, oldHeader, newHeader, context = 3 }: UnifiedDiffInput): string {
  const ops = diffLines(splitLines(oldText), splitLines(newText));
  const hunks = groupHunks(ops, context);
  if (hunks.length === 0) return '';
  let out = `--- ${oldHeader}\n+++ ${newHeader}\n`;
  for (const h of hunks) {
    const lines = ops.slice(h.start, h.end);
    const oldCount = lines.filter((l) => l.op !== '+').length;
    const newCount = lines.filter((l) => l.op !== '-').length;
    out += `@@ -${range(h.oldStart, oldCount)} +${range(h.newStart, newCount)} @@\n`;
    out += lines.map((l) => `${l.op}${l.line}\n`).join('');
  }
  return out;
}

/** GNU diff: `l,s`, `l` alone when s is 1, and the line before the hunk when s is 0. */
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

interface Hunk {
  start: number;
  end: number;
  /** 1-based first line of the hunk in each text. */
  oldStart: number;
  newStart: number;
}

/** Changes closer than 2*context unchanged lines share a hunk, as in diff -u. */
function groupHunks(ops: EditOp[], context: number): Hunk[] {
  const hunks: Hunk[] = [];
  const changed = ops.map((o, i) => (o.op === ' ' ? -1 : i)).filter((i) => i >= 0);
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, changed[i] - context);
    let last = changed[i];
    while (i + 1 < changed.length && changed[i + 1] - last - 1 <= 2 * context) last = changed[++i];
    const end = Math.min(ops.length, last + context + 1);
    const before = ops.slice(0, start);
    hunks.push({ start, end, oldStart: before.filter((o) => o.op !== '+').length + 1, newStart: before.filter((o) => o.op !== '-').length + 1 });
    i++;
  }
  return hunks;
}
