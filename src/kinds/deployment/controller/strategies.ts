/**
 * The Deployment's rollout strategies, one entry each (Argo Rollouts' Canary and BlueGreen join here). A type
 * that is not in the table is not rolled out at all: the manifest schema refuses it at apply, and a state file
 * edited by hand gets the InvalidSpec condition instead (sync.ts).
 */
import type { KObject } from '../../../api/types';
import { formatValue } from '../../../api/names';
import { recreate } from './recreate';
import { rollingUpdate } from './rolling';
import type { RolloutStrategy } from './strategy';

const STRATEGIES = new Map<unknown, RolloutStrategy>([
  ['Recreate', recreate],
  ['RollingUpdate', rollingUpdate],
]);

/** The types kctl rolls out; the Deployment schema's strategy.type enum must name the same (a unit test checks). */
export const STRATEGY_TYPES = [...STRATEGIES.keys()];

function typeOf(dep: KObject): unknown {
  return dep.spec.strategy?.type ?? 'RollingUpdate';
}

/** Undefined for a type that is not in the table. */
export function strategyOf(dep: KObject): RolloutStrategy | undefined {
  return STRATEGIES.get(typeOf(dep));
}

/** Kubernetes' validation message for a Deployment whose type is not in the table. */
export function unsupportedStrategyMessage(dep: KObject): string {
  const supported = STRATEGY_TYPES.map((t) => JSON.stringify(t)).join(', ');
  return `spec.strategy.type: Unsupported value: ${formatValue(typeOf(dep))}: supported values: ${supported}`;
}

/** 0 for a strategy that never surges (Recreate) and, as in Kubernetes, for an unknown one. */
export function maxSurgeOf(dep: KObject): number {
  return strategyOf(dep)?.maxSurge(dep) ?? 0;
}
