/**
 * The Pod Security Standards checks, pure: each level's violations for a pod spec, worded as Kubernetes'
 * pod-security-admission words them (the expected strings are its own, from its check tests and messages),
 * and the namespace labels that choose a level.
 */
import { LATEST_MINOR, policyMinor, violations } from '../../src/kinds/pod/security/checks';
import { violationText } from '../../src/kinds/pod/security/admission';
import { namespacePolicy } from '../../src/kinds/pod/security/levels';
import { BASELINE_CHECKS } from '../../src/kinds/pod/security/checks/baseline';
import { RESTRICTED_CHECKS } from '../../src/kinds/pod/security/checks/restricted';

const text = (level: 'baseline' | 'restricted', spec: any, annotations?: Record<string, string>) => violationText(violations(level, { metadata: { annotations }, spec }));
const c = (name: string, extra: any = {}) => ({ name, image: 'x', ...extra });
const sc = (name: string, securityContext: any) => c(name, { securityContext });

/** A container that passes restricted: what the restricted level asks every container to say. */
const hardened = (name: string) => sc(name, { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });

describe('baseline', () => {
  test('the message Kubernetes gives for a pod that takes over its host, checks in id order', () => {
    const spec = { hostNetwork: true, volumes: [{ name: 'x', hostPath: { path: '/var/run/docker.sock' } }], containers: [sc('a', { privileged: true, capabilities: { add: ['SYS_ADMIN'] } })] };
    expect(text('baseline', spec)).toBe(
      'non-default capabilities (container "a" must not include "SYS_ADMIN" in securityContext.capabilities.add), host namespaces (hostNetwork=true), hostPath volumes (volume "x"), privileged (container "a" must not set securityContext.privileged=true)',
    );
  });

  test('a plain pod, and the capabilities and sysctls baseline allows, pass', () => {
    expect(violations('baseline', { spec: { containers: [c('web')] } })).toEqual([]);
    const allowed = { securityContext: { sysctls: [{ name: 'net.ipv4.tcp_keepalive_time', value: '60' }] }, containers: [sc('a', { capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN'] }, privileged: false })] };
    expect(violations('baseline', { spec: allowed })).toEqual([]);
  });

  test('plural forms: containers listed in visit order (init first), values sorted and unique', () => {
    const spec = {
      hostPID: true,
      hostIPC: true,
      initContainers: [sc('init', { capabilities: { add: ['SYS_ADMIN', 'NET_RAW'] } })],
      containers: [sc('b', { capabilities: { add: ['NET_RAW'] } }), c('c', { ports: [{ containerPort: 80, hostPort: 30 }, { containerPort: 81, hostPort: 10 }] }), c('d', { ports: [{ hostPort: 20 }, { hostPort: 0 }] })],
      volumes: [{ name: 'v1', hostPath: { path: '/' } }, { name: 'v2', emptyDir: {} }, { name: 'v3', hostPath: { path: '/etc' } }],
    };
    expect(violations('baseline', { spec })).toEqual([
      { reason: 'non-default capabilities', detail: 'containers "init", "b" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add' },
      { reason: 'host namespaces', detail: 'hostPID=true, hostIPC=true' },
      { reason: 'hostPath volumes', detail: 'volumes "v1", "v3"' },
      { reason: 'hostPort', detail: 'containers "c", "d" use hostPorts 10, 20, 30' },
    ]);
    expect(text('baseline', { containers: [c('b', { ports: [{ hostPort: 20 }] })] })).toBe('hostPort (container "b" uses hostPort 20)');
  });

  test('seccomp Unconfined, procMount, unsafe sysctls, hostProcess, probe hosts', () => {
    const spec = {
      securityContext: { seccompProfile: { type: 'Unconfined' }, sysctls: [{ name: 'kernel.msgmax' }, { name: 'net.ipv4.ip_local_port_range' }, { name: 'vm.swappiness' }], windowsOptions: { hostProcess: true } },
      containers: [sc('a', { procMount: 'Unmasked', seccompProfile: { type: 'Unconfined' } }), c('p', { livenessProbe: { httpGet: { host: '1.2.3.4', port: 80 } } })],
    };
    expect(violations('baseline', { spec })).toEqual([
      { reason: 'probe or lifecycle host', detail: 'container "p" uses probe or lifecycle host "1.2.3.4"' },
      { reason: 'procMount', detail: 'container "a" must not set securityContext.procMount to "Unmasked"' },
      { reason: 'seccompProfile', detail: 'pod and container "a" must not set securityContext.seccompProfile.type to "Unconfined"' },
      { reason: 'forbidden sysctls', detail: 'kernel.msgmax, vm.swappiness' },
      { reason: 'hostProcess', detail: 'pod must not set securityContext.windowsOptions.hostProcess=true' },
    ]);
    // A pod in a user namespace may unmask /proc at baseline.
    expect(violations('baseline', { spec: { hostUsers: false, containers: [sc('a', { procMount: 'Unmasked' })] } })).toEqual([]);
  });

  test('SELinux and AppArmor overrides', () => {
    const selinux = {
      securityContext: { seLinuxOptions: { type: 'foo', user: 'u' } },
      containers: [sc('e', { seLinuxOptions: { type: 'bar' } }), sc('f', { seLinuxOptions: { role: 'r' } }), sc('g', { seLinuxOptions: { type: 'foo' } }), sc('ok', { seLinuxOptions: { type: 'container_t' } })],
    };
    expect(text('baseline', selinux)).toBe('seLinuxOptions (pod and containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set)');
    const apparmor = { containers: [sc('a', { appArmorProfile: { type: 'Unconfined' } }), sc('b', { appArmorProfile: { type: 'RuntimeDefault' } })] };
    expect(text('baseline', apparmor, { 'container.apparmor.security.beta.kubernetes.io/a': 'unconfined', 'container.apparmor.security.beta.kubernetes.io/b': 'runtime/default' })).toBe(
      'forbidden AppArmor profiles (container "a" and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/a="unconfined"")',
    );
  });
});

describe('restricted', () => {
  test('a plain nginx pod: the warning Kubernetes prints for it', () => {
    expect(text('restricted', { containers: [c('nginx')] })).toBe(
      'allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });

  test('a hardened pod passes; pod-level runAsNonRoot and seccomp cover containers that say nothing', () => {
    expect(violations('restricted', { spec: { containers: [hardened('a')], volumes: [{ name: 'cfg', configMap: { name: 'x' } }] } })).toEqual([]);
    const podLevel = { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } }, containers: [sc('a', { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } })] };
    expect(violations('restricted', { spec: podLevel })).toEqual([]);
  });

  test('explicit settings are named before implicit ones; restricted replaces the baseline hostPath and capability checks', () => {
    const spec = {
      securityContext: { runAsNonRoot: false, runAsUser: 0 },
      containers: [
        sc('a', { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['all'], add: ['SYS_ADMIN', 'NET_BIND_SERVICE'] }, seccompProfile: { type: 'Unconfined' }, runAsUser: 0 }),
        sc('b', { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } }),
      ],
      volumes: [{ name: 'b1', hostPath: { path: '/' } }, { name: 'c1' }, { name: 'ok', emptyDir: {} }],
    };
    expect(violations('restricted', { spec })).toEqual([
      { reason: 'unrestricted capabilities', detail: 'container "a" must set securityContext.capabilities.drop=["ALL"]; container "a" must not include "SYS_ADMIN" in securityContext.capabilities.add' },
      { reason: 'restricted volume types', detail: 'volumes "b1", "c1" use restricted volume types "hostPath", "unknown"' },
      { reason: 'runAsNonRoot != true', detail: 'pod must not set securityContext.runAsNonRoot=false' },
      { reason: 'runAsUser=0', detail: 'pod and container "a" must not set runAsUser=0' },
      { reason: 'seccompProfile', detail: 'container "a" must not set securityContext.seccompProfile.type to "Unconfined"' },
    ]);
  });

  test('Windows pods are exempt from the Linux-only settings', () => {
    expect(text('restricted', { os: { name: 'windows' }, securityContext: { runAsNonRoot: true }, containers: [c('w')] })).toBe('');
  });
});

test('the checks are listed in the order of their ids, baseline first, as the messages list them', () => {
  const byteOrder = (ids: string[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const checks of [BASELINE_CHECKS, RESTRICTED_CHECKS]) expect(checks.map((c) => c.id)).toEqual(byteOrder(checks.map((c) => c.id)));
});

describe('namespace labels', () => {
  const P = 'pod-security.kubernetes.io/';
  test('no label: kctl enforces baseline:latest, with no warn or audit level', () => {
    expect(namespacePolicy(undefined)).toEqual({ enforce: { level: 'baseline', version: 'latest' }, warn: undefined, audit: undefined });
  });

  test('levels and versions per mode; a version alone changes only the version', () => {
    expect(namespacePolicy({ [`${P}enforce`]: 'privileged', [`${P}warn`]: 'restricted', [`${P}warn-version`]: 'v1.30', [`${P}audit`]: 'baseline' })).toEqual({
      enforce: { level: 'privileged', version: 'latest' },
      warn: { level: 'restricted', version: 'v1.30' },
      audit: { level: 'baseline', version: 'latest' },
    });
    expect(namespacePolicy({ [`${P}enforce-version`]: 'v1.29' }).enforce).toEqual({ level: 'baseline', version: 'v1.29' });
  });

  test('a label that does not parse: enforce fails closed (restricted), warn and audit open (privileged), a version is latest', () => {
    expect(namespacePolicy({ [`${P}enforce`]: 'Privileged', [`${P}enforce-version`]: '1.25', [`${P}warn`]: 'bogus', [`${P}audit-version`]: 'v2.0', [`${P}audit`]: 'nope' })).toEqual({
      enforce: { level: 'restricted', version: 'latest' },
      warn: { level: 'privileged', version: 'latest' },
      audit: { level: 'privileged', version: 'latest' },
    });
  });
});

describe('policy versions: each check from the version that added it, each revision at its version', () => {
  const at = (level: 'baseline' | 'restricted', version: string, spec: any, annotations?: Record<string, string>) =>
    violations(level, { metadata: { annotations }, spec }, version).map((v) => v.reason);

  test('latest, and a version newer than kctl knows, are the newest checks; v1.N as written', () => {
    expect([policyMinor('latest'), policyMinor('v1.99'), policyMinor('v1.0'), policyMinor('v1.22')]).toEqual([LATEST_MINOR, LATEST_MINOR, 0, 22]);
  });

  test('baseline: probe hosts from v1.34, sysctls and SELinux types as each version allows them', () => {
    const probe = { containers: [c('p', { livenessProbe: { tcpSocket: { host: '10.0.0.1', port: 80 } } })] };
    expect([at('baseline', 'v1.33', probe), at('baseline', 'v1.34', probe)]).toEqual([[], ['probe or lifecycle host']]);
    const keepalive = { securityContext: { sysctls: [{ name: 'net.ipv4.tcp_keepalive_time', value: '60' }] }, containers: [c('a')] };
    expect([at('baseline', 'v1.28', keepalive), at('baseline', 'v1.29', keepalive)]).toEqual([['forbidden sysctls'], []]);
    const engine = { containers: [sc('a', { seLinuxOptions: { type: 'container_engine_t' } })] };
    expect([at('baseline', 'v1.30', engine), at('baseline', 'v1.31', engine)]).toEqual([['seLinuxOptions'], []]);
  });

  test('baseline before v1.19 reads the seccomp annotations, not the fields', () => {
    const field = { securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [c('a')] };
    expect(at('baseline', 'v1.18', field)).toEqual([]);
    const annotated = violations('baseline', { metadata: { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined', 'container.seccomp.security.alpha.kubernetes.io/a': 'runtime/default' } }, spec: { containers: [c('a')] } }, 'v1.18');
    expect(annotated).toEqual([{ reason: 'seccompProfile', detail: 'forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined"' }]);
  });

  test('restricted: capabilities from v1.22 (the baseline check before), runAsUser from v1.23', () => {
    const spec = { securityContext: { runAsNonRoot: true, runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } }, containers: [sc('a', { allowPrivilegeEscalation: false, capabilities: { add: ['SYS_ADMIN'] } })] };
    expect(at('restricted', 'v1.21', spec)).toEqual(['non-default capabilities']);
    expect(at('restricted', 'v1.22', spec)).toEqual(['unrestricted capabilities']);
    expect(at('restricted', 'v1.23', spec)).toEqual(['unrestricted capabilities', 'runAsUser=0']);
  });

  test('user namespaces relax /proc at baseline and root at restricted only from v1.35; Windows pods are exempt from v1.25', () => {
    const userns = { hostUsers: false, containers: [sc('a', { procMount: 'Unmasked' })] };
    expect([at('baseline', 'v1.34', userns), at('baseline', 'v1.35', userns)]).toEqual([['procMount'], []]);
    expect(at('restricted', 'latest', { ...userns, containers: [{ ...hardened('a'), securityContext: { ...hardened('a').securityContext, procMount: 'Unmasked' } }] })).toEqual(['procMount']);
    const windows = { os: { name: 'windows' }, securityContext: { runAsNonRoot: true }, containers: [c('w')] };
    expect(at('restricted', 'v1.24', windows)).toEqual(['allowPrivilegeEscalation != false', 'unrestricted capabilities', 'seccompProfile']);
    expect(at('restricted', 'v1.25', windows)).toEqual([]);
  });

  test('the message names the policy as the label says it', () => {
    const policy = namespacePolicy({ 'pod-security.kubernetes.io/enforce-version': 'v1.99' });
    expect(policy.enforce).toEqual({ level: 'baseline', version: 'v1.99' });
  });
});
