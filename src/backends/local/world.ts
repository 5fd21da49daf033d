/** What Docker holds for one state file: its pods' containers and its claim volumes (with their namespaces). */
import type { ContainerRuntime } from '../../runtime/runtime';
import { LABEL } from '../../runtime/runtime';
import { CLAIM } from './volumes/docker-volumes';
import type { Scope } from './scope';
import type { DockerWorld } from './recover';

export async function observeDocker(runtime: ContainerRuntime, scope: Scope): Promise<DockerWorld> {
  const containers = await runtime.listContainers(scope.labels);
  const claimVolumes: DockerWorld['claimVolumes'] = [];
  const claimPrefix = `kctl-${scope.id}-pvc-`;
  const names = await runtime.listVolumes({ ...scope.labels, [LABEL.volume]: CLAIM });
  // A volume's name is `<prefix><namespace>-<claim>-<uid8>`, where both names may hold '-': the namespace is the
  // split whose namespace label Docker confirms (volumes are only listed by name).
  for (const name of names) {
    const middle = name.slice(claimPrefix.length, -9);
    for (let i = middle.indexOf('-'); i > 0; i = middle.indexOf('-', i + 1)) {
      const namespace = middle.slice(0, i);
      const inIt = await runtime.listVolumes({ ...scope.labels, [LABEL.volume]: CLAIM, [LABEL.namespace]: namespace });
      if (inIt.includes(name)) {
        claimVolumes.push({ name, namespace });
        break;
      }
    }
  }
  return { containers, claimVolumes, scopeId: scope.id };
}
