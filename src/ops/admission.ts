/**
 * Pod Security admission for what a command is about to store, inside its transaction: a refusal throws, so
 * nothing is written; the namespace's warn level prints kubectl's `Warning: would violate PodSecurity` lines.
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import type { State } from '../store/state';
import { sourceOf } from './load';
import { kindDefinition } from '../kinds/registry';

export function admitPodSecurity(f: Factory, state: State, objects: KObject[]): void {
  const { admitPodSecurity: admit } = require('../kinds/pod/security/admission') as typeof import('../kinds/pod/security/admission');
  for (const warning of admit(state, objects, { templateOf, sourceOf })) f.stderr.write(`${warning}\n`);
}

/** What admission judges of a workload: its kind's pod template. */
export function templateOf(obj: KObject): { metadata?: any; spec?: any } | undefined {
  return kindDefinition(obj.kind)?.podTemplate?.(obj);
}
