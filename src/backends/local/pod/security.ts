/**
 * securityContext as Docker options: the container's settings over the pod's (runAsUser, runAsGroup,
 * runAsNonRoot), readOnlyRootFilesystem, capabilities add/drop, privileged. Whether the pod may have them at
 * all was decided by Pod Security admission (kinds/pod/security) before anything of it was made.
 */
import type { KObject } from '../../../api/types';
import type { ContainerSpec } from '../../../runtime/runtime';
import { ConfigError } from '../../../kinds/pod/config/sources';

export function securityOptions(pod: KObject, container: any): Partial<ContainerSpec> {
  const podContext = pod.spec.securityContext ?? {};
  const sc = container.securityContext ?? {};
  const runAsUser = sc.runAsUser ?? podContext.runAsUser;
  const runAsGroup = sc.runAsGroup ?? podContext.runAsGroup;
  if ((sc.runAsNonRoot ?? podContext.runAsNonRoot) && runAsUser === 0) {
    throw new ConfigError(`container's runAsUser breaks non-root policy (pod: "${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})", container: ${container.name})`);
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
