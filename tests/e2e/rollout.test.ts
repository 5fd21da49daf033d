/**
 * Rollouts on real Docker with the locally built kctl-demo/web:v1 and :v2 (busybox httpd, readiness httpGet
 * /healthz every second): rolling update, undo, undo --to-revision, Recreate, pause/resume, restart, a version
 * whose readiness never passes (ProgressDeadlineExceeded, old pods still serving; auto-rollback exits 6), and
 * kctl killed mid-rollout (the next `rollout status` finishes it, no orphan, no duplicate).
 */
import { Kctl, eventually } from './harness';

jest.setTimeout(180_000);

interface Manifest {
  name: string;
  image?: string;
  replicas?: number;
  readinessPath?: string;
  strategy?: 'Recreate';
  progressDeadlineSeconds?: number;
}

function manifest(m: Manifest): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${m.name}
spec:
  replicas: ${m.replicas ?? 3}
${m.progressDeadlineSeconds ? `  progressDeadlineSeconds: ${m.progressDeadlineSeconds}\n` : ''}${m.strategy ? `  strategy:\n    type: ${m.strategy}\n` : ''}  selector:
    matchLabels: {app: ${m.name}}
  template:
    metadata:
      labels: {app: ${m.name}}
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: ${m.name}
          image: ${m.image ?? 'kctl-demo/web:v1'}
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet: {path: ${m.readinessPath ?? '/healthz'}, port: http}
            periodSeconds: 1
