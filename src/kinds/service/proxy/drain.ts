/**
 * Connection draining, coordinated through the state because the proxies (the controller process, a
 * `kctl port-forward`) and the reconciler that stops containers may be different processes:
 *   1. a Pod being deleted leaves its Services' Endpoints at once (endpoints.ts), so proxies stop choosing it;
 *   2. a proxy that still has connections open to it writes its pid into the annotation DRAINING_BY, and takes it
 *      out when the last one ends;
 *   3. the pod controller keeps the containers running until the proxies have had PROPAGATION_MS to see the
 *      change and no live process is listed, bounded by terminationGracePeriodSeconds. Then SIGTERM.
 * This is what kube-proxy plus a preStop sleep give a real cluster.
 */
import type { KObject } from '../../../api/types';
import { processAlive } from '../../../store/pid-lock';
import type { State } from '../../../store/state';
import { isPodReady, terminationGraceSeconds } from '../../../api/pod-status';
import { selects } from '../controller/endpoints';

export const DRAINING_BY = 'kctl.io/draining-by';
/**
 * How long proxies get to notice a removed endpoint (they watch the state file; the controller's are
 * in-process). deletionTimestamp has whole seconds, so the real wait is between 1 and 2 s.
 */
export const PROPAGATION_MS = 2000;
/** How often a draining pod is looked at again. */
const RECHECK_MS = 200;

/**
 * How much longer the containers of a Pod being deleted must keep running; 0 when they may be stopped now.
 * Pods that were never an endpoint (not Ready, or no Service selects them) and a grace period of 0 skip it.
 */
export function drainRemainingMs(state: State, pod: KObject, now: Date): number {
  const graceMs = terminationGraceSeconds(pod) * 1000;
  const since = Date.parse(pod.metadata.deletionTimestamp ?? '');
  if (graceMs === 0 || Number.isNaN(since) || !isPodReady(pod)) return 0;
  const elapsed = now.getTime() - since;
  if (elapsed >= graceMs || !servedByAService(state, pod)) return 0;
  const propagation = Math.min(graceMs, PROPAGATION_MS);
  if (elapsed < propagation) return propagation - elapsed;
  return drainingProxies(pod).length > 0 ? Math.min(RECHECK_MS, graceMs - elapsed) : 0;
}

/** The live processes that still have connections open to the pod. */
function drainingProxies(pod: KObject): number[] {
  const listed = (pod.metadata.annotations?.[DRAINING_BY] ?? '').split(',').filter(Boolean).map(Number);
  return listed.filter((pid) => Number.isInteger(pid) && pid > 0 && processAlive(pid));
}

/**
 * Makes the annotations say that process `pid` holds connections to exactly the pods in `uids` (among pods
 * being deleted; other pods never wait). Returns whether anything changed.
 */
export function markDraining(state: State, pid: number, uids: Set<string>): boolean {
  let changed = false;
  for (const pod of state.list('Pod')) {
    const listed = (pod.metadata.annotations?.[DRAINING_BY] ?? '').split(',').filter(Boolean);
    const has = listed.includes(String(pid));
    const want = uids.has(pod.metadata.uid ?? '') && Boolean(pod.metadata.deletionTimestamp);
    if (has === want) continue;
    const next = want ? [...listed, String(pid)] : listed.filter((p) => p !== String(pid));
    const annotations = { ...(pod.metadata.annotations ?? {}) };
    if (next.length) annotations[DRAINING_BY] = next.join(',');
    else delete annotations[DRAINING_BY];
    pod.metadata.annotations = annotations;
    if (!Object.keys(annotations).length) delete pod.metadata.annotations;
    state.put(pod);
    changed = true;
  }
  return changed;
}

function servedByAService(state: State, pod: KObject): boolean {
  return state.list('Service', pod.metadata.namespace ?? 'default').some((svc) => !svc.metadata.deletionTimestamp && selects(svc, pod));
}
