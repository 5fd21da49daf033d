/**
 * securityContext as Docker options, the container's settings over the pod's, as the kubelet applies them:
 * runAsUser/runAsGroup, runAsNonRoot (verified against the image's user), readOnlyRootFilesystem, capabilities,
 * privileged, allowPrivilegeEscalation false (no-new-privileges), seccompProfile, /proc unmasked,
 * supplementalGroups and fsGroup as supplementary groups. What Docker cannot do here becomes one warning per
 * container start, never silence. Whether the pod may have these settings at all was decided by Pod Security
 * admission (kinds/pod/security) before anything of it was made.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { KObject } from '../../../api/types';
import type { ContainerSpec } from '../../../runtime/runtime';
import { ConfigError } from '../../../kinds/pod/config/sources';

export interface SecurityFacts {
  /** The image's USER, when runAsNonRoot has to be verified against it (needsImageUser). */
  imageUser?: string;
  /** Where Localhost seccomp profiles are read from: kctl's version of the kubelet's /var/lib/kubelet/seccomp. */
  seccompRoot: string;
}

export interface SecurityOptions {
  options: Partial<ContainerSpec>;
  /** Settings that cannot be honoured on Docker, one line each. */
  unsupported: string[];
}

/** runAsNonRoot without a runAsUser: only the image can say who the container runs as. */
export function needsImageUser(pod: KObject, container: any): boolean {
  const { sc, podContext } = contexts(pod, container);
  return Boolean(sc.runAsNonRoot ?? podContext.runAsNonRoot) && (sc.runAsUser ?? podContext.runAsUser) === undefined;
}

export function securityOptions(pod: KObject, container: any, facts: SecurityFacts): SecurityOptions {
  const { sc, podContext } = contexts(pod, container);
  const runAsUser = sc.runAsUser ?? podContext.runAsUser;
  const runAsGroup = sc.runAsGroup ?? podContext.runAsGroup;
  if (sc.runAsNonRoot ?? podContext.runAsNonRoot) verifyNonRoot(pod, container, runAsUser, facts.imageUser);
  const options: Partial<ContainerSpec> = {};
  const unsupported: string[] = [];
  // Docker takes a group only together with a user; a group alone keeps the image's user and group.
  if (runAsUser !== undefined) options.user = runAsGroup !== undefined ? `${runAsUser}:${runAsGroup}` : String(runAsUser);
  else if (runAsGroup !== undefined) unsupported.push(`runAsGroup ${runAsGroup} without runAsUser: the image's user and group are used`);
  if (sc.readOnlyRootFilesystem) options.readOnlyRootfs = true;
  if (sc.capabilities?.add?.length) options.capAdd = sc.capabilities.add.map(capability);
  if (sc.capabilities?.drop?.length) options.capDrop = sc.capabilities.drop.map(capability);
  if (sc.privileged) options.privileged = true;

  const securityOpt: string[] = [];
  if (sc.allowPrivilegeEscalation === false) securityOpt.push('no-new-privileges');
  const seccomp = seccompOption(sc.seccompProfile ?? podContext.seccompProfile, facts.seccompRoot);
  if (seccomp) securityOpt.push(seccomp);
  if (sc.procMount === 'Unmasked') securityOpt.push('systempaths=unconfined');
  if (securityOpt.length) options.securityOpt = securityOpt;

  const groups = [...(podContext.supplementalGroups ?? []), ...(podContext.fsGroup !== undefined ? [podContext.fsGroup] : [])].map(String);
  if (groups.length) options.groupAdd = [...new Set(groups)];
  if (podContext.fsGroup !== undefined) unsupported.push(`fsGroup ${podContext.fsGroup}: the group is added to the container's process, volume ownership is not changed`);
  if (sc.seLinuxOptions ?? podContext.seLinuxOptions) unsupported.push('seLinuxOptions: not applied (Docker labels the container itself)');
  if (sc.appArmorProfile ?? podContext.appArmorProfile) unsupported.push("appArmorProfile: not applied (Docker's default profile is used)");
  if (podContext.sysctls?.length) unsupported.push(`sysctls ${podContext.sysctls.map((s: any) => s.name).join(', ')}: not applied`);
  if (sc.windowsOptions ?? podContext.windowsOptions) unsupported.push('windowsOptions: not applied (Linux containers)');
  return { options, unsupported };
}

function contexts(pod: KObject, container: any): { sc: any; podContext: any } {
  return { sc: container.securityContext ?? {}, podContext: pod.spec.securityContext ?? {} };
}

/** The kubelet's verifyRunAsNonRoot, with its messages. */
function verifyNonRoot(pod: KObject, container: any, runAsUser: number | undefined, imageUser: string | undefined): void {
  const where = `(pod: "${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})", container: ${container.name})`;
  if (runAsUser !== undefined) {
    if (runAsUser === 0) throw new ConfigError(`container's runAsUser breaks non-root policy ${where}`);
    return;
  }
  const user = (imageUser ?? '').split(':')[0];
  if (user !== '' && !/^\d+$/.test(user)) throw new ConfigError(`container has runAsNonRoot and image has non-numeric user (${user}), cannot verify user is non-root ${where}`);
  if (user === '' || Number(user) === 0) throw new ConfigError(`container has runAsNonRoot and image will run as root ${where}`);
}

/** RuntimeDefault is Docker's default profile; Unconfined turns it off; Localhost loads a profile kctl keeps. */
function seccompOption(profile: any, root: string): string | undefined {
  if (profile?.type === 'Unconfined') return 'seccomp=unconfined';
  if (profile?.type !== 'Localhost') return undefined;
  const name = String(profile.localhostProfile ?? '');
  if (!name || path.isAbsolute(name) || name.split(/[\\/]/).includes('..')) {
    throw new ConfigError(`invalid seccomp localhostProfile "${name}": must be a path relative to ${root} without ".."`);
  }
  const file = path.join(root, name);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
    JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`cannot load seccomp profile "${file}": ${(e as Error).message}`);
  }
  return `seccomp=${text}`;
}

/** Kubernetes writes NET_ADMIN, some manifests CAP_NET_ADMIN; Docker takes either, kctl passes one form. */
function capability(name: string): string {
  return String(name).toUpperCase().replace(/^CAP_/, '');
}
