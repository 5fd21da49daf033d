/**
 * The baseline level of the Pod Security Standards: pod-security-admission's baseline checks at their latest
 * revision, with its exact reasons and details. The list is in the order the messages name them (by check id).
 */
import {
  containersOf,
  containersPhrase,
  containersWhere,
  inUserNamespace,
  joinQuote,
  podContext,
  pluralize,
  settersPhrase,
  sortedSet,
  type Check,
} from './common';

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';
const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
/** Allowed from v1.31. */
const SELINUX_ENGINE_TYPE = 'container_engine_t';
/** The safe sysctls, each with the policy version that added it. */
const SAFE_SYSCTLS: [name: string, since: number][] = [
  ['kernel.shm_rmid_forced', 0],
  ['net.ipv4.ip_local_port_range', 0],
  ['net.ipv4.tcp_syncookies', 0],
  ['net.ipv4.ping_group_range', 0],
  ['net.ipv4.ip_unprivileged_port_start', 0],
  ['net.ipv4.ip_local_reserved_ports', 27],
  ['net.ipv4.tcp_keepalive_time', 29],
  ['net.ipv4.tcp_fin_timeout', 29],
  ['net.ipv4.tcp_keepalive_intvl', 29],
  ['net.ipv4.tcp_keepalive_probes', 29],
  ['net.ipv4.tcp_rmem', 32],
  ['net.ipv4.tcp_wmem', 32],
];
/** Before v1.19 seccomp was set by annotations, and the baseline check reads those. */
const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

const appArmorProfile: Check = {
  id: 'appArmorProfile',
  since: 0,
  run({ metadata, spec }) {
    const bad = (type: unknown) => type !== undefined && type !== 'RuntimeDefault' && type !== 'Localhost';
    const podType = podContext(spec).appArmorProfile?.type;
    const containers = containersOf(spec).filter((c) => bad(c.securityContext?.appArmorProfile?.type));
    const annotations = Object.entries(metadata?.annotations ?? {}).filter(
      ([key, value]) => key.startsWith(APPARMOR_ANNOTATION) && value !== '' && value !== 'runtime/default' && !value.startsWith('localhost/'),
    );
    const count = (bad(podType) ? 1 : 0) + containers.length + annotations.length;
    if (count === 0) return undefined;
    const setters = [
      ...(bad(podType) ? ['pod'] : []),
      ...(containers.length ? [containersPhrase(containers.map((c) => String(c.name)))] : []),
      ...(annotations.length ? [pluralize('annotation', 'annotations', annotations.length)] : []),
    ];
    const types = sortedSet([...(bad(podType) ? [podType] : []), ...containers.map((c) => c.securityContext.appArmorProfile.type)]);
    const values = [...types, ...annotations.map(([k, v]) => `${k}=${JSON.stringify(v)}`).sort()];
    return {
      reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', count),
      detail: `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(values)}`,
    };
  },
};

const capabilitiesBaseline: Check = {
  id: 'capabilities_baseline',
  since: 0,
  run({ spec }) {
    const extra = (c: any) => ((c.securityContext?.capabilities?.add ?? []) as string[]).filter((cap) => !BASELINE_CAPABILITIES.has(cap));
    const containers = containersOf(spec).filter((c) => extra(c).length);
    if (!containers.length) return undefined;
    const caps = sortedSet(containers.flatMap(extra));
    return {
      reason: 'non-default capabilities',
      detail: `${containersPhrase(containers.map((c) => String(c.name)))} must not include ${joinQuote(caps)} in securityContext.capabilities.add`,
    };
  },
};

