/**
 * When has what a command touched converged? Every mutating command's wait asks each object's kind
 * (its `converged` capability); a kind without one is done as soon as the object is stored.
 */
import { refName } from '../api/kinds';
import type { Verdict } from './results';
import type { State } from '../store/state';
import { kindDefinition } from './registry';

export interface Target {
  kind: string;
  namespace?: string;
  name: string;
  /** The object is expected to be gone (delete). */
  deleted?: boolean;
  /** The deleted object's uid: one made again under its name (a StatefulSet's pod) is another object, as kubectl's wait sees it. */
  uid?: string;
}

export function allConverged(targets: Target[]): (state: State) => Verdict {
  return (state) => {
    for (const t of targets) {
      const v = converged(state, t);
      if (!v.done) return v;
    }
    return { done: true };
  };
}

export function converged(state: State, t: Target): Verdict {
  const obj = state.get(t.kind, t.namespace, t.name);
  if (t.deleted) {
    const same = obj && (t.uid === undefined || obj.metadata.uid === t.uid);
    return same ? { done: false, waitingFor: `waiting for ${refName(t.kind, t.name)} to be deleted` } : { done: true };
  }
  if (!obj) return { done: true };
  return kindDefinition(obj.kind)?.converged?.(state, obj) ?? { done: true };
}
