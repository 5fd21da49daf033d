/**
 * A probe's bookkeeping between passes (the kubelet's prober worker keeps it in memory; kctl persists it in the
 * Pod's status so another kctl process continues it): when it last ran, its consecutive successes or failures,
 * and the result it currently publishes. Pure.
 */
import type { ProbeTiming } from './timing';

export type ProbeKind = 'startup' | 'liveness' | 'readiness';
export type ProbeResult = 'Success' | 'Failure';

export interface ProbeCounter {
  /** Epoch ms of the last run. */
  lastRunAt?: number;
  successes: number;
  failures: number;
  /** What the probe publishes; undefined until a threshold was first reached. */
  result?: ProbeResult;
}

/** Per-container probe bookkeeping, persisted in status.kctl.containers[name].probes. */
export interface ProbeRecord {
  /** The container the counters belong to: a new container starts them afresh. */
  containerId?: string;
  startup?: ProbeCounter;
  liveness?: ProbeCounter;
  readiness?: ProbeCounter;
}

/** Before any threshold is reached: not Ready, alive, not started (the kubelet's initial values). */
export function initialCounter(kind: ProbeKind): ProbeCounter {
  return { successes: 0, failures: 0, result: kind === 'liveness' ? 'Success' : kind === 'readiness' ? 'Failure' : undefined };
}

/** When the probe is due next: initialDelaySeconds after the container started, then every periodSeconds. */
export function dueAt(counter: ProbeCounter, timing: ProbeTiming, startedAt: number): number {
  return counter.lastRunAt === undefined ? startedAt + timing.initialDelayMs : counter.lastRunAt + timing.periodMs;
}

/** Counts one run; the published result flips only after successThreshold / failureThreshold in a row. */
export function recordRun(counter: ProbeCounter, ok: boolean, timing: ProbeTiming, at: number): void {
  counter.lastRunAt = at;
  if (ok) {
    counter.successes += 1;
    counter.failures = 0;
    if (counter.successes >= timing.successThreshold) counter.result = 'Success';
  } else {
    counter.failures += 1;
    counter.successes = 0;
    if (counter.failures >= timing.failureThreshold) counter.result = 'Failure';
  }
}
