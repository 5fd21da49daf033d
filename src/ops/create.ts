/** `kctl create <kind>`: builds the object from flags, validates it like a manifest, refuses to overwrite. */
import type { Factory } from '../cli/factory';
import type { KObject } from '../api/types';
import { pluralName, refName } from '../api/kinds';
import { ConflictError } from '../errors';
import { applyObject, ensureDefaultNamespace, checkNamespace } from '../store/apply';

export async function createNamespace(f: Factory, name: string, opts: { dryRun?: string | boolean }): Promise<void> {
  await createObject(f, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, opts);
}

/** Shared by every `create` subcommand. */
export async function createObject(f: Factory, obj: KObject, opts: { dryRun?: string | boolean }): Promise<void> {
  const { validateObject } = require('../manifest/load') as typeof import('../manifest/load');
  const { applyDefaults } = require('../api/defaults') as typeof import('../api/defaults');
  validateObject(obj);
  const dryRun = opts.dryRun !== undefined && opts.dryRun !== 'none';
  const create = (state: import('../store/state').State) => {
    ensureDefaultNamespace(state);
    if (state.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) throw new ConflictError(`${pluralName(obj.kind)} "${obj.metadata.name}" already exists`);
    checkNamespace(state, obj, new Set());
    applyObject(state, obj, applyDefaults);
  };
  if (dryRun) create(f.store().read());
  else await f.store().update(create);
  f.stdout.write(`${refName(obj.kind, obj.metadata.name)} created${dryRun ? ' (dry run)' : ''}\n`);
}
