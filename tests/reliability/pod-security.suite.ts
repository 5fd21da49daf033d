/**
 * Hostile pods on the real engine: every way a manifest could take over the machine kctl runs on (the Docker
 * socket, the host's root, host namespaces, privileged, capabilities, seccomp, /proc, sysctls, AppArmor, SELinux,
 * a forged opt-in, a state file edited by hand). For each: the exit code and Kubernetes' message, the state file
 * unchanged byte for byte, no host path created, and a bystander Deployment still running and serving.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { deploymentYaml, eventually } from '../e2e/harness';
import { DockerCli } from './helpers/docker-cli';
import { EngineKctl } from './helpers/kctl';
import { bystanderReconciles, bystanderServes, startBystander } from './helpers/bystander';

const docker = new DockerCli();
const k = new EngineKctl('kctl-pod-security-');
const HINT = 'hint: to run it anyway, label the namespace pod-security.kubernetes.io/enforce=privileged or apply with --allow-privileged';
/** Host paths the hostile pods ask to have created; none may exist afterwards. */
const hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kctl-psa-host-'));
const mustNotExist = (name: string) => path.join(hostDir, name);

const pod = (name: string, opts: { container?: string; spec?: string; meta?: string } = {}) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${opts.meta ?? ''}spec:
  terminationGracePeriodSeconds: 1
${opts.spec ?? ''}  containers:
    - name: c
      image: kctl-test/busybox:latest
      imagePullPolicy: Never
      command: [sleep, "3600"]
