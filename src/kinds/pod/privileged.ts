/**
 * Admission of privileged containers, for the commands that store pods or pod templates (apply): without
 * the user's explicit --allow-privileged they are refused before anything is stored; with it, the objects
 * carry the annotation the pod backend checks (backends/local/pod/security.ts), so the permission travels
 * with the object to whichever kctl process reconciles it.
 */
import type { KObject } from '../../api/types';
import { refName } from '../../api/kinds';
import { ValidationError } from '../../errors';

export const ALLOW_PRIVILEGED_ANNOTATION = 'kctl.io/allow-privileged';
export const PRIVILEGED_REFUSED = 'privileged containers are refused; pass --allow-privileged to allow them';

/** Throws for privileged containers unless `allow`; with `allow`, marks the objects that have some. */
export function admitPrivileged(objects: KObject[], allow: boolean): void {
  const problems: string[] = [];
  for (const obj of objects) {
    const meta = podMetadata(obj);
    if (!meta) continue;
    const privileged = [...(meta.spec.initContainers ?? []), ...(meta.spec.containers ?? [])].filter((c: any) => c?.securityContext?.privileged).map((c: any) => c.name);
    if (!privileged.length) continue;
    if (!allow) {
      problems.push(`${refName(obj.kind, obj.metadata.name)}: container${privileged.length > 1 ? 's' : ''} ${privileged.map((n: string) => `"${n}"`).join(', ')}: ${PRIVILEGED_REFUSED}`);
      continue;
    }
    const metadata = (meta.metadata ??= {});
    metadata.annotations = { ...metadata.annotations, [ALLOW_PRIVILEGED_ANNOTATION]: 'true' };
  }
  if (problems.length) throw new ValidationError(problems);
}

/** The metadata and spec pods are made from: the Pod's own, or a template's. */
function podMetadata(obj: KObject): { metadata?: { annotations?: Record<string, string> }; spec: any } | undefined {
  if (obj.kind === 'Pod') return obj.spec ? (obj as { metadata: { annotations?: Record<string, string> }; spec: any }) : undefined;
  return obj.spec?.template?.spec ? obj.spec.template : undefined;
}
