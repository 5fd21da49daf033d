/**
 * Deployments on real Docker (issue: Deployments on real Docker): apply, scale, delete, drift repair,
 * a kctl crash mid-apply recovered by the next command, an unpullable image, and a no-op re-apply.
 */
import { Kctl, deploymentYaml, docker, eventually } from './harness';

jest.setTimeout(180_000);

describe('deployments on real Docker', () => {
  const k = new Kctl();
  afterAll(() => k.cleanup());

  /** The application containers (not pod sandboxes) of one Deployment. */
  const appContainers = async (app: string) => (await k.containers()).filter((c) => c.labels['io.kctl.pod']?.startsWith(`${app}-`) && c.labels['io.kctl.role'] === 'app');
  const running = async (app: string) => (await appContainers(app)).filter((c) => c.state === 'running');

  test('apply creates real containers and get shows them Running', async () => {
    const file = k.write('web.yaml', deploymentYaml('web', { replicas: 3 }));
    const r = await k.run(['apply', '-f', file]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/web created\n');
    expect(r.code).toBe(0);
    expect((await running('web')).length).toBe(3);

    const pods = await k.run(['get', 'pods', '--no-headers']);
    const lines = pods.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^web-[a-z0-9]{6,10}-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+\d+s$/);

    const dep = await k.run(['get', 'deployment', 'web']);
    expect(dep.stdout).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+3\/3\s+3\s+3\s+\d+s\n$/);

    // Containers are readable in `docker ps` and carry kctl's labels.
    const c = (await appContainers('web'))[0];
    expect(c.name).toMatch(/^default_web-[a-z0-9]{6,10}-[a-z0-9]{5}_web_0$/);
    expect(c.labels['io.kctl.namespace']).toBe('default');
    expect(c.labels['io.kctl.owner']).toMatch(/^web-[a-z0-9]{6,10}$/);
    expect(c.labels['io.kctl.pod-template-hash']).toMatch(/^[a-z0-9]{6,10}$/);
  });

  test('re-applying the same manifest is unchanged and touches no container', async () => {
    const before = (await k.containers()).map((c) => c.id).sort();
    // docker events --since has whole-second resolution: start at the next second so the first apply's own
    // events (which may end in this second) are not counted.
    const since = Math.ceil(Date.now() / 1000);
    await new Promise((r) => setTimeout(r, since * 1000 - Date.now() + 10));
    const r = await k.run(['apply', '-f', 'web.yaml']);
    expect(r.stdout).toBe('deployment.apps/web unchanged\n');
    const events = await docker(['events', '--since', String(since), '--until', String(Math.floor(Date.now() / 1000) + 1), '--filter', `label=io.kctl.state=${k.scopeId}`, '--filter', 'type=container', '--format', '{{.Action}}']);
    expect(events.split('\n').filter((a) => a === 'create' || a === 'destroy')).toEqual([]);
    expect((await k.containers()).map((c) => c.id).sort()).toEqual(before);
  });

  test('scale up and down', async () => {
    expect((await k.run(['scale', 'deployment/web', '--replicas=5'])).stdout).toBe('deployment.apps/web scaled\n');
    expect((await running('web')).length).toBe(5);
    const down = await k.run(['scale', 'deployment', 'web', '--replicas', '2']);
    expect(down.stdout).toBe('deployment.apps/web scaled\n');
    expect(down.code).toBe(0);
    expect((await appContainers('web')).map((c) => c.state)).toEqual(['running', 'running']);
    const pre = await k.run(['scale', 'deployment/web', '--replicas=3', '--current-replicas=4']);
    expect(pre.code).toBe(5);
    expect(pre.stderr).toBe('error: Expected replicas to be 4, was 2\n');
  });

  test('a container removed behind kctl\'s back is replaced by reconcile', async () => {
    const [victim] = await running('web');
    await docker(['rm', '-f', victim.id]);
    const r = await k.run(['reconcile']);
    expect(r.code).toBe(0);
    const now = await running('web');
    expect(now.length).toBe(2);
    expect(now.map((c) => c.id)).not.toContain(victim.id);
  });

  test('a container killed behind kctl\'s back is restarted and counted', async () => {
    const restarts = async () => {
      const r = await k.run(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.status.containerStatuses[0].restartCount}{"\\n"}{end}']);
      return Object.fromEntries(r.stdout.trim().split('\n').map((l) => l.split('=')).map(([n, c]) => [n, Number(c)]));
    };
    const before = await restarts();
    const [victim] = await running('web');
    await docker(['kill', victim.id]);
    expect((await k.run(['reconcile'])).code).toBe(0);
    expect((await running('web')).length).toBe(2);
    const after = await restarts();
    const pod = victim.labels['io.kctl.pod'];
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after[pod]).toBe(before[pod] + 1);
  });

  test('kctl killed mid-apply: the next command converges with no orphan and no duplicate', async () => {
    const file = k.write('big.yaml', deploymentYaml('big', { replicas: 6 }));
    const child = k.spawn(['apply', '-f', file]);
    // Kill as soon as the first container of this deployment exists.
    await eventually(async () => (await k.containers()).some((c) => c.labels['io.kctl.pod']?.startsWith('big-')), 200, 25);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const r = await k.run(['apply', '-f', file]);
    expect(r.code).toBe(0);
    const big = await appContainers('big');
    expect(big.filter((c) => c.state === 'running').length).toBe(6);
    expect(big.length).toBe(6);
    expect(new Set(big.map((c) => c.labels['io.kctl.pod'])).size).toBe(6);
  });

  test('an image that cannot be pulled is ErrImagePull with Docker\'s message', async () => {
    const file = k.write('bad.yaml', deploymentYaml('bad', { replicas: 1, image: 'kctl-nonexistent.invalid/nope:1' }));
    const r = await k.run(['apply', '-f', file, '--timeout', '60s']);
    expect(r.stdout).toBe('deployment.apps/bad created\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: pod\/bad-[a-z0-9]+-[a-z0-9]+ is not ready: ErrImagePull: Failed to pull image "kctl-nonexistent.invalid\/nope:1": /);
    const pods = await k.run(['get', 'pods', '-l', 'app=bad', '--no-headers']);
    expect(pods.stdout).toMatch(/^bad-\S+\s+0\/1\s+(ErrImagePull|ImagePullBackOff)\s+0\s+\d+s\n$/);
    const d = await k.run(['describe', 'pods', '-l', 'app=bad']);
    expect(d.stdout).toMatch(/Failed to pull image "kctl-nonexistent.invalid\/nope:1"/);
  });

  test('delete cascades to ReplicaSets, Pods and containers', async () => {
    const r = await k.run(['delete', 'deployment', 'web', 'big', 'bad']);
    expect(r.stdout).toBe('deployment.apps "web" deleted\ndeployment.apps "big" deleted\ndeployment.apps "bad" deleted\n');
    expect(r.code).toBe(0);
    expect((await k.containers()).map((c) => c.name)).toEqual([]);
    const all = await k.run(['get', 'all']);
    expect(all.stdout).toBe('');
    expect(all.stderr).toBe('No resources found in default namespace.\n');
  });

  test('namespaces: one Docker network each, deleting one deletes what is in it', async () => {
    expect((await k.run(['create', 'namespace', 'team-a'])).stdout).toBe('namespace/team-a created\n');
    const file = k.write('ns.yaml', deploymentYaml('api', { replicas: 1 }));
    expect((await k.run(['apply', '-f', file, '-n', 'team-a'])).stdout).toBe('deployment.apps/api created\n');
    const nets = await docker(['network', 'ls', '--filter', `label=io.kctl.state=${k.scopeId}`, '--format', '{{.Name}}']);
    expect(nets.trim()).toBe(`kctl-${k.scopeId}-team-a`);
    const r = await k.run(['delete', 'namespace', 'team-a']);
    expect(r.stdout).toBe('namespace "team-a" deleted\n');
    expect((await k.containers()).map((c) => c.name)).toEqual([]);
    expect((await docker(['network', 'ls', '--filter', `label=io.kctl.state=${k.scopeId}`, '-q'])).trim()).toBe('');
  });
});
