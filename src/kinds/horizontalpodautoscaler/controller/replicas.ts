/**
 * Kubernetes' replica calculator for Resource metrics (pkg/controller/podautoscaler/replica_calculator.go):
 * desired = ceil(ready pods * usage ratio), no change while the ratio is within the tolerance of 1, with the
 * same care for pods that have no sample yet (missing) or are not Ready: they count as using nothing when
 * scaling up and as using their full request (or the target) when scaling down, and a change of direction
 * caused only by that assumption is dropped.
 */

const TOLERANCE = 0.1;

export interface PodSample {
  name: string;
  /** Being deleted, Pending or Failed: not looked at. */
  ignored: boolean;
  ready: boolean;
  /** Millicores or bytes now; undefined when there is no sample. */
  usage?: number;
  /** Sum of the containers' requests of the resource; undefined when a container has none. */
  request?: number;
  /** The first container without a request (for the message). */
  missingRequest?: string;
}

export type Target = { type: 'Utilization'; averageUtilization: number } | { type: 'AverageValue'; averageValue: number };

export interface MetricResult {
  replicas: number;
  /** Percent of requests, for Utilization targets (integer, as Kubernetes reports it). */
  utilization?: number;
  /** Average usage per pod with a sample. */
  averageValue: number;
}

export class MetricError extends Error {}

export function resourceReplicas(resource: string, current: number, pods: PodSample[], target: Target, tolerance = TOLERANCE): MetricResult {
  const counted = pods.filter((p) => !p.ignored);
  if (counted.length === 0) throw new MetricError('no pods returned by selector while calculating replica count');
  const missing = counted.filter((p) => p.usage === undefined);
  // Only CPU is distorted by start-up: memory of an unready pod is a fair sample.
  const unready = counted.filter((p) => p.usage !== undefined && resource === 'cpu' && !p.ready);
  const metrics = new Map(counted.filter((p) => p.usage !== undefined && !unready.includes(p)).map((p) => [p.name, p.usage!]));
  if (metrics.size === 0) throw new MetricError('did not receive metrics for targeted pods (pods might be unready)');

  const requests = new Map<string, number>();
  if (target.type === 'Utilization') {
    for (const p of counted) {
      if (p.request === undefined || p.request === 0) throw new MetricError(`missing request for ${resource} in container ${p.missingRequest ?? '?'} of Pod ${p.name}`);
      requests.set(p.name, p.request);
    }
  }
  const ratioOf = (values: Map<string, number>) => usageRatio(values, requests, target);
  const first = ratioOf(metrics);
  const scaleUpWithUnready = unready.length > 0 && first.ratio > 1;
  const within = (r: number) => Math.abs(r - 1) <= tolerance;
  const result = (replicas: number): MetricResult => ({ replicas, utilization: first.utilization, averageValue: first.averageValue });

  if (!scaleUpWithUnready && missing.length === 0) {
    return result(within(first.ratio) ? current : Math.ceil(first.ratio * metrics.size));
  }
  const assumed = new Map(metrics);
  if (first.ratio < 1) {
    for (const p of missing) assumed.set(p.name, target.type === 'Utilization' ? (requests.get(p.name)! * Math.max(100, target.averageUtilization)) / 100 : target.averageValue);
  } else if (first.ratio > 1) {
    for (const p of missing) assumed.set(p.name, 0);
  }
  if (scaleUpWithUnready) for (const p of unready) assumed.set(p.name, 0);
  const second = ratioOf(assumed).ratio;
  if (within(second) || (first.ratio < 1 && second > 1) || (first.ratio > 1 && second < 1)) return result(current);
  const replicas = Math.ceil(second * assumed.size);
  if ((second < 1 && replicas > current) || (second > 1 && replicas < current)) return result(current);
  return result(replicas);
}

/** Kubernetes' GetResourceUtilizationRatio (integer percent) or the plain average for AverageValue. */
function usageRatio(values: Map<string, number>, requests: Map<string, number>, target: Target): { ratio: number; utilization?: number; averageValue: number } {
  let total = 0;
  let requested = 0;
  for (const [name, value] of values) {
    total += value;
    requested += requests.get(name) ?? 0;
  }
  const averageValue = total / values.size;
  if (target.type === 'AverageValue') return { ratio: averageValue / target.averageValue, averageValue };
  const utilization = Math.floor((total * 100) / requested);
  return { ratio: utilization / target.averageUtilization, utilization, averageValue };
}
