/**
 * The HorizontalPodAutoscaler controller (autoscaling/v2), pure over the state, as Kubernetes'
 * reconcileAutoscaler: read the target's scale, compute a recommendation per metric (replicas.ts) from the
 * latest pod metrics (written into status.kctl.metrics by the controller process, see metrics.ts), take the
 * highest, stabilize and rate-limit it (behavior.ts), scale the target, and report status and conditions.
 * It evaluates once per new metrics sample (or when the HPA or its target changes), as Kubernetes does once
 * per sync period, so the windows see one recommendation per sample and not one per reconcile pass.
 */
import type { Condition, KObject } from '../../../api/types';
import { pluralName } from '../../../api/kinds';
import { parseCpu, parseMemory } from '../../../api/quantity';
import { rfc3339 } from '../../../api/time';
import { fromLabelSelector, type Selector } from '../../../api/selector';
import type { State } from '../../../store/state';
import { isPodReady } from '../../../api/pod-status';
import type { SyncContext } from '../../types';
import type { SyncResult } from '../../results';
import { emptyHistory, normalize, recordScale, type History } from './behavior';
import { formatCpu, formatMemory } from './usage';
import { MetricError, resourceReplicas, type PodSample, type Target } from './replicas';
import { bumpGeneration } from '../../../api/generation';

/** Samples older than this are not used (the collector stopped: the controller process is not running). */
const METRICS_MAX_AGE_MS = 2 * 60_000;

/** What the controller process writes into status.kctl.metrics. */
export interface MetricsSample {
  at: string;
  /** By pod name: millicores and bytes summed over the pod's running containers. */
  pods: Record<string, { cpu: number; memory: number }>;
}

interface KctlStatus {
  metrics?: MetricsSample;
  /** What the last evaluation saw (metrics sample, generations, replicas); the same again is not re-evaluated. */
  evaluated?: string;
  history?: History;
}

type Resource = 'cpu' | 'memory';

