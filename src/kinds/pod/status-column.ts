/**
 * READY, STATUS and RESTARTS of a pod, computed as kubectl's printPod does: the reason of the first init
 * container that is not done, else of the app containers (last one wins), `Terminating` once deleted.
 */
import type { KObject } from '../../api/types';
import { age } from '../../printers/age';
import { isPodReady } from '../../api/pod-status';

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

export function podSummary(pod: KObject, now: Date): PodSummary {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const initSpecs: any[] = spec.initContainers ?? [];
  // Sidecars (init containers that keep running) count as containers of the pod.
  const sidecars = new Set(initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const total = (spec.containers ?? []).length + sidecars.size;
  let ready = 0;
  let restarts = 0;
  let lastRestart = 0;
  let sidecarRestarts = 0;
  let lastSidecarRestart = 0;
  const conditions: any[] = status.conditions ?? [];
  let reason: string = status.reason || status.phase || 'Pending';
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  let initializing = false;
  const initStatuses: any[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const finished = finishedAt(c);
    restarts += c.restartCount ?? 0;
    lastRestart = Math.max(lastRestart, finished);
    const sidecar = sidecars.has(c.name);
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = Math.max(lastSidecarRestart, finished);
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (terminated) reason = `Init:${terminatedReason(terminated)}`;
    else if (waiting?.reason && waiting.reason !== 'PodInitializing') reason = `Init:${waiting.reason}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
    break;
  }

  const initialized = conditions.some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses: any[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      lastRestart = Math.max(lastRestart, finishedAt(c));
      const { waiting, terminated, running } = c.state ?? {};
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated) reason = terminatedReason(terminated);
      else if (c.ready && running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = isPodReady(pod) ? 'Running' : 'NotReady';
    }
  }

  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';

  const restartText = restarts !== 0 && lastRestart > 0 ? `${restarts} (${age(new Date(lastRestart), now)} ago)` : String(restarts);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText };
}

function terminatedReason(t: any): string {
  if (t.reason) return t.reason;
  return t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode ?? 0}`;
}

/** When the previous run of a container ended (lastState.terminated.finishedAt), 0 when unknown. */
function finishedAt(c: any): number {
  const t = Date.parse(c.lastState?.terminated?.finishedAt ?? '');
  return Number.isNaN(t) ? 0 : t;
}
