/** Label selectors: the `-l` string syntax and LabelSelector objects, both compiled to one matcher. */
import type { LabelSelector } from './types';
import { UsageError } from '../errors';

export type Requirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'doesnotexist' };

export type Selector = Requirement[];

export function matchesSelector(selector: Selector, labels: Record<string, string>): boolean {
  return selector.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case 'doesnotexist':
        return !has;
      case 'in':
        return has && r.values.includes(labels[r.key]);
      case 'notin':
        return !has || !r.values.includes(labels[r.key]);
    }
  });
}

/** Compiles a LabelSelector (matchLabels + matchExpressions). An empty selector matches everything. */
export function fromLabelSelector(sel: LabelSelector | undefined): Selector {
  const out: Selector = [];
  for (const [key, value] of Object.entries(sel?.matchLabels ?? {})) out.push({ key, op: 'in', values: [value] });
  for (const e of sel?.matchExpressions ?? []) {
    const op = e.operator.toLowerCase() as Requirement['op'];
    out.push(op === 'in' || op === 'notin' ? { key: e.key, op, values: e.values ?? [] } : ({ key: e.key, op } as Requirement));
  }
  return out;
}

/** Parses kubectl's `-l` syntax: `app=web,tier!=db,env in (a,b),!legacy,has`. */
export function parseSelector(text: string): Selector {
  const out: Selector = [];
  const parts = splitTopLevel(text.trim());
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^([^\s!=(),]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      out.push({ key: m[1], op: m[2] as 'in' | 'notin', values: m[3].split(',').map((v) => v.trim()).filter((v) => v !== '') });
    } else if ((m = part.match(/^([^\s!=(),]+)\s*!=\s*([^\s!=(),]*)$/))) {
      out.push({ key: m[1], op: 'notin', values: [m[2]] });
    } else if ((m = part.match(/^([^\s!=(),]+)\s*==?\s*([^\s!=(),]*)$/))) {
      out.push({ key: m[1], op: 'in', values: [m[2]] });
    } else if ((m = part.match(/^!\s*([^\s!=(),]+)$/))) {
      out.push({ key: m[1], op: 'doesnotexist' });
    } else if ((m = part.match(/^([^\s!=(),]+)$/))) {
      out.push({ key: m[1], op: 'exists' });
    } else {
      throw new UsageError(`unable to parse requirement: "${part}"`, 'selectors look like app=web,tier!=db,env in (a,b)');
    }
  }
  return out;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** `app=web,tier=db` for display (kubectl's SELECTOR column). */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  const parts = Object.entries(sel?.matchLabels ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`);
  for (const e of [...(sel?.matchExpressions ?? [])].sort((a, b) => a.key.localeCompare(b.key))) {
    if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${e.operator.toLowerCase()} (${(e.values ?? []).join(',')})`);
  }
  return parts.join(',') || '<none>';
}
