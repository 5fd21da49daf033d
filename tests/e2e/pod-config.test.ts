/**
 * Pods for real applications on real Docker, part 1: configuration. One pod takes its environment from a
 * ConfigMap, a Secret and the downward API, mounts both as files, shares an emptyDir between two containers
 * and has an init container that must finish first; then logs -f, exec with exit codes, and a missing
 * ConfigMap that leaves a pod in CreateContainerConfigError until it is created.
 */
import { Kctl, eventually } from './harness';

jest.setTimeout(120_000);

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  GREETING: hello
  app.conf: |
    port=8080
---
apiVersion: v1
kind: Secret
metadata:
  name: app-secret
data:
  password: czNjcjN0
---
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  terminationGracePeriodSeconds: 1
  initContainers:
    - name: setup
      image: kctl-test/busybox:latest
      imagePullPolicy: IfNotPresent
      command: [sh, -c, "sleep 1; echo prepared-by-init > /shared/init"]
      volumeMounts: [{ name: shared, mountPath: /shared }]
  containers:
    - name: main
      image: kctl-test/busybox:latest
      imagePullPolicy: IfNotPresent
      command: [sh, -c, 'cat /shared/init; i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 0.3; done']
      env:
        - name: POD_NAME
          valueFrom: { fieldRef: { fieldPath: metadata.name } }
        - name: POD_IP
          valueFrom: { fieldRef: { fieldPath: status.podIP } }
        - name: PASSWORD
          valueFrom: { secretKeyRef: { name: app-secret, key: password } }
        - name: MESSAGE
          value: "$(GREETING) from $(POD_NAME)"
      envFrom:
        - configMapRef: { name: app-config }
          prefix: CFG_
        - configMapRef: { name: app-config }
      volumeMounts:
        - { name: shared, mountPath: /shared }
        - { name: config, mountPath: /etc/config }
        - { name: secret, mountPath: /etc/secret }
    - name: sidecar
      image: kctl-test/busybox:latest
      imagePullPolicy: IfNotPresent
      command: [sh, -c, "echo written-by-sidecar > /data/sidecar; exec sleep 3600"]
      volumeMounts: [{ name: shared, mountPath: /data }]
  volumes:
    - name: shared
      emptyDir: {}
    - name: config
      configMap:
        name: app-config
        items: [{ key: app.conf, path: conf/app.conf }]
    - name: secret
      secret:
        secretName: app-secret
        defaultMode: 0400
