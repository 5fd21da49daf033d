/**
 * Probes decide when a running container is started (startupProbe), Ready (readinessProbe) and must be
 * restarted (livenessProbe / startupProbe failures). Their counters live in the Pod's status.kctl so a
 * probe's history survives between kctl processes.
 */
import type { KObject } from '../../../api/types';
import type { ContainerInfo } from '../../../runtime/runtime';
import type { ControllerContext } from '../../context';

/** Per-container probe bookkeeping, persisted in status.kctl.containers[name].probes. */
export interface ProbeRecord {
  [probe: string]: unknown;
}

export interface ProbeVerdict {
  /** startupProbe passed (or none). */
  started: boolean;
  ready: boolean;
  /** Liveness or startup failed past its threshold: the container must be restarted. */
  restart?: { reason: string; message: string };
  /** When the next probe is due (epoch ms). */
  nextAt?: number;
  events: { type: 'Normal' | 'Warning'; reason: string; message: string }[];
}

/** A running container without probes is started and Ready at once (Kubernetes' default). */
export async function evaluateProbes(_ctx: ControllerContext, _pod: KObject, _container: any, info: ContainerInfo, _record: ProbeRecord, _now: Date): Promise<ProbeVerdict> {
  const running = info.status === 'running';
  return { started: running, ready: running, events: [] };
}
