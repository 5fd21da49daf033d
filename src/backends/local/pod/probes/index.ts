/**
 * Probes decide when a running container is started (startupProbe), Ready (readinessProbe) and must be
 * restarted (livenessProbe / startupProbe failures). Their counters live in the Pod's status.kctl so a
 * probe's history survives between kctl processes. A probe runs only when due (initialDelaySeconds after the
 * container started, then every periodSeconds); the verdict's nextAt brings the reconcile loop back in time.
 */
import type { KObject } from '../../../../api/types';
import type { ContainerInfo } from '../../../../runtime/runtime';
import type { LocalContext } from '../../context';
import { execProbe } from './exec';
import { httpGetProbe } from './http';
import type { ProbeOutcome } from './outcome';
import { dueAt, initialCounter, recordRun, type ProbeCounter, type ProbeKind, type ProbeRecord } from './record';
import { tcpSocketProbe } from './tcp';
import { ProbeError, probeTarget } from './target';
import { probeTiming } from './timing';

export type { ProbeRecord } from './record';

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

const FIELD: Record<ProbeKind, string> = { startup: 'startupProbe', liveness: 'livenessProbe', readiness: 'readinessProbe' };
const TITLE: Record<ProbeKind, string> = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' };

export async function evaluateProbes(ctx: LocalContext, pod: KObject, container: any, info: ContainerInfo, record: ProbeRecord, now: Date): Promise<ProbeVerdict> {
  const verdict: ProbeVerdict = { started: false, ready: false, events: [] };
  if (info.status !== 'running') return verdict;
  if (record.containerId !== info.id) {
    for (const kind of Object.keys(FIELD) as ProbeKind[]) delete record[kind];
    record.containerId = info.id;
  }
  const startedAt = Date.parse(info.startedAt ?? '') || now.getTime();

  /** Runs the probe of this kind if it is due; returns its counter (undefined: the container has none). */
  const step = async (kind: ProbeKind): Promise<ProbeCounter | undefined> => {
    const probe = container[FIELD[kind]];
    if (!probe) return undefined;
    const timing = probeTiming(probe);
    const counter = (record[kind] ??= initialCounter(kind));
    const due = dueAt(counter, timing, startedAt);
    if (due > now.getTime()) {
      verdict.nextAt = Math.min(verdict.nextAt ?? Infinity, due);
      return counter;
    }
    const outcome = await runProbe(ctx, pod, container, info, probe, timing.timeoutMs, kind);
    if (!outcome.ok) verdict.events.push({ type: 'Warning', reason: 'Unhealthy', message: outcome.message! });
    recordRun(counter, outcome.ok, timing, now.getTime());
    verdict.nextAt = Math.min(verdict.nextAt ?? Infinity, now.getTime() + timing.periodMs);
    return counter;
  };
  const restart = (kind: 'liveness' | 'startup') => ({ reason: 'Unhealthy', message: `Container ${container.name} failed ${kind} probe, will be restarted` });

  // The startup probe gates the others and stops once it has succeeded.
  const startup = record.startup?.result === 'Success' ? record.startup : await step('startup');
  if (startup && startup.result !== 'Success') {
    if (startup.result === 'Failure') verdict.restart = restart('startup');
    return verdict;
  }
  verdict.started = true;
  const [liveness, readiness] = await Promise.all([step('liveness'), step('readiness')]);
  if (liveness?.result === 'Failure') verdict.restart = restart('liveness');
  verdict.ready = !verdict.restart && (readiness === undefined || readiness.result === 'Success');
  return verdict;
}

async function runProbe(ctx: LocalContext, pod: KObject, container: any, info: ContainerInfo, probe: any, timeoutMs: number, kind: ProbeKind): Promise<ProbeOutcome> {
  let outcome: ProbeOutcome;
  try {
    if (probe.exec) outcome = await execProbe(ctx.runtime, info.id, probe, timeoutMs);
    else if (probe.httpGet) outcome = await httpGetProbe(probeTarget(pod, container, info, probe.httpGet.port), probe.httpGet, timeoutMs);
    else if (probe.tcpSocket) outcome = await tcpSocketProbe(probeTarget(pod, container, info, probe.tcpSocket.port), timeoutMs);
    else if (probe.grpc) outcome = await (require('./grpc') as typeof import('./grpc')).grpcProbe(probeTarget(pod, container, info, probe.grpc.port), probe.grpc, timeoutMs);
    else throw new ProbeError('missing probe handler');
  } catch (e) {
    if (!(e instanceof ProbeError)) throw e;
    return { ok: false, message: `${TITLE[kind]} probe errored: ${e.message}` };
  }
  return outcome.ok ? outcome : { ok: false, message: `${TITLE[kind]} probe failed: ${outcome.message ?? ''}` };
}
