/** `kctl scale`: a new spec.replicas (generation + 1), with kubectl's --current-replicas precondition. */
import type { KObject } from '../api/types';
import type { Factory } from '../app/factory';
import { pluralName, refName, resolveResource } from '../api/kinds';
import { ConflictError, NotFoundError, UsageError } from '../errors';
import { loadObjects } from './load';
import { convergeTargets } from './converge';
import { parseResourceArgs } from './resource-args';
import { bumpGeneration } from '../api/generation';
import { kindDefinition, kindsWith } from '../kinds/registry';
import { pluralsOf } from './kind-names';
import { admitPodSecurity } from './admission';

export interface ScaleOptions {
  replicas: string;
  currentReplicas?: string;
  filename?: string[];
  recursive?: boolean;
  wait: boolean;
  timeout: string;
}

export async function runScale(f: Factory, args: string[], opts: ScaleOptions): Promise<void> {
  const replicas = count(opts.replicas, '--replicas');
  const current = opts.currentReplicas === undefined ? undefined : count(opts.currentReplicas, '--current-replicas');
  const refs = opts.filename?.length
    ? (await loadObjects(f, opts.filename, Boolean(opts.recursive), { warn: false })).map((o) => ({ kind: resolveResource(o.kind), name: o.metadata.name }))
    : parseResourceArgs(args, { requireName: true }).refs;
  const scalable = refs.map((ref) => {
    const scale = kindDefinition(ref.kind.kind)?.scale;
    if (!scale) throw new UsageError(`cannot scale ${ref.kind.plural}: only ${pluralsOf(kindsWith((d) => d.scale))} can be scaled`);
    return { ...ref, scale };
  });
  const ns = f.namespace();
  const changed = await f.store().update((state) => {
    const out: { kind: string; name: string }[] = [];
    // More replicas means new pods: admission judges the template again (scaling down stays possible).
    const growing: KObject[] = [];
    for (const ref of scalable) {
      const obj = state.get(ref.kind.kind, ns, ref.name!);
      if (!obj) throw new NotFoundError(`${pluralName(ref.kind.kind)} "${ref.name}" not found`);
      const was = ref.scale.replicas(obj);
      if (current !== undefined && was !== current) throw new ConflictError(`Expected replicas to be ${current}, was ${was}`);
      if (was !== replicas) {
        ref.scale.setReplicas(obj, replicas);
        bumpGeneration(obj);
        state.put(obj);
        if (replicas > was) growing.push(obj);
      }
      out.push({ kind: obj.kind, name: obj.metadata.name });
    }
    admitPodSecurity(f, state, growing);
    return out;
  });
  for (const c of changed) f.stdout.write(`${refName(c.kind, c.name)} scaled\n`);
  await convergeTargets(f, changed.map((c) => ({ ...c, namespace: ns })), opts);
}

/** Replica counts are int32 in Kubernetes; a larger one would make the ReplicaSet controller create pods without end. */
const MAX_REPLICAS = 2147483647;

function count(text: string, flag: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(String(text).trim()) || !Number.isSafeInteger(n)) {
    throw new UsageError(`The ${flag}=COUNT flag is required, and COUNT must be greater than or equal to 0`);
  }
  if (n > MAX_REPLICAS) throw new UsageError(`invalid argument "${text}" for "${flag}" flag: value out of range (at most ${MAX_REPLICAS})`);
  return n;
}
