/** `kctl api-resources`: the kinds table (src/api/kinds.ts) as kubectl lists a server's resources. */
import type { Factory } from '../app/factory';
import { allKinds } from '../api/kinds';
import type { KindInfo } from '../api/kind-parts';
import { UsageError } from '../errors';
import { kindDefinition } from '../kinds/registry';

export interface ApiResourcesOptions {
  output?: string;
  namespaced?: boolean;
  apiGroup?: string;
  headers: boolean;
}

export function runApiResources(f: Factory, opts: ApiResourcesOptions): void {
  if (opts.output !== undefined && opts.output !== 'wide' && opts.output !== 'name') throw new UsageError(`--output ${opts.output} is not available, use wide or name`);
  const kinds = allKinds().filter((k) => (opts.namespaced === undefined || k.namespaced === opts.namespaced) && (opts.apiGroup === undefined || group(k) === opts.apiGroup)).sort(
    (a, b) => group(a).localeCompare(group(b)) || a.plural.localeCompare(b.plural),
  );
  if (opts.output === 'name') {
    f.stdout.write(kinds.map((k) => `${k.plural}${group(k) ? `.${group(k)}` : ''}\n`).join(''));
    return;
  }
  const { renderTable } = require('../printers/table') as typeof import('../printers/table');
  const wide = opts.output === 'wide';
  const headers = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])];
  const rows = kinds.map((k) => [k.plural, k.shortNames.join(','), k.apiVersion, String(k.namespaced), k.kind, ...(wide ? wideCells(k) : [])]);
  f.stdout.write(renderTable(headers, rows, { noHeaders: !opts.headers }));
}

/** "" for the core group, as kubectl's --api-group takes it. */
function group(k: KindInfo): string {
  return k.apiVersion.includes('/') ? k.apiVersion.split('/')[0] : '';
}

/** VERBS (what kctl lets a user do with the kind) and CATEGORIES, from the kind's definition. */
function wideCells(k: KindInfo): string[] {
  const def = kindDefinition(k.kind);
  return [`[${def?.verbs.join(' ') ?? ''}]`, def?.categories?.join(',') ?? ''];
}