${opts.container ?? ''}`;

interface HostileCase {
  name: string;
  manifest: string;
  /** The `error:` lines, without the leading `error: <file>:`. */
  errors: string[];
  /** A host path the pod would have created. */
  creates?: string;
}

const baseline = (object: string, detail: string) => `${object} is forbidden: violates PodSecurity "baseline:latest": ${detail}`;
const refusedPod = (name: string, detail: string) => [`1:1: ${baseline(`pods "${name}"`, detail)}`];

const CASES: HostileCase[] = [
  {
    name: 'docker-socket',
    manifest: pod('docker-socket', { container: '      volumeMounts: [{ name: sock, mountPath: /var/run/docker.sock }]\n', spec: '  volumes: [{ name: sock, hostPath: { path: /var/run/docker.sock } }]\n' }),
    errors: refusedPod('docker-socket', 'hostPath volumes (volume "sock")'),
  },
  {
    name: 'host-root',
    manifest: pod('host-root', { container: '      volumeMounts: [{ name: root, mountPath: /host }]\n', spec: '  volumes: [{ name: root, hostPath: { path: / } }]\n' }),
    errors: refusedPod('host-root', 'hostPath volumes (volume "root")'),
  },
  {
    name: 'hostpath-directory-or-create',
    manifest: pod('mkdir', { spec: `  volumes: [{ name: d, hostPath: { path: ${mustNotExist('made-dir')}, type: DirectoryOrCreate } }]\n` }),
    errors: refusedPod('mkdir', 'hostPath volumes (volume "d")'),
    creates: mustNotExist('made-dir'),
  },
  {
    name: 'hostpath-file-or-create',
    manifest: pod('touch', { spec: `  volumes: [{ name: f, hostPath: { path: ${mustNotExist('sub/made-file')}, type: FileOrCreate } }]\n` }),
    errors: refusedPod('touch', 'hostPath volumes (volume "f")'),
    creates: mustNotExist('sub'),
  },
  {
    name: 'hostpath-etc-readonly',
    manifest: pod('etc', { container: '      volumeMounts: [{ name: etc, mountPath: /host-etc, readOnly: true }]\n', spec: '  volumes: [{ name: etc, hostPath: { path: /etc, type: Directory } }]\n' }),
    errors: refusedPod('etc', 'hostPath volumes (volume "etc")'),
  },
  { name: 'privileged', manifest: pod('priv', { container: '      securityContext: { privileged: true }\n' }), errors: refusedPod('priv', 'privileged (container "c" must not set securityContext.privileged=true)') },
  {
    name: 'privileged-init-container',
    manifest: pod('priv-init', { spec: '  initContainers:\n    - { name: setup, image: kctl-test/busybox:latest, imagePullPolicy: Never, command: ["true"], securityContext: { privileged: true } }\n' }),
    errors: refusedPod('priv-init', 'privileged (container "setup" must not set securityContext.privileged=true)'),
  },
  { name: 'cap-sys-admin', manifest: pod('sysadmin', { container: '      securityContext: { capabilities: { add: [SYS_ADMIN] } }\n' }), errors: refusedPod('sysadmin', 'non-default capabilities (container "c" must not include "SYS_ADMIN" in securityContext.capabilities.add)') },
  { name: 'cap-net-raw', manifest: pod('netraw', { container: '      securityContext: { capabilities: { add: [NET_RAW, NET_ADMIN] } }\n' }), errors: refusedPod('netraw', 'non-default capabilities (container "c" must not include "NET_ADMIN", "NET_RAW" in securityContext.capabilities.add)') },
  { name: 'cap-all', manifest: pod('allcaps', { container: '      securityContext: { capabilities: { add: [ALL] } }\n' }), errors: refusedPod('allcaps', 'non-default capabilities (container "c" must not include "ALL" in securityContext.capabilities.add)') },
  { name: 'host-network', manifest: pod('hostnet', { spec: '  hostNetwork: true\n' }), errors: refusedPod('hostnet', 'host namespaces (hostNetwork=true)') },
  { name: 'host-pid-ipc', manifest: pod('hostpid', { spec: '  hostPID: true\n  hostIPC: true\n' }), errors: refusedPod('hostpid', 'host namespaces (hostPID=true, hostIPC=true)') },
  { name: 'host-port', manifest: pod('hostport', { container: '      ports: [{ containerPort: 8080, hostPort: 8080 }]\n' }), errors: refusedPod('hostport', 'hostPort (container "c" uses hostPort 8080)') },
  { name: 'seccomp-unconfined-pod', manifest: pod('seccomp', { spec: '  securityContext: { seccompProfile: { type: Unconfined } }\n' }), errors: refusedPod('seccomp', 'seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")') },
  { name: 'seccomp-unconfined-container', manifest: pod('seccomp-c', { container: '      securityContext: { seccompProfile: { type: Unconfined } }\n' }), errors: refusedPod('seccomp-c', 'seccompProfile (container "c" must not set securityContext.seccompProfile.type to "Unconfined")') },
  { name: 'proc-mount-unmasked', manifest: pod('procmount', { container: '      securityContext: { procMount: Unmasked }\n' }), errors: refusedPod('procmount', 'procMount (container "c" must not set securityContext.procMount to "Unmasked")') },
  { name: 'unsafe-sysctls', manifest: pod('sysctl', { spec: '  securityContext: { sysctls: [{ name: kernel.msgmax, value: "65536" }, { name: net.ipv4.tcp_syncookies, value: "1" }, { name: vm.swappiness, value: "0" }] }\n' }), errors: refusedPod('sysctl', 'forbidden sysctls (kernel.msgmax, vm.swappiness)') },
  {
    name: 'apparmor-annotation',
    manifest: pod('apparmor', { meta: '  annotations: { container.apparmor.security.beta.kubernetes.io/c: unconfined }\n' }),
    errors: refusedPod('apparmor', 'forbidden AppArmor profile (annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/c="unconfined"")'),
  },
  { name: 'apparmor-field', manifest: pod('apparmor-f', { container: '      securityContext: { appArmorProfile: { type: Unconfined } }\n' }), errors: refusedPod('apparmor-f', 'forbidden AppArmor profile (container "c" must not set AppArmor profile type to "Unconfined")') },
  { name: 'selinux-type', manifest: pod('selinux', { container: '      securityContext: { seLinuxOptions: { type: spc_t } }\n' }), errors: refusedPod('selinux', 'seLinuxOptions (container "c" set forbidden securityContext.seLinuxOptions: type "spc_t")') },
  { name: 'selinux-user-role', manifest: pod('selinux-u', { spec: '  securityContext: { seLinuxOptions: { user: root, role: sysadm_r } }\n' }), errors: refusedPod('selinux-u', 'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: user may not be set; role may not be set)') },
  { name: 'windows-host-process', manifest: pod('hostproc', { spec: '  securityContext: { windowsOptions: { hostProcess: true } }\n' }), errors: refusedPod('hostproc', 'hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true)') },
  { name: 'probe-host', manifest: pod('probehost', { container: '      readinessProbe: { tcpSocket: { host: 169.254.169.254, port: 80 } }\n' }), errors: refusedPod('probehost', 'probe or lifecycle host (container "c" uses probe or lifecycle host "169.254.169.254")') },
  {
    name: 'everything-at-once',
    manifest: pod('all', { container: '      securityContext: { privileged: true, capabilities: { add: [SYS_ADMIN] } }\n', spec: '  hostNetwork: true\n  volumes: [{ name: x, hostPath: { path: / } }]\n' }),
    errors: refusedPod('all', 'non-default capabilities (container "c" must not include "SYS_ADMIN" in securityContext.capabilities.add), host namespaces (hostNetwork=true), hostPath volumes (volume "x"), privileged (container "c" must not set securityContext.privileged=true)'),
  },
  {
    name: 'deployment-template',
    manifest: deploymentYaml('agent', { extra: '          volumeMounts: [{ name: sock, mountPath: /var/run/docker.sock }]\n      volumes: [{ name: sock, hostPath: { path: /var/run/docker.sock } }]\n' }),
    errors: [`1:1: ${baseline('deployments.apps "agent"', 'hostPath volumes (volume "sock")')}`],
  },
  {
    name: 'forged-opt-in',
    manifest: pod('forged', { meta: '  annotations: { kctl.io/allow-privileged: "true" }\n', container: '      securityContext: { privileged: true }\n' }),
    errors: refusedPod('forged', 'privileged (container "c" must not set securityContext.privileged=true)'),
  },
  {
    name: 'good-beside-bad',
    manifest: `${pod('innocent')}---\n${pod('beside', { spec: '  volumes: [{ name: sock, hostPath: { path: /var/run/docker.sock } }]\n' })}`,
    errors: [`13:1: ${baseline('pods "beside"', 'hostPath volumes (volume "sock")')}`],
  },
  {
    name: 'restricted-namespace',
    manifest: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: locked\n  labels: { pod-security.kubernetes.io/enforce: restricted }\n---\n${pod('plain').replace('  name: plain\n', '  name: plain\n  namespace: locked\n')}`,
    errors: [
      '7:1: pods "plain" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    ],
  },
  {
    name: 'misspelt-namespace-label',
    manifest: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: typo\n  labels: { pod-security.kubernetes.io/enforce: Privileged }\n---\n${pod('sock2', { spec: '  volumes: [{ name: sock, hostPath: { path: /var/run/docker.sock } }]\n' }).replace('  name: sock2\n', '  name: sock2\n  namespace: typo\n')}`,
    errors: [
      '7:1: pods "sock2" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), restricted volume types (volume "sock" uses restricted volume type "hostPath"), runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    ],
  },
];


beforeAll(() => startBystander(k), 120_000);

afterAll(async () => {
  await k.cleanup();
  fs.rmSync(hostDir, { recursive: true, force: true });
}, 120_000);

describe('a hostile manifest is refused at apply: exit 3, Kubernetes\' message, nothing written or made', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const file = `${c.name}.yaml`;
    k.write(file, c.manifest);
    const before = fs.readFileSync(k.statePath);
    const r = await k.run(['apply', '-f', file, '--timeout', '20s']);
    expect(r.code).toBe(3);
    const lines = r.stderr.trimEnd().split('\n');
    // Fields a cluster accepts and one host cannot honour are warned about first; then the refusal, then the way out.
    expect(lines.filter((l) => !l.startsWith('Warning: '))).toEqual([...c.errors.map((e) => `error: ${file}:${e}`), HINT]);
    expect(fs.readFileSync(k.statePath).equals(before)).toBe(true);
    if (c.creates) expect(fs.existsSync(c.creates)).toBe(false);
    expect(await bystanderServes(k)).toBe(true);
  });
});

describe('the opt-ins and the state file', () => {
  test('with the namespace labelled privileged the same hostPath pod runs and gets its directory', async () => {
    const made = mustNotExist('allowed-dir');
    k.write('opted-in.yaml', `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: trusted\n  labels: { pod-security.kubernetes.io/enforce: privileged }\n---\n${pod('trusted', { container: '      volumeMounts: [{ name: d, mountPath: /d }]\n', spec: `  volumes: [{ name: d, hostPath: { path: ${made}, type: DirectoryOrCreate } }]\n` }).replace('  name: trusted\n', '  name: trusted\n  namespace: trusted\n')}`);
    const r = await k.run(['apply', '-f', 'opted-in.yaml', '--timeout', '60s']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(fs.statSync(made).isDirectory()).toBe(true);
  });

  test('a privileged pod written into the state by hand is never started, and makes nothing on the host', async () => {
    const made = mustNotExist('hand-edited');
    const state = JSON.parse(fs.readFileSync(k.statePath, 'utf8'));
    const model = Object.values(state.objects as Record<string, any>).find((o) => o.kind === 'Pod' && o.metadata.labels?.app === 'bystander');
    const forged = structuredClone(model);
    forged.metadata = { name: 'forged-by-hand', namespace: 'default', uid: 'forged-uid-1', creationTimestamp: model.metadata.creationTimestamp };
    forged.spec.containers[0].securityContext = { privileged: true };
    forged.spec.volumes = [{ name: 'd', hostPath: { path: made, type: 'DirectoryOrCreate' } }];
    forged.status = { phase: 'Pending' };
    state.objects['Pod/default/forged-by-hand'] = forged;
    fs.writeFileSync(k.statePath, JSON.stringify(state, null, 2), { mode: 0o600 });

    expect((await k.run(['reconcile', '--wait=false'])).code).toBe(0);
    const status = await eventually(async () => {
      const s = JSON.parse((await k.run(['get', 'pod', 'forged-by-hand', '-o', 'json'])).stdout).status;
      return s.containerStatuses?.[0]?.state?.waiting ? s : undefined;
    }, 20, 250);
    expect(status.containerStatuses[0].state.waiting).toEqual({
      reason: 'CreateContainerConfigError',
      message: 'pods "forged-by-hand" is forbidden: violates PodSecurity "baseline:latest": hostPath volumes (volume "d"), privileged (container "bystander" must not set securityContext.privileged=true)',
    });
    expect(fs.existsSync(made)).toBe(false);
    expect((await docker.containers(k.scopeId)).filter((c) => c.labels['io.kctl.pod'] === 'forged-by-hand')).toEqual([]);
    expect(await bystanderServes(k)).toBe(true);
  });
});

test('after every case the bystander still reconciles: scaled up and down, it serves', async () => {
  expect(await bystanderReconciles(k)).toBe(true);
});
