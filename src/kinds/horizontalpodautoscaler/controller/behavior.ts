/**
 * Scaling behaviour (autoscaling/v2 `behavior`), as Kubernetes' horizontal.go applies it: the recommendation is
 * stabilized (scale-down takes the highest recommendation of its window, default 300 s; scale-up the lowest of
 * its window, default 0 s), then limited by the rate policies over the scale events of each policy's period
 * (default up: max(+4 pods, +100%) per 15 s; down: -100% per 15 s) and clamped to [min, max].
 * Kubernetes keeps recommendations and scale events in the controller's memory; kctl keeps them in the
 * HPA's status.kctl so that they survive between kctl processes.
 */
import { HPA_DEFAULT_SCALE_DOWN, HPA_DEFAULT_SCALE_UP } from '../defaults';

export interface ScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

export interface ScalingRules {
  stabilizationWindowSeconds: number;
  selectPolicy: 'Max' | 'Min' | 'Disabled';
  policies: ScalingPolicy[];
}

export interface Recommendation {
  at: string;
  replicas: number;
}

export interface ScaleEvent {
  at: string;
  /** Replicas added (scale-up events) or removed (scale-down events), positive. */
  change: number;
}

export interface History {
  recommendations: Recommendation[];
  scaleUp: ScaleEvent[];
  scaleDown: ScaleEvent[];
}

export interface Limits {
  current: number;
  min: number;
  max: number;
}

export interface Condition {
  reason: string;
  message: string;
}

export interface Decision {
  replicas: number;
  /** AbleToScale (stabilization) and ScalingLimited (rate and bounds). */
  stabilized: Condition;
  limited: Condition & { limited: boolean };
}

function rulesOf(behavior: any): { up: ScalingRules; down: ScalingRules } {
  return { up: { ...HPA_DEFAULT_SCALE_UP, ...behavior?.scaleUp } as ScalingRules, down: { ...HPA_DEFAULT_SCALE_DOWN, ...behavior?.scaleDown } as ScalingRules };
}

export function emptyHistory(): History {
  return { recommendations: [], scaleUp: [], scaleDown: [] };
}

/** Decides the replicas for `desired` (the metrics' recommendation) and records the recommendation in `history`. */
export function normalize(desired: number, limits: Limits, behavior: any, history: History, now: Date): Decision {
  const rules = rulesOf(behavior);
  const stable = stabilize(desired, limits.current, rules, history, now);
  const rate = limitRate(stable.replicas, limits, rules, history, now);
  return { replicas: rate.replicas, stabilized: stable.condition, limited: { ...rate.condition, limited: rate.replicas !== stable.replicas } };
}

function stabilize(desired: number, current: number, rules: { up: ScalingRules; down: ScalingRules }, history: History, now: Date): { replicas: number; condition: Condition } {
  const upCutoff = now.getTime() - rules.up.stabilizationWindowSeconds * 1000;
  const downCutoff = now.getTime() - rules.down.stabilizationWindowSeconds * 1000;
  let up = desired;
  let down = desired;
  for (const r of history.recommendations) {
    const at = Date.parse(r.at);
    if (at > upCutoff) up = Math.min(up, r.replicas);
    if (at > downCutoff) down = Math.max(down, r.replicas);
  }
  const replicas = Math.min(Math.max(current, up), down);
  // Only what either window can still see is kept (Kubernetes reuses one stale slot; dropping all is the same).
  history.recommendations = history.recommendations.filter((r) => Date.parse(r.at) > Math.min(upCutoff, downCutoff));
  history.recommendations.push({ at: now.toISOString(), replicas: desired });
  if (replicas === desired) return { replicas, condition: { reason: 'ReadyForNewScale', message: 'recommended size matches current size' } };
  return desired >= current
    ? { replicas, condition: { reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' } }
    : { replicas, condition: { reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' } };
}

function limitRate(desired: number, limits: Limits, rules: { up: ScalingRules; down: ScalingRules }, history: History, now: Date): { replicas: number; condition: Condition } {
  const within = { replicas: desired, condition: { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' } };
  const { current } = limits;
  if (desired > current) {
    const rateLimit = Math.max(current, scaleLimit(current, rules.up, history, now, 'up'));
    const allowed = Math.min(limits.max, rateLimit);
    if (desired <= allowed) return within;
    return limits.max > rateLimit
      ? { replicas: allowed, condition: { reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' } }
      : { replicas: allowed, condition: { reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' } };
  }
  if (desired < current) {
    const rateLimit = Math.min(current, scaleLimit(current, rules.down, history, now, 'down'));
    const allowed = Math.max(limits.min, rateLimit);
    if (desired >= allowed) return within;
    return limits.min < rateLimit
      ? { replicas: allowed, condition: { reason: 'ScaleDownLimit', message: 'the desired replica count is decreasing faster than the maximum scale rate' } }
      : { replicas: allowed, condition: { reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' } };
  }
  return within;
}

/** calculateScaleUpLimitWithScalingRules / calculateScaleDownLimitWithBehaviors. */
function scaleLimit(current: number, rules: ScalingRules, history: History, now: Date, direction: 'up' | 'down'): number {
  if (rules.selectPolicy === 'Disabled') return current;
  // "Max" means the biggest change: the highest limit going up, the lowest going down.
  const biggest = rules.selectPolicy !== 'Min';
  const pick = direction === 'up' ? (biggest ? Math.max : Math.min) : biggest ? Math.min : Math.max;
  let result: number | undefined;
  for (const policy of rules.policies) {
    const added = changeWithin(history.scaleUp, policy.periodSeconds, now);
    const removed = changeWithin(history.scaleDown, policy.periodSeconds, now);
    const periodStart = current - added + removed;
    const proposed =
      direction === 'up'
        ? policy.type === 'Pods'
          ? periodStart + policy.value
          : Math.ceil(periodStart * (1 + policy.value / 100))
        : policy.type === 'Pods'
          ? periodStart - policy.value
          : Math.trunc(periodStart * (1 - policy.value / 100));
    result = result === undefined ? proposed : pick(result, proposed);
  }
  return result ?? current;
}

function changeWithin(events: ScaleEvent[], periodSeconds: number, now: Date): number {
  const cutoff = now.getTime() - periodSeconds * 1000;
  return events.filter((e) => Date.parse(e.at) > cutoff).reduce((sum, e) => sum + e.change, 0);
}

/** Records a scale from `from` to `to`, dropping events older than the longest policy period of their direction. */
export function recordScale(history: History, from: number, to: number, behavior: any, now: Date): void {
  const rules = rulesOf(behavior);
  const keep = (events: ScaleEvent[], r: ScalingRules) => {
    const longest = Math.max(0, ...r.policies.map((p) => p.periodSeconds));
    return events.filter((e) => Date.parse(e.at) > now.getTime() - longest * 1000);
  };
  history.scaleUp = keep(history.scaleUp, rules.up);
  history.scaleDown = keep(history.scaleDown, rules.down);
  if (to > from) history.scaleUp.push({ at: now.toISOString(), change: to - from });
  if (to < from) history.scaleDown.push({ at: now.toISOString(), change: from - to });
}
