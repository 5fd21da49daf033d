/**
 * `kctl apply --prune (-l SELECTOR | --all) [--prune-allowlist=GROUP/VERSION/KIND]`, as kubectl's
 * allow-list pruning: after the apply, objects of the allowed kinds that an earlier apply made (they carry
 * the last-applied annotation), in the namespaces this apply touched, matching the selector, and absent
 * from this apply's objects are deleted. Objects other commands made (`kctl create`, a Deployment's
 * ReplicaSets) are never pruned.
 */
import type { KObject } from '../api/types';
import { parseSelector, type Selector } from '../api/selector';
import { findKind } from '../api/kinds';
import { UsageError } from '../errors';
import { LAST_APPLIED } from '../store/apply';
import type { State } from '../store/state';

/** kubectl's default allow-list, as group/version/kind (core kinds with group "core"), of the kinds kctl has. */
const DEFAULT_ALLOWLIST = ['core/v1/ConfigMap', 'core/v1/Endpoints', 'core/v1/Namespace', 'core/v1/PersistentVolumeClaim', 'core/v1/Pod', 'core/v1/Secret', 'core/v1/Service', 'apps/v1/Deployment', 'apps/v1/ReplicaSet'];

export interface PruneOptions {
  prune?: boolean;
  selector?: string;
  all?: boolean;
  pruneAllowlist?: string[];
}

export interface PrunePlan {
  kinds: string[];
  selector?: Selector;
}

/** The checked flags, before anything is applied; undefined without --prune. */
export function prunePlan(opts: PruneOptions): PrunePlan | undefined {
  if (!opts.prune) {
    if (opts.pruneAllowlist?.length) throw new UsageError('--prune-allowlist requires --prune');
    return undefined;
  }
  if (opts.all && opts.selector) throw new UsageError('cannot set --all and --selector at the same time');
  if (!opts.all && !opts.selector) {
    throw new UsageError('all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector');
  }
  const kinds = (opts.pruneAllowlist?.length ? opts.pruneAllowlist : DEFAULT_ALLOWLIST).map(allowedKind);
  return { kinds, selector: opts.selector ? parseSelector(opts.selector) : undefined };
}

/** `core/v1/ConfigMap` -> ConfigMap: kubectl's GROUP/VERSION/KIND form, of a kind kctl stores. */
function allowedKind(entry: string): string {
  const parts = entry.split('/');
  if (parts.length !== 3) throw new UsageError(`invalid GroupVersionKind format: ${entry}, please follow <group/version/kind>`);
  const [group, version, kind] = parts;
  const info = findKind(kind);
  const apiVersion = group === 'core' || group === '' ? version : `${group}/${version}`;
  if (!info || info.apiVersion !== apiVersion) throw new UsageError(`the server doesn't have a resource type "${kind}" in ${apiVersion}`);
  return kind;
}

/** What the plan prunes once `applied` are in `state`. */
export function pruneVictims(state: State, plan: PrunePlan, applied: KObject[]): KObject[] {
  const keep = new Set(applied.map(key));
  const namespaces = [...new Set(applied.map((o) => o.metadata.namespace).filter((ns): ns is string => ns !== undefined))];
  const victims: KObject[] = [];
  for (const kind of plan.kinds) {
    const candidates = findKind(kind)?.namespaced ? namespaces.flatMap((ns) => state.list(kind, ns, plan.selector)) : state.list(kind, undefined, plan.selector);
    for (const obj of candidates) {
      if (keep.has(key(obj)) || obj.metadata.deletionTimestamp || !obj.metadata.annotations?.[LAST_APPLIED]) continue;
      victims.push(obj);
    }
  }
  return victims;
}

function key(obj: KObject): string {
  return `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}