/** The target's kind comes from the registry (`ctx.kinds`): any kind with the scale capability can be a target. */
export function syncHPA({ state, now, kinds }: SyncContext, hpa: KObject): SyncResult {
  const ns = hpa.metadata.namespace ?? 'default';
  const kctl: KctlStatus = structuredClone(hpa.status?.kctl ?? {});
  const ref = hpa.spec.scaleTargetRef ?? {};
  const scale = kinds(ref.kind)?.scale;
  const target = scale ? state.get(ref.kind, ns, ref.name) : undefined;
  const fresh = kctl.metrics && now.getTime() - Date.parse(kctl.metrics.at) <= METRICS_MAX_AGE_MS ? kctl.metrics : undefined;
  const seen = JSON.stringify([fresh?.at ?? null, hpa.metadata.generation, target?.metadata.uid, target?.metadata.generation, target?.spec?.replicas]);
  if (kctl.evaluated === seen) return {};
  kctl.evaluated = seen;

  const conditions = new Conditions(hpa.status?.conditions, now);
  const status: any = { ...(hpa.status ?? {}), observedGeneration: hpa.metadata.generation, conditions: undefined, kctl };
  if (!scale || !target) {
    const missing = scale ? `${pluralName(ref.kind)} "${ref.name}" not found` : `kctl can only scale Deployments and ReplicaSets, not ${ref.kind}`;
    conditions.set('AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${missing}`);
    state.event(hpa, 'Warning', 'FailedGetScale', missing);
    return write(state, hpa, status, conditions);
  }
  conditions.set('AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale");
  const current = scale.replicas(target);
  const min = hpa.spec.minReplicas ?? 1;
  const max = hpa.spec.maxReplicas;
  status.currentReplicas = current;

  let desired: number;
  let reason: string;
  if (current === 0 && min !== 0) {
    conditions.set('ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero');
    status.desiredReplicas = 0;
    return write(state, hpa, status, conditions);
  } else if (current > max) {
    [desired, reason] = [max, 'Current number of replicas above Spec.MaxReplicas'];
  } else if (current < min) {
    [desired, reason] = [min, 'Current number of replicas below Spec.MinReplicas'];
  } else {
    const computed = computeReplicas(state, hpa, fromLabelSelector(scale.podSelector(target)), target.metadata.namespace ?? 'default', current, fresh);
    status.currentMetrics = computed.statuses;
    if (computed.replicas === undefined) {
      conditions.set('ScalingActive', 'False', 'FailedGetResourceMetric', computed.failure!);
      state.event(hpa, 'Warning', 'FailedGetResourceMetric', computed.failure!);
      status.desiredReplicas ??= current;
      return write(state, hpa, status, conditions);
    }
    conditions.set('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${computed.metricName}`);
    reason = computed.replicas > current ? `${computed.metricName} above target` : 'All metrics below target';
    const history = kctl.history ?? emptyHistory();
    const decision = normalize(computed.replicas, { current, min, max }, hpa.spec.behavior, history, now);
    kctl.history = history;
    conditions.set('AbleToScale', 'True', decision.stabilized.reason, decision.stabilized.message);
    conditions.set('ScalingLimited', decision.limited.limited ? 'True' : 'False', decision.limited.reason, decision.limited.message);
    desired = decision.replicas;
  }

  status.desiredReplicas = desired;
  if (desired !== current) {
    scale.setReplicas(target, desired);
    bumpGeneration(target);
    state.put(target);
    const history = kctl.history ?? emptyHistory();
    recordScale(history, current, desired, hpa.spec.behavior, now);
    kctl.history = history;
    // The target's generation moved: remember the evaluation as of after our own change.
    kctl.evaluated = JSON.stringify([fresh?.at ?? null, hpa.metadata.generation, target.metadata.uid, target.metadata.generation, desired]);
    status.lastScaleTime = rfc3339(now);
    conditions.set('AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`);
    state.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
  }
  return write(state, hpa, status, conditions);
}

function write(state: State, hpa: KObject, status: any, conditions: Conditions): SyncResult {
  status.conditions = conditions.list();
  if (JSON.stringify(status) === JSON.stringify(hpa.status)) return {};
  hpa.status = status;
  state.put(hpa);
  return {};
}

interface Computed {
  replicas?: number;
  metricName: string;
  statuses: any[];
  failure?: string;
}

/** computeReplicasForMetrics: the highest recommendation; any invalid metric blocks scaling down. */
function computeReplicas(state: State, hpa: KObject, podSelector: Selector, namespace: string, current: number, metrics: { pods: MetricsSample['pods'] } | undefined): Computed {
  const pods = state.list('Pod', namespace, podSelector);
  let best: number | undefined;
  let metricName = '';
  let failure: string | undefined;
  const statuses: any[] = [];
  for (const spec of hpa.spec.metrics ?? []) {
    const resource: Resource = spec.resource?.name;
    const name = spec.resource?.target?.type === 'AverageValue' ? `${resource} resource` : `${resource} resource utilization (percentage of request)`;
    try {
      if (spec.type !== 'Resource' || (resource !== 'cpu' && resource !== 'memory')) throw new MetricError(`metric type ${spec.type} is not supported by kctl`);
      if (!metrics) throw new MetricError(`unable to get metrics for resource ${resource}: no recent metrics (the controller process collects them: kctl controller start)`);
      const result = resourceReplicas(resource, current, pods.map((p) => sample(p, resource, metrics.pods)), targetOf(resource, spec.resource.target));
      const averageValue = resource === 'cpu' ? formatCpu(result.averageValue) : formatMemory(result.averageValue);
      statuses.push({ type: 'Resource', resource: { name: resource, current: { ...(result.utilization !== undefined ? { averageUtilization: result.utilization } : {}), averageValue } } });
      if (best === undefined || result.replicas > best) [best, metricName] = [result.replicas, name];
    } catch (e) {
      if (!(e instanceof MetricError)) throw e;
      failure ??= `the HPA was unable to compute the replica count: failed to get ${resource} utilization: ${e.message}`;
      statuses.push({ type: spec.type, resource: { name: resource, current: {} } });
    }
  }
  if (best === undefined || (failure && best < current)) return { metricName, statuses, failure: failure ?? 'no metrics to scale on' };
  return { replicas: best, metricName, statuses };
}

function targetOf(resource: Resource, target: any): Target {
  if (target?.type === 'AverageValue') return { type: 'AverageValue', averageValue: resource === 'cpu' ? parseCpu(target.averageValue) : parseMemory(target.averageValue) };
  return { type: 'Utilization', averageUtilization: target?.averageUtilization ?? 80 };
}

function sample(pod: KObject, resource: Resource, pods: MetricsSample['pods']): PodSample {
  const phase = pod.status?.phase ?? 'Pending';
  let request: number | undefined = 0;
  let missingRequest: string | undefined;
  for (const c of pod.spec?.containers ?? []) {
    const value = c.resources?.requests?.[resource];
    if (value === undefined) {
      request = undefined;
      missingRequest ??= c.name;
      continue;
    }
    if (request !== undefined) request += resource === 'cpu' ? parseCpu(value) : parseMemory(value);
  }
  return {
    name: pod.metadata.name,
    ignored: Boolean(pod.metadata.deletionTimestamp) || phase === 'Pending' || phase === 'Failed',
    ready: isPodReady(pod),
    usage: pods[pod.metadata.name]?.[resource],
    request,
    missingRequest,
  };
}

/** The three HPA conditions; lastTransitionTime moves only when a status flips. */
class Conditions {
  private readonly byType = new Map<string, Condition>();

  constructor(previous: Condition[] | undefined, private readonly now: Date) {
    for (const c of previous ?? []) this.byType.set(c.type, c);
  }

  set(type: string, status: Condition['status'], reason: string, message: string): void {
    const old = this.byType.get(type);
    const lastTransitionTime = old && old.status === status ? old.lastTransitionTime : rfc3339(this.now);
    this.byType.set(type, { type, status, lastTransitionTime, reason, message });
  }

  list(): Condition[] {
    return ['AbleToScale', 'ScalingActive', 'ScalingLimited'].map((t) => this.byType.get(t)).filter((c): c is Condition => c !== undefined);
  }
}