`;

describe('pod configuration on real Docker', () => {
  const k = new Kctl();
  afterAll(() => k.cleanup());

  beforeAll(async () => {
    const r = await k.run(['apply', '-f', k.write('app.yaml', MANIFEST), '--timeout', '60s']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('configmap/app-config created\nsecret/app-secret created\npod/app created\n');
    expect(r.code).toBe(0);
  });

  test('env from a ConfigMap (envFrom with and without prefix), a Secret, the downward API and $(VAR)', async () => {
    const r = await k.run(['exec', 'app', '-c', 'main', '--', 'sh', '-c', 'echo "$GREETING|$CFG_GREETING|$PASSWORD|$POD_NAME|$MESSAGE"; echo "$POD_IP"']);
    expect(r.code).toBe(0);
    const [values, ip] = r.stdout.split('\n');
    expect(values).toBe('hello|hello|s3cr3t|app|hello from app');
    const podIP = await k.run(['get', 'pod', 'app', '-o', 'jsonpath={.status.podIP}']);
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(ip).toBe(podIP.stdout);
  });

  test('files from a ConfigMap (items, path) and a Secret (defaultMode), mounted read-only', async () => {
    const r = await k.run(['exec', 'app', '-c', 'main', '--', 'sh', '-c', 'cat /etc/config/conf/app.conf /etc/secret/password; echo; stat -c "%a %n" /etc/secret/password /etc/config/conf/app.conf']);
    expect(r.stdout).toBe('port=8080\ns3cr3t\n400 /etc/secret/password\n644 /etc/config/conf/app.conf\n');
    const write = await k.run(['exec', 'app', '-c', 'main', '--', 'touch', '/etc/config/new']);
    expect(write.code).toBe(1);
    expect(write.stderr).toBe("touch: /etc/config/new: Read-only file system\nerror: command terminated with exit code 1\n");
  });

  test('the init container finished before the app containers started', async () => {
    const init = await k.run(['get', 'pod', 'app', '-o', 'jsonpath={.status.initContainerStatuses[0].state.terminated.reason} {.status.initContainerStatuses[0].state.terminated.finishedAt}']);
    const [reason, finishedAt] = init.stdout.split(' ');
    expect(reason).toBe('Completed');
    const main = await k.run(['get', 'pod', 'app', '-o', 'jsonpath={.status.containerStatuses[0].state.running.startedAt}']);
    expect(Date.parse(main.stdout)).toBeGreaterThanOrEqual(Date.parse(finishedAt));
    const logs = await k.run(['logs', 'app', '-c', 'main', '--tail', '-1']);
    expect(logs.stdout.split('\n')[0]).toBe('prepared-by-init');
  });

  test('an emptyDir is shared by the containers of the pod', async () => {
    const r = await eventually(async () => {
      const out = await k.run(['exec', 'app', '-c', 'main', '--', 'cat', '/shared/sidecar', '/shared/init']);
      return out.code === 0 ? out : undefined;
    }, 20, 250);
    expect(r.stdout).toBe('written-by-sidecar\nprepared-by-init\n');
  });

  test('logs -f streams new lines; --tail and --prefix', async () => {
    const child = k.spawn(['logs', '-f', 'app', '-c', 'main', '--tail', '1']);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    try {
      await eventually(async () => (out.split('\n').filter((l) => l.startsWith('tick')).length >= 3 ? true : undefined), 50, 200);
    } finally {
      child.kill('SIGINT');
    }
    const ticks = out.split('\n').filter(Boolean).map((l) => Number(l.replace('tick ', '')));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    ticks.slice(1).forEach((n, i) => expect(n).toBe(ticks[i] + 1));
    const prefixed = await k.run(['logs', 'app', '--all-containers', '--tail', '1']);
    expect(prefixed.stdout).toMatch(/^\[pod\/app\/main\] tick \d+\n$/);
  });

  test('exec passes the exit code, stdout and stderr through; -i forwards stdin', async () => {
    const r = await k.run(['exec', 'app', '--', 'sh', '-c', 'echo out; echo err >&2; exit 7']);
    expect(r).toEqual({ code: 7, stdout: 'out\n', stderr: 'Defaulted container "main" out of: main, sidecar, setup (init)\nerr\nerror: command terminated with exit code 7\n' });
    const piped = await k.run(['exec', '-i', 'app', '-c', 'sidecar', '--', 'wc', '-c'], { stdin: 'twelve bytes' });
    expect(piped.stdout.trim()).toBe('12');
    expect(piped.code).toBe(0);
  });

  test('a missing ConfigMap leaves the pod in CreateContainerConfigError until it exists', async () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: waits
spec:
  terminationGracePeriodSeconds: 1
  containers:
    - name: c
      image: kctl-test/busybox:latest
      imagePullPolicy: IfNotPresent
      command: [sh, -c, 'echo "$LATER"; exec sleep 3600']
      env:
        - name: LATER
          valueFrom: { configMapKeyRef: { name: later, key: value } }
`;
    const r = await k.run(['apply', '-f', k.write('waits.yaml', pod)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: pod/waits is not ready: CreateContainerConfigError: configmap "later" not found\n');
    const get = await k.run(['get', 'pod', 'waits', '--no-headers']);
    expect(get.stdout).toMatch(/^waits\s+0\/1\s+CreateContainerConfigError\s+0\s+\d+s\n$/);
    const created = await k.run(['create', 'configmap', 'later', '--from-literal', 'value=arrived']);
    expect(created.stdout).toBe('configmap/later created\n');
    expect((await k.run(['reconcile', '--timeout', '30s'])).code).toBe(0);
    expect((await k.run(['logs', 'waits'])).stdout).toBe('arrived\n');
  });

  test('a pod that meets restricted runs hardened, as the kubelet runs it; runAsNonRoot on a root image is refused', async () => {
    const hardened = (name: string, securityContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: locked
spec:
  terminationGracePeriodSeconds: 1
  securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault }, supplementalGroups: [4242] }
  containers:
    - name: c
      image: kctl-test/busybox:latest
      imagePullPolicy: IfNotPresent
      command: [sleep, "3600"]
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] }${securityContext} }
`;
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: locked\n  labels: { pod-security.kubernetes.io/enforce: restricted }\n---\n';
    const r = await k.run(['apply', '-f', k.write('hardened.yaml', ns + hardened('hardened', ', runAsUser: 65534, readOnlyRootFilesystem: true')), '--timeout', '60s']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const status = (await k.run(['exec', '-n', 'locked', 'hardened', '--', 'cat', '/proc/1/status'])).stdout;
    const field = (name: string) => status.match(new RegExp(`^${name}:\\s*(.*)$`, 'm'))?.[1];
    expect(field('NoNewPrivs')).toBe('1');
    expect(field('CapEff')).toBe('0000000000000000');
    expect(field('Seccomp')).toBe('2'); // a filter: Docker's default profile
    expect(field('Uid')?.split(/\s+/)[0]).toBe('65534');
    expect(field('Groups')).toContain('4242');
    expect((await k.run(['exec', '-n', 'locked', 'hardened', '--', 'touch', '/x'])).code).not.toBe(0);
    // The test image sets no USER: with runAsNonRoot and no runAsUser it would run as root, so it is not started.
    const root = await k.run(['apply', '-f', k.write('root.yaml', hardened('root', '')), '--timeout', '5s']);
    expect(root.code).toBe(1);
    expect(root.stderr).toMatch(/^error: pod\/root is not ready: CreateContainerConfigError: container has runAsNonRoot and image will run as root \(pod: "root_locked\([0-9a-f-]+\)", container: c\)\n/);
  });
});
