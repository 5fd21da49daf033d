/** A Pod made from an owner's template, named as Kubernetes' generateName does: `<prefix><5 random chars>`. */
import { randomInt } from 'crypto';
import type { KObject } from '../../../api/types';
import { SAFE_ALPHABET } from '../../../api/pod-template-hash';
import { rfc3339 } from '../../../api/time';
import type { State } from '../../../store/state';
import { controllerRef } from '../../ownership';

const SUFFIX_LENGTH = 5;
/** Name clashes are a 1 in 14 million event per pod; a few retries are plenty. */
const NAME_ATTEMPTS = 10;

/** A ReplicaSet's pod: `<rs>-<random>`. */
export function newPod(state: State, rs: KObject, now: Date): KObject {
  return podFromTemplate(state, rs, rs.spec.template ?? {}, `${rs.metadata.name}-`, now);
}

/** A Pod of `template`, controlled by `owner`; `generateName` is the prefix of its name. */
export function podFromTemplate(state: State, owner: KObject, template: { metadata?: any; spec?: any }, generateName: string, now: Date): KObject {
  const namespace = owner.metadata.namespace ?? 'default';
  let name = '';
  for (let i = 0; i < NAME_ATTEMPTS && (!name || state.get('Pod', namespace, name)); i++) name = `${generateName}${randomSuffix()}`;
  return podNamed(owner, template, name, now);
}

/** A Pod of `template` named `name` (a StatefulSet's pods have stable names), controlled by `owner`. */
export function podNamed(owner: KObject, template: { metadata?: any; spec?: any }, name: string, now: Date): KObject {
  const metadata: KObject['metadata'] = {
    name,
    namespace: owner.metadata.namespace ?? 'default',
    creationTimestamp: rfc3339(now),
    labels: { ...(template.metadata?.labels ?? {}) },
    ownerReferences: [controllerRef(owner)],
  };
  if (template.metadata?.annotations) metadata.annotations = { ...template.metadata.annotations };
  if (template.metadata?.finalizers) metadata.finalizers = [...template.metadata.finalizers];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: structuredClone(template.spec ?? {}), status: { phase: 'Pending' } };
}

function randomSuffix(): string {
  let out = '';
  for (let i = 0; i < SUFFIX_LENGTH; i++) out += SAFE_ALPHABET[randomInt(SAFE_ALPHABET.length)];
  return out;
}
