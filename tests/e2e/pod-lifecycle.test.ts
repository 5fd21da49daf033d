/**
 * Pods for real applications on real Docker, part 2: lifecycle. A claim whose data outlives its Deployment,
 * a memory limit that ends in OOMKilled, a crash loop whose back-off grows, a hostPort a second replica cannot
 * get, and the multi-service example applying cleanly. Each test has its own state file so they run at once.
 */
import * as path from 'path';
import { Kctl, ROOT, docker, eventually } from './harness';

jest.setTimeout(120_000);

const busybox = (name: string, command: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  terminationGracePeriodSeconds: 1
${extra}  containers:
    - name: ${name}
      image: kctl-test/busybox:latest
      imagePullPolicy: IfNotPresent
      command: [sh, -c, '${command}']
`;

async function podJson(k: Kctl, name: string): Promise<any> {
  return JSON.parse((await k.run(['get', 'pod', name, '-o', 'json'])).stdout);
}

describe('pod lifecycle on real Docker', () => {
  const states: Kctl[] = [];
  const kctl = () => {
    const k = new Kctl();
    states.push(k);
    return k;
  };
  afterAll(() => Promise.all(states.map((k) => k.cleanup())));

  test.concurrent('a PersistentVolumeClaim keeps its data when the Deployment is deleted and created again', async () => {
    const k = kctl();
    const file = k.write('db.yaml', `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  replicas: 1
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      terminationGracePeriodSeconds: 1
      containers:
        - name: db
          image: kctl-test/busybox:latest
          imagePullPolicy: IfNotPresent
          command: [sh, -c, 'echo "$HOSTNAME" >> /var/lib/db/boots; exec sleep 3600']
          volumeMounts: [{ name: data, mountPath: /var/lib/db }]
      volumes:
        - name: data
          persistentVolumeClaim: { claimName: data }
`);
    expect((await k.run(['apply', '-f', file])).code).toBe(0);
    expect((await k.run(['get', 'pvc', 'data', '-o', 'jsonpath={.status.phase}'])).stdout).toBe('Bound');
    const first = (await k.run(['exec', 'deployment/db', '--', 'cat', '/var/lib/db/boots'])).stdout.trim().split('\n');
    expect(first).toHaveLength(1);

    expect((await k.run(['delete', 'deployment', 'db'])).stdout).toBe('deployment.apps "db" deleted\n');
    expect(await k.containers()).toEqual([]);
    const volumes = (await docker(['volume', 'ls', '-q', '--filter', `label=io.kctl.state=${k.scopeId}`])).trim().split('\n');
    expect(volumes).toHaveLength(1);

    expect((await k.run(['apply', '-f', file])).code).toBe(0);
    const second = (await k.run(['exec', 'deployment/db', '--', 'cat', '/var/lib/db/boots'])).stdout.trim().split('\n');
    expect(second).toHaveLength(2);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[0]);

    expect((await k.run(['delete', '-f', file])).code).toBe(0);
    expect((await docker(['volume', 'ls', '-q', '--filter', `label=io.kctl.state=${k.scopeId}`])).trim()).toBe('');
  });

  test.concurrent('a container over its memory limit is OOMKilled', async () => {
    const k = kctl();
    const pod = busybox('hog', 'x=0123456789abcdef; while true; do x=$x$x; done', '  restartPolicy: Never\n').replace(
      "command: [sh, -c, 'x=0123456789abcdef; while true; do x=$x$x; done']",
      "command: [sh, -c, 'x=0123456789abcdef; while true; do x=$x$x; done']\n      resources: { limits: { memory: 16Mi, cpu: 500m } }",
    );
    expect((await k.run(['apply', '-f', k.write('hog.yaml', pod), '--wait=false'])).code).toBe(0);
    // The pod may look ready for a moment before the kernel kills it, and on a busy host the engine learns of the
    // OOM kill just after the exit (kctl then finds its oom event on the next pass): reconcile until OOMKilled.
    const status = await eventually(async () => {
      await k.run(['reconcile', '--wait=false']);
      const s = (await podJson(k, 'hog')).status;
      return s.phase === 'Failed' && s.containerStatuses[0].state.terminated.reason === 'OOMKilled' ? s : undefined;
    }, 40, 250);
    expect(status.containerStatuses[0].state.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    expect((await k.run(['get', 'pod', 'hog', '--no-headers'])).stdout).toMatch(/^hog\s+0\/1\s+OOMKilled\s+0\s+\d+s\n$/);
    const [c] = await k.containers();
    expect(await docker(['inspect', c.id, '--format', '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}}'])).toBe(`${16 * 1024 * 1024} 500000000\n`);
  });

  test.concurrent('a crashing container goes into CrashLoopBackOff with a growing back-off', async () => {
    const k = kctl();
    expect((await k.run(['apply', '-f', k.write('crash.yaml', busybox('crash', 'echo boom; exit 3')), '--wait=false'])).code).toBe(0);
    // A controller keeps restarting it; the test watches restartCount and the back-off grow.
    const controller = k.spawn(['reconcile', '--watch']);
    const seen: { restarts: number; backoff: number }[] = [];
    try {
      await eventually(async () => {
        const cs = (await podJson(k, 'crash')).status.containerStatuses[0];
        const backoff = Number(/back-off (\d+)s/.exec(cs.state.waiting?.message ?? '')?.[1] ?? 0);
        if (backoff && seen[seen.length - 1]?.backoff !== backoff) seen.push({ restarts: cs.restartCount, backoff });
        return backoff >= 20 ? true : undefined;
      }, 100, 300);
    } finally {
      controller.kill('SIGINT');
    }
    expect(seen.map((s) => s.backoff)).toEqual([10, 20]);
    expect(seen[1].restarts).toBeGreaterThan(seen[0].restarts);
    expect((await k.run(['get', 'pod', 'crash', '--no-headers'])).stdout).toMatch(/^crash\s+0\/1\s+CrashLoopBackOff\s+2 \(\d+s ago\)\s+\d+s\n$/);
    expect((await k.run(['logs', 'crash', '--previous'])).stdout).toBe('boom\n');
  });

  test.concurrent('a second replica that cannot get the same hostPort stays Pending with the reason', async () => {
    const k = kctl();
    const port = 20000 + (process.pid % 10000);
    // A hostPort breaks the baseline Pod Security level: the namespace's label is the visible opt-in.
    const file = k.write('hp.yaml', `apiVersion: v1
kind: Namespace
metadata:
  name: default
  labels: { pod-security.kubernetes.io/enforce: privileged }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hp
spec:
  replicas: 2
  selector: { matchLabels: { app: hp } }
  template:
    metadata: { labels: { app: hp } }
    spec:
      terminationGracePeriodSeconds: 1
      containers:
        - name: web
          image: kctl-demo/web:v1
          ports: [{ containerPort: 8080, hostPort: ${port} }]
`);
    expect((await k.run(['apply', '-f', file, '--wait=false'])).code).toBe(0);
    const pods = await eventually(async () => {
      const lines = (await k.run(['get', 'pods', '--no-headers'])).stdout.trim().split('\n');
      return lines.some((l) => /\s1\/1\s+Running\s/.test(l)) ? lines : (await k.run(['reconcile', '--wait=false']), undefined);
    }, 20, 250);
    expect(pods.map((l) => l.split(/\s+/)[2]).sort()).toEqual(['Pending', 'Running']);
    const pending = pods.find((l) => l.includes('Pending'))!.split(/\s+/)[0];
    const condition = (await podJson(k, pending)).status.conditions[0];
    expect(condition).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' });
    expect(condition.message).toMatch(new RegExp(`^0/1 nodes are available: 1 node\\(s\\) didn't have free ports for the requested pod ports. \\(hostPort ${port}/TCP is taken by pod default/hp-`));
    const served = await eventually(async () => (await fetch(`http://127.0.0.1:${port}/version`)).text(), 20, 250);
    expect(served.trim()).toBe('v1');
  });

  test.concurrent('the multi-service example applies cleanly and comes up', async () => {
    const k = kctl();
    const r = await k.run(['apply', '-f', path.join(ROOT, 'manifests/examples')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean).every((l) => l.endsWith(' created'))).toBe(true);
    const deployments = (await k.run(['-n', 'shop', 'get', 'deployments', '--no-headers'])).stdout.trim().split('\n');
    expect(deployments.map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual(['api 2/2', 'db 1/1', 'frontend 2/2', 'worker 1/1']);
    const products = await k.run(['-n', 'shop', 'exec', 'deployment/api', '--', 'wget', '-qO-', 'http://localhost:8080/products.json']);
    expect(JSON.parse(products.stdout).map((p: any) => p.name)).toEqual(['teapot', 'cup']);
  });
});