const hostNamespaces: Check = {
  id: 'hostNamespaces',
  since: 0,
  run({ spec }) {
    const set = (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((field) => spec?.[field] === true);
    return set.length ? { reason: 'host namespaces', detail: set.map((field) => `${field}=true`).join(', ') } : undefined;
  },
};

export const hostPathVolumes: Check = {
  id: 'hostPathVolumes',
  since: 0,
  run({ spec }) {
    const names = ((spec?.volumes ?? []) as any[]).filter((v) => v?.hostPath).map((v) => String(v.name));
    return names.length ? { reason: 'hostPath volumes', detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)}` } : undefined;
  },
};

const hostPorts: Check = {
  id: 'hostPorts',
  since: 0,
  run({ spec }) {
    const ports = (c: any) => ((c.ports ?? []) as any[]).map((p) => p?.hostPort).filter((p) => p !== undefined && p !== null && p !== 0);
    const containers = containersOf(spec).filter((c) => ports(c).length);
    if (!containers.length) return undefined;
    const all = sortedSet(containers.flatMap(ports).map(String));
    const verb = pluralize('uses', 'use', containers.length);
    return { reason: 'hostPort', detail: `${containersPhrase(containers.map((c) => String(c.name)))} ${verb} ${pluralize('hostPort', 'hostPorts', all.length)} ${all.join(', ')}` };
  },
};

const hostProbesAndHostLifecycle: Check = {
  id: 'hostProbesAndHostLifecycle',
  since: 34,
  run({ spec }) {
    const handlers = (c: any) => [c.livenessProbe, c.readinessProbe, c.startupProbe, c.lifecycle?.postStart, c.lifecycle?.preStop];
    const hosts = (c: any) => handlers(c).flatMap((h) => [h?.httpGet?.host, h?.tcpSocket?.host]).filter((host) => typeof host === 'string' && host !== '');
    const containers = containersOf(spec).filter((c) => hosts(c).length);
    if (!containers.length) return undefined;
    const names = sortedSet(containers.map((c) => String(c.name)));
    const all = sortedSet(containers.flatMap(hosts));
    return {
      reason: 'probe or lifecycle host',
      detail: `${containersPhrase(names)} ${pluralize('uses', 'use', names.length)} probe or lifecycle ${pluralize('host', 'hosts', all.length)} ${joinQuote(all)}`,
    };
  },
};

const privileged: Check = {
  id: 'privileged',
  since: 0,
  run({ spec }) {
    const names = containersWhere(spec, (c) => c.securityContext?.privileged === true);
    return names.length ? { reason: 'privileged', detail: `${containersPhrase(names)} must not set securityContext.privileged=true` } : undefined;
  },
};

/** A user-namespace pod may unmask /proc at baseline from v1.35; restricted (procMount_restricted) never allows it. */
export function procMountCheck(id: string, since: number, relaxForUserNamespace: boolean, overrides?: string[]): Check {
  return {
    id,
    since,
    overrides,
    run({ spec }, minor) {
      if (relaxForUserNamespace && minor >= 35 && inUserNamespace(spec)) return undefined;
      const bad = (c: any) => c.securityContext?.procMount !== undefined && c.securityContext.procMount !== 'Default';
      const containers = containersOf(spec).filter(bad);
      if (!containers.length) return undefined;
      const types = sortedSet(containers.map((c) => String(c.securityContext.procMount)));
      return { reason: 'procMount', detail: `${containersPhrase(containers.map((c) => String(c.name)))} must not set securityContext.procMount to ${joinQuote(types)}` };
    },
  };
}

const seLinuxOptions: Check = {
  id: 'seLinuxOptions',
  since: 0,
  run({ spec }, minor) {
    const allowedType = (type: string) => SELINUX_TYPES.has(type) || (minor >= 31 && type === SELINUX_ENGINE_TYPE);
    const problems = (o: any) => ({
      type: o?.type !== undefined && !allowedType(o.type) ? [String(o.type)] : [],
      user: Boolean(o?.user),
      role: Boolean(o?.role),
    });
    const broken = (p: ReturnType<typeof problems>) => p.type.length > 0 || p.user || p.role;
    const pod = problems(podContext(spec).seLinuxOptions);
    const containers = containersOf(spec).map((c) => ({ name: String(c.name), p: problems(c.securityContext?.seLinuxOptions) })).filter((c) => broken(c.p));
    if (!broken(pod) && !containers.length) return undefined;
    const all = [pod, ...containers.map((c) => c.p)];
    const types = sortedSet(all.flatMap((p) => p.type));
    const data = [
      ...(types.length ? [`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`] : []),
      ...(all.some((p) => p.user) ? ['user may not be set'] : []),
      ...(all.some((p) => p.role) ? ['role may not be set'] : []),
    ];
    return { reason: 'seLinuxOptions', detail: `${settersPhrase(broken(pod), containers.map((c) => c.name))} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}` };
  },
};

/** Who set seccompProfile.type to something `allowed` rejects, and the values: the seccomp checks' first half. */
export function badSeccomp(spec: any, allowed: (type: string) => boolean) {
  const bad = (type: unknown) => type !== undefined && !allowed(String(type));
  const podType = podContext(spec).seccompProfile?.type;
  const containers = containersOf(spec).filter((c) => bad(c.securityContext?.seccompProfile?.type));
  return {
    pod: bad(podType),
    containers: containers.map((c) => String(c.name)),
    types: sortedSet([...(bad(podType) ? [String(podType)] : []), ...containers.map((c) => String(c.securityContext.seccompProfile.type))]),
  };
}

const seccompProfileBaseline: Check = {
  id: 'seccompProfile_baseline',
  since: 0,
  run({ metadata, spec }, minor) {
    if (minor < 19) return seccompAnnotations(metadata?.annotations ?? {}, spec);
    const found = badSeccomp(spec, (type) => type === 'RuntimeDefault' || type === 'Localhost');
    if (!found.pod && !found.containers.length) return undefined;
    return { reason: 'seccompProfile', detail: `${settersPhrase(found.pod, found.containers)} must not set securityContext.seccompProfile.type to ${joinQuote(found.types)}` };
  },
};

/** The v1.0 seccomp check: the annotations, on the pod and on containers that exist. */
function seccompAnnotations(annotations: Record<string, string>, spec: any) {
  const allowed = (value: string) => value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
  const keys = [SECCOMP_POD_ANNOTATION, ...containersOf(spec).map((c) => SECCOMP_CONTAINER_ANNOTATION + c.name)];
  const bad = sortedSet(keys.filter((k) => k in annotations && !allowed(annotations[k])).map((k) => `${k}=${JSON.stringify(annotations[k])}`));
  return bad.length ? { reason: 'seccompProfile', detail: `forbidden ${pluralize('annotation', 'annotations', bad.length)} ${bad.join(', ')}` } : undefined;
}

const sysctls: Check = {
  id: 'sysctls',
  since: 0,
  run({ spec }, minor) {
    const safe = new Set(SAFE_SYSCTLS.filter(([, since]) => since <= minor).map(([name]) => name));
    const names = ((podContext(spec).sysctls ?? []) as any[]).map((s) => String(s?.name)).filter((name) => !safe.has(name));
    return names.length ? { reason: 'forbidden sysctls', detail: names.join(', ') } : undefined;
  },
};

const windowsHostProcess: Check = {
  id: 'windowsHostProcess',
  since: 0,
  run({ spec }) {
    const pod = podContext(spec).windowsOptions?.hostProcess === true;
    const names = containersWhere(spec, (c) => c.securityContext?.windowsOptions?.hostProcess === true);
    if (!pod && !names.length) return undefined;
    return { reason: 'hostProcess', detail: `${settersPhrase(pod, names)} must not set securityContext.windowsOptions.hostProcess=true` };
  },
};

export const BASELINE_CHECKS: Check[] = [
  appArmorProfile,
  capabilitiesBaseline,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbesAndHostLifecycle,
  privileged,
  procMountCheck('procMount', 0, true),
  seLinuxOptions,
  seccompProfileBaseline,
  sysctls,
  windowsHostProcess,
];
