/**
 * Kubernetes' garbage collector and namespace controller in one small pass over the state:
 * deletion cascades from owners to dependents (foreground), namespaces take their contents with them (and a
 * CustomResourceDefinition the objects of its kind), and an object being deleted goes once nothing it owns is left. Pods are the exception: the pod controller
 * removes a Pod only after its containers are gone.
 */
import type { KObject } from '../api/types';
import { findKind } from '../api/kinds';
import type { State } from '../store/state';
import { rfc3339 } from '../api/time';

export function collectGarbage(state: State, now: Date): void {
  const stamp = rfc3339(now);
  const all = state.all();
  const byUid = new Map(all.map((o) => [o.metadata.uid, o]));

  for (const ns of all.filter((o) => o.kind === 'Namespace' && o.metadata.deletionTimestamp)) {
    ns.status = { phase: 'Terminating' };
    for (const o of all) {
      if (findKind(o.kind)?.namespaced && (o.metadata.namespace ?? 'default') === ns.metadata.name) markDeleted(o, stamp);
    }
  }
  // A CustomResourceDefinition takes its kind's objects with it.
  const goneKinds = new Set(all.filter((o) => o.kind === 'CustomResourceDefinition' && o.metadata.deletionTimestamp).map((crd) => crd.spec?.names?.kind));
  for (const o of all) if (goneKinds.has(o.kind)) markDeleted(o, stamp);
  for (const o of all) {
    const owner = o.metadata.ownerReferences?.find((r) => r.controller) ?? o.metadata.ownerReferences?.[0];
    if (!owner) continue;
    const found = byUid.get(owner.uid);
    if (!found || found.metadata.deletionTimestamp) markDeleted(o, stamp);
  }
  // Remove what is being deleted and owns nothing any more (Pods excepted: see above).
  const owners = new Set(state.all().flatMap((o) => (o.metadata.ownerReferences ?? []).map((r) => r.uid)));
  for (const o of state.all()) {
    if (!o.metadata.deletionTimestamp || o.kind === 'Pod' || owners.has(o.metadata.uid ?? '')) continue;
    if (o.kind === 'Namespace' && state.all().some((x) => findKind(x.kind)?.namespaced && (x.metadata.namespace ?? 'default') === o.metadata.name)) continue;
    if (o.kind === 'CustomResourceDefinition' && state.all().some((x) => x.kind === o.spec?.names?.kind)) continue;
    state.remove(o.kind, o.metadata.namespace, o.metadata.name);
  }
}

function markDeleted(o: KObject, stamp: string): void {
  o.metadata.deletionTimestamp ??= stamp;
}
