/**
 * The result table, as text for the terminal and as Markdown for bench/results/latest.md and the README.
 * A row: { scenario, unit: 's' | 'ms' | 'count', kctl, floor, compose, swarm, ratio?: { value, to },
 * goal?: { text, met }, note?, status?: 'not measured yet' | 'failed' }.
 */
const COLUMNS = ['scenario', 'kctl', 'floor', 'compose', 'swarm', 'ratio', 'goal'];

function value(v, unit) {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'string') return v;
  if (unit === 's') return `${v.toFixed(2)} s`;
  if (unit === 'ms') return `${v.toFixed(0)} ms`;
  return String(v);
}

function cells(row) {
  if (row.status) {
    return [row.scenario, row.status, '', '', '', '', row.goal?.text ?? ''];
  }
  const ratio = row.ratio?.value === undefined ? '—' : `${row.ratio.value.toFixed(2)}x ${row.ratio.to}`;
  const met = row.goal?.met === undefined ? '' : row.goal.met ? ' (met)' : ' (NOT met)';
  return [row.scenario, value(row.kctl, row.unit), value(row.floor, row.unit), value(row.compose, row.unit), value(row.swarm, row.unit), ratio, row.goal ? `${row.goal.text}${met}` : '—'];
}

function text(rows) {
  const body = [COLUMNS, ...rows.map(cells)];
  const widths = COLUMNS.map((_, i) => Math.max(...body.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join(' | ').trimEnd();
  return [line(body[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.slice(1).map(line)].join('\n');
}

function markdown(rows) {
  const esc = (c) => String(c).replace(/\|/g, '\\|');
  return [`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`)].join('\n');
}

/** Notes under the table: what each row measured, when it says more than its name. */
function notes(rows) {
  return rows.filter((r) => r.note).map((r) => `- ${r.scenario}: ${r.note}`);
}

module.exports = { text, markdown, notes };
