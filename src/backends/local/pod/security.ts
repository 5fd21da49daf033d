/**
 * securityContext as Docker options: the container's settings over the pod's (runAsUser, runAsGroup,
 * runAsNonRoot), readOnlyRootFilesystem, capabilities add/drop. Privileged containers get full access to the
 * host, so kctl runs them only when the user said so explicitly: `kctl apply --allow-privileged` stamps the
 * annotation of controllers/pod/privileged.ts on the objects it stores, and nothing else does.
 */
import type { KObject } from '../../../api/types';
import type { ContainerSpec } from '../../../runtime/runtime';
import { ConfigError } from '../../../kinds/pod/config/sources';
import { ALLOW_PRIVILEGED_ANNOTATION, PRIVILEGED_REFUSED } from '../../../kinds/pod/privileged';


export function securityOptions(pod: KObject, container: any): Partial<ContainerSpec> {
  const podContext = pod.spec.securityContext ?? {};
  const sc = container.securityContext ?? {};
  const runAsUser = sc.runAsUser ?? podContext.runAsUser;
  const runAsGroup = sc.runAsGroup ?? podContext.runAsGroup;
  if ((sc.runAsNonRoot ?? podContext.runAsNonRoot) && runAsUser === 0) {
    throw new ConfigError(`container's runAsUser breaks non-root policy (pod: "${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})", container: ${container.name})`);
  }
  if (sc.privileged && pod.metadata.annotations?.[ALLOW_PRIVILEGED_ANNOTATION] !== 'true') {
    throw new ConfigError(`container "${container.name}" is privileged: ${PRIVILEGED_REFUSED}`);
  }
  const options: Partial<ContainerSpec> = {};
  // Docker takes a group only together with a user; a group alone keeps the image's user and group.
  if (runAsUser !== undefined) options.user = runAsGroup !== undefined ? `${runAsUser}:${runAsGroup}` : String(runAsUser);
  if (sc.readOnlyRootFilesystem) options.readOnlyRootfs = true;
  if (sc.capabilities?.add?.length) options.capAdd = sc.capabilities.add.map(capability);
  if (sc.capabilities?.drop?.length) options.capDrop = sc.capabilities.drop.map(capability);
  if (sc.privileged) options.privileged = true;
  return options;
}

/** Kubernetes writes NET_ADMIN, some manifests CAP_NET_ADMIN; Docker takes either, kctl passes one form. */
function capability(name: string): string {
  return String(name).toUpperCase().replace(/^CAP_/, '');
}
