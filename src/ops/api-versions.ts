/** `kctl api-versions`: the group/versions of the kinds kctl serves, one a line, sorted as kubectl sorts them. */
import type { Factory } from '../app/factory';
import { allKinds } from '../api/kinds';

export function runApiVersions(f: Factory): void {
  const versions = [...new Set(allKinds().map((k) => k.apiVersion))].sort();
  f.stdout.write(versions.map((v) => `${v}\n`).join(''));
}