`;
}

describe('rollouts on real Docker', () => {
  const k = new Kctl('kctl-e2e-rollout-');
  afterAll(() => k.cleanup());

  /** Application containers (not pod sandboxes) of a Deployment's pods, as Docker lists them. */
  const appContainers = async (app: string) => (await k.containers()).filter((c) => c.labels['io.kctl.pod']?.startsWith(`${app}-`) && c.labels['io.kctl.role'] === 'app');
  const runningImages = async (app: string) => {
    // One `docker ps` (not ps + inspect): a container removed in between must not fail the watch.
    return (await appContainers(app)).filter((c) => c.state === 'running').map((c) => c.image).sort();
  };
  /** What each Ready pod of `app` answers on /version through its published port. */
  const servedVersions = async (app: string) => {
    const pods = JSON.parse((await k.run(['get', 'pods', '-l', `app=${app}`, '-o', 'json'])).stdout).items;
    const ready = pods.filter((p: any) => p.status.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'));
    const versions = await Promise.all(ready.map(async (p: any) => (await fetch(`http://127.0.0.1:${p.status.kctl.ports[0].hostPort}/version`)).text()));
    return versions.map((v) => v.trim()).sort();
  };
  const history = async (app: string) => (await k.run(['rollout', 'history', `deployment/${app}`])).stdout;

  test('rolling update v1 -> v2, then undo, then undo --to-revision', async () => {
    k.write('web.yaml', manifest({ name: 'web' }));
    expect(await k.run(['apply', '-f', 'web.yaml'])).toEqual({ code: 0, stdout: 'deployment.apps/web created\n', stderr: '' });
    expect(await servedVersions('web')).toEqual(['v1', 'v1', 'v1']);

    const update = await k.run(['set', 'image', 'deployment/web', 'web=kctl-demo/web:v2']);
    expect(update).toEqual({ code: 0, stdout: 'deployment.apps/web image updated\n', stderr: '' });
    expect(await runningImages('web')).toEqual(['kctl-demo/web:v2', 'kctl-demo/web:v2', 'kctl-demo/web:v2']);
    expect(await servedVersions('web')).toEqual(['v2', 'v2', 'v2']);
    expect(await k.run(['rollout', 'status', 'deployment/web'])).toEqual({ code: 0, stdout: 'deployment "web" successfully rolled out\n', stderr: '' });
    expect(await history('web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');

    expect((await k.run(['rollout', 'undo', 'deployment/web'])).stdout).toBe('deployment.apps/web rolled back\n');
    expect(await servedVersions('web')).toEqual(['v1', 'v1', 'v1']);
    expect(await history('web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');

    expect((await k.run(['rollout', 'undo', 'deployment/web', '--to-revision', '2'])).stdout).toBe('deployment.apps/web rolled back\n');
    expect(await servedVersions('web')).toEqual(['v2', 'v2', 'v2']);
    expect(await history('web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n3         <none>\n4         <none>\n\n');
    expect(await appContainers('web')).toHaveLength(3);
  });

  test('pause, a change that waits, resume; then restart replaces every container', async () => {
    expect((await k.run(['rollout', 'pause', 'deployment/web'])).stdout).toBe('deployment.apps/web paused\n');
    const before = (await appContainers('web')).map((c) => c.id).sort();
    expect((await k.run(['set', 'image', 'deployment/web', 'web=kctl-demo/web:v1'])).stdout).toBe('deployment.apps/web image updated\n');
    expect((await appContainers('web')).map((c) => c.id).sort()).toEqual(before);
    expect(await servedVersions('web')).toEqual(['v2', 'v2', 'v2']);

    expect((await k.run(['rollout', 'resume', 'deployment/web'])).stdout).toBe('deployment.apps/web resumed\n');
    expect(await servedVersions('web')).toEqual(['v1', 'v1', 'v1']);

    const ids = (await appContainers('web')).map((c) => c.id);
    expect((await k.run(['rollout', 'restart', 'deployment/web'])).stdout).toBe('deployment.apps/web restarted\n');
    const after = await appContainers('web');
    expect(after).toHaveLength(3);
    expect(after.filter((c) => ids.includes(c.id))).toEqual([]);
    expect(await servedVersions('web')).toEqual(['v1', 'v1', 'v1']);
  });

  test('a version whose readiness never passes stalls with the old pods serving, exceeds its deadline (exit 1); --auto-rollback undoes it (exit 6)', async () => {
    k.write('web.yaml', manifest({ name: 'web', image: 'kctl-demo/web:v2', readinessPath: '/nope', progressDeadlineSeconds: 10 }));
    expect((await k.run(['apply', '-f', 'web.yaml', '--wait=false'])).stdout).toBe('deployment.apps/web configured\n');
    const status = await k.run(['rollout', 'status', 'deployment/web', '--timeout', '60s']);
    expect(status).toEqual({
      code: 1,
      stdout: 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
      stderr: 'error: deployment "web" exceeded its progress deadline\n',
    });
    expect(await servedVersions('web')).toEqual(['v1', 'v1', 'v1']);
    expect((await k.run(['get', 'deployment', 'web', '-o', 'jsonpath={.status.conditions[?(@.type=="Progressing")].reason}'])).stdout).toBe('ProgressDeadlineExceeded');
    const events = (await k.run(['get', 'events'])).stdout;
    expect(events).toMatch(/Readiness probe failed: HTTP probe failed with statuscode: 404/);

    // Back to the latest revision that completed: the restart's (6), running v1.
    const rolledBack = await k.run(['rollout', 'status', 'deployment/web', '--auto-rollback', '--timeout', '60s']);
    expect(rolledBack.code).toBe(6);
    expect(rolledBack.stderr).toBe(
      'warning: deployment "web" rolled back to revision 6: progress deadline exceeded\n' + 'error: deployment "web" rollout failed (progress deadline exceeded) and was rolled back to revision 6\n',
    );
    expect(await servedVersions('web')).toEqual(['v1', 'v1', 'v1']);
    expect(await runningImages('web')).toEqual(['kctl-demo/web:v1', 'kctl-demo/web:v1', 'kctl-demo/web:v1']);
  });

  test('Recreate: every old pod is gone before a new one starts', async () => {
    k.write('api.yaml', manifest({ name: 'api', replicas: 2, strategy: 'Recreate' }));
    expect((await k.run(['apply', '-f', 'api.yaml'])).code).toBe(0);
    const update = k.run(['set', 'image', 'deployment/api', 'api=kctl-demo/web:v2']);
    let mixed = false;
    let done = false;
    void update.then(() => (done = true));
    // Bounded watch of what Docker runs while the update goes on.
    for (let i = 0; i < 300 && !done; i++) {
      const images = new Set(await runningImages('api'));
      if (images.size > 1) mixed = true;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await update).stdout).toBe('deployment.apps/api image updated\n');
    expect(mixed).toBe(false);
    expect(await servedVersions('api')).toEqual(['v2', 'v2']);
  });

  test('kctl killed mid-rollout: the next rollout status finishes it, with no orphan and no duplicate', async () => {
    const child = k.spawn(['set', 'image', 'deployment/web', 'web=kctl-demo/web:v2']);
    const exited = new Promise((r) => child.on('exit', r));
    // Kill it once the first v2 container exists.
    await eventually(async () => (await runningImages('web')).includes('kctl-demo/web:v2'), 200, 50);
    child.kill('SIGKILL');
    await exited;
    expect(await runningImages('web')).not.toEqual(['kctl-demo/web:v2', 'kctl-demo/web:v2', 'kctl-demo/web:v2']);

    const status = await k.run(['rollout', 'status', 'deployment/web', '--timeout', '60s']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/deployment "web" successfully rolled out\n$/);
    expect(await runningImages('web')).toEqual(['kctl-demo/web:v2', 'kctl-demo/web:v2', 'kctl-demo/web:v2']);

    // Every container belongs to a pod kctl knows, one application container per pod (one container: no sandbox).
    const pods = (await k.run(['get', 'pods', '-o', 'name'])).stdout.trim().split('\n').map((l) => l.replace('pod/', ''));
    const containers = await k.containers();
    expect(containers.filter((c) => !pods.includes(c.labels['io.kctl.pod']))).toEqual([]);
    for (const pod of pods) {
      const mine = containers.filter((c) => c.labels['io.kctl.pod'] === pod).map((c) => c.labels['io.kctl.role']).sort();
      expect({ pod, roles: mine }).toEqual({ pod, roles: ['app'] });
    }
    expect(pods.filter((p) => p.startsWith('web-'))).toHaveLength(3);
  });
});
