/**
 * The label that lets `kctl state rebuild` recover the desired state from Docker alone when the state file is
 * lost: every container carries the objects its pod was made from, as they were when the container was made:
 * its ReplicaSet and that ReplicaSet's Deployment, or the bare Pod itself. Stored gzipped and base64url-coded
 * (no ',' or '=', which break `docker ps --format '{{.Labels}}'` parsing), a few hundred bytes per container.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';

export const OWNER_MANIFEST_LABEL = 'io.kctl.owner-manifest';

/** Controllers above a pod, nearest first ([ReplicaSet, Deployment]); the Pod itself when nothing owns it. */
export function ownerChain(state: State, pod: KObject): KObject[] {
  const chain: KObject[] = [];
  let current = pod;
  for (;;) {
    const ref = current.metadata.ownerReferences?.find((o) => o.controller);
    const owner = ref && state.get(ref.kind, current.metadata.namespace, ref.name);
    if (!owner || owner.metadata.uid !== ref!.uid || chain.length >= 4) break;
    chain.push(owner);
    current = owner;
  }
  return chain.length ? chain : [pod];
}

export function ownerManifestLabel(state: State, pod: KObject): Record<string, string> {
  const { gzipSync } = require('zlib') as typeof import('zlib');
  const json = JSON.stringify(ownerChain(state, pod).map(manifestOf));
  return { [OWNER_MANIFEST_LABEL]: gzipSync(json).toString('base64url') };
}

/** The objects a label holds; undefined when it is missing or not one kctl wrote. */
export function decodeOwnerManifest(value: string | undefined): KObject[] | undefined {
  if (!value) return undefined;
  try {
    const { gunzipSync } = require('zlib') as typeof import('zlib');
    const chain = JSON.parse(gunzipSync(Buffer.from(value, 'base64url')).toString('utf8'));
    return Array.isArray(chain) && chain.length > 0 && chain.every(isObject) ? chain : undefined;
  } catch {
    return undefined;
  }
}

/** What recovers the object: identity, labels, annotations (last-applied included, so apply keeps merging) and spec. */
function manifestOf(obj: KObject): KObject {
  const { name, namespace, uid, generation, labels, annotations, ownerReferences } = obj.metadata;
  return { apiVersion: obj.apiVersion, kind: obj.kind, metadata: { name, namespace, uid, generation, labels, annotations, ownerReferences }, spec: obj.spec };
}

function isObject(o: unknown): o is KObject {
  return typeof o === 'object' && o !== null && typeof (o as KObject).kind === 'string' && typeof (o as KObject).metadata?.name === 'string';
}
