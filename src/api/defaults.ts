/**
 * The defaults the Kubernetes API server fills in (pkg/apis/<group>/v1/defaults.go), so that stored objects,
 * `get -o yaml` and `diff` look as they would on a cluster. The loader returns objects as written; `apply`
 * stores applyDefaults(obj) and `diff` compares both sides with defaults applied. Idempotent; never mutates its input.
 * Each kind's own defaults are in src/kinds/<kind>/defaults.ts.
 */
import { kindParts } from '../kinds/catalog';
import type { KObject } from './types';

export function applyDefaults<T extends KObject>(input: T): T {
  const obj = structuredClone(input);
  const parts = kindParts(obj.kind);
  if (parts?.info.namespaced) obj.metadata.namespace ??= 'default';
  parts?.defaults?.().defaults(obj);
  return obj;
}
