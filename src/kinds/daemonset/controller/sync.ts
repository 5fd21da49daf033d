/**
 * The daemon set controller (pkg/controller/daemon) on kctl's one node: one pod of the template, labelled with
 * the hash of its ControllerRevision (controller-revision-hash), which rollout history and undo read. A template
 * change is rolled out as the update strategy says: RollingUpdate with maxSurge 0 deletes the old pod first
 * (maxUnavailable is at least one node), with maxSurge the new pod starts beside it and the old one goes once the
 * new one is available; OnDelete waits for the old pod to be deleted. Status counts the node, as Kubernetes does.
 */
import { scaledValue } from '../../../api/intstr';
import { isPodActive, isPodAvailable, isPodReady } from '../../../api/pod-status';
import type { KObject } from '../../../api/types';
import { REVISION_HASH_LABEL, revisionHash, syncRevisions, truncateHistory } from '../../controllerrevision/revisions';
import { controlledBy } from '../../ownership';
import { NODE_NAME } from '../../node/from-host';
import { podRoom } from '../../pod/capacity';
import { createOwnedPod, deleteOwnedPod } from '../../pod/controller-writes';
import { podFromTemplate } from '../../replicaset/controller/new-pod';
import { untilNextAvailable } from '../../replicaset/controller/sync';
import type { SyncResult } from '../../results';
import type { SyncContext } from '../../types';

/** After the API refused the pod (admission, capacity), the next try. */
const CREATE_RETRY_MS = 10_000;
/** The nodes kctl schedules on: the Docker host. */
const NODES = 1;

export function syncDaemonSet(ctx: SyncContext, ds: KObject): SyncResult {
  const { state, now } = ctx;
  const revisions = syncRevisions(state, ds, now);
  const hash = revisionHash(ds, revisions.update);
  const owned = controlledBy(state, 'Pod', ds).filter((p) => !p.metadata.deletionTimestamp);
  let pods = owned.filter(isPodActive);
  let failure: string | undefined;
  if (!ds.metadata.deletionTimestamp) {
    // A pod that failed is replaced, as the daemon set controller kills it.
    for (const pod of owned.filter((p) => p.status?.phase === 'Failed')) {
      state.event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${NODE_NAME}, will try to kill it`);
      deletePods(ctx, ds, [pod]);
    }
    ({ pods, failure } = manage(ctx, ds, pods, hash));
  }
  truncateHistory(state, ds, revisions, new Set(owned.map((p) => `${ds.metadata.name}-${p.metadata.labels?.[REVISION_HASH_LABEL]}`)));
  const minReady = ds.spec.minReadySeconds ?? 0;
  const updated = pods.filter((p) => p.metadata.labels?.[REVISION_HASH_LABEL] === hash);
  const onNode = pods.length > 0 ? NODES : 0;
  const available = pods.some((p) => isPodAvailable(p, minReady, now)) ? NODES : 0;
  const status = {
    currentNumberScheduled: onNode,
    numberMisscheduled: 0,
    desiredNumberScheduled: NODES,
    numberReady: pods.some(isPodReady) ? NODES : 0,
    observedGeneration: ds.metadata.generation ?? 1,
    updatedNumberScheduled: updated.length > 0 ? NODES : 0,
    numberAvailable: available,
    ...(available < NODES ? { numberUnavailable: NODES - available } : {}),
  };
  if (JSON.stringify(status) !== JSON.stringify(ds.status)) {
    ds.status = status;
    state.put(ds);
  }
  return { requeueAfterMs: failure ? CREATE_RETRY_MS : untilNextAvailable(ds, pods, now) };
}

/** Creates or deletes pods toward one updated, available pod; returns the pods left. */
function manage(ctx: SyncContext, ds: KObject, pods: KObject[], hash: string): { pods: KObject[]; failure?: string } {
  const isNew = (p: KObject) => p.metadata.labels?.[REVISION_HASH_LABEL] === hash;
  const fresh = pods.filter(isNew);
  const old = pods.filter((p) => !isNew(p));
  const minReady = ds.spec.minReadySeconds ?? 0;
  // One pod per node: extra pods of the current template go, the newest first.
  const extras = fresh.slice(1);
  let kept = pods.filter((p) => !extras.includes(p));
  deletePods(ctx, ds, extras);
  if (pods.length === 0) return create(ctx, ds, hash, kept);
  if (old.length === 0 || ds.spec.updateStrategy?.type === 'OnDelete') return { pods: kept };
  const surge = scaledValue(ds.spec.updateStrategy?.rollingUpdate?.maxSurge, NODES, true);
  if (fresh.length === 0) {
    if (surge > 0) return create(ctx, ds, hash, kept);
    deletePods(ctx, ds, old);
    return { pods: kept.filter((p) => !old.includes(p)) };
  }
  // The new pod runs beside the old one (maxSurge): the old goes once the new one is available.
  if (isPodAvailable(fresh[0], minReady, ctx.now)) {
    deletePods(ctx, ds, old);
    kept = kept.filter((p) => !old.includes(p));
  }
  return { pods: kept };
}

function create(ctx: SyncContext, ds: KObject, hash: string, pods: KObject[]): { pods: KObject[]; failure?: string } {
  const { state, now, limits } = ctx;
  const template = structuredClone(ds.spec.template ?? {});
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash } };
  const pod = podFromTemplate(state, ds, template, `${ds.metadata.name}-`, now);
  const failure = createOwnedPod(state, ds, pod, limits, podRoom(state, limits));
  return failure ? { pods, failure } : { pods: [...pods, pod] };
}

function deletePods(ctx: SyncContext, ds: KObject, pods: KObject[]): void {
  for (const pod of pods) deleteOwnedPod(ctx.state, ds, pod, ctx.now);
}
