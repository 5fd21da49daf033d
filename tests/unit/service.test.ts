/**
 * Services on the fake runtime, pass by pass: allocated cluster IPs and node ports, Endpoints with only Ready
 * and not-terminating pods, named targetPorts, and the in-network proxy container that makes a Service
 * reachable by name inside its namespace's network.
 */
import { allocateNodePort } from '../../src/kinds/service/controller/allocate';
import { SERVICE_PROXY_ROLE } from '../../src/backends/local/service/in-network';
import { LABEL, type ContainerInfo } from '../../src/runtime/runtime';
import { Store } from '../../src/store/store';
import { clockedCliEnv, runCli } from '../helpers/cli';
import { nodePortListeners } from '../../src/kinds/service/proxy/node-ports';

function world() {
  const env = clockedCliEnv();
  const runtime = env.runtime;
  const w = {
    runtime,
    env,
    run: (line: string) => runCli(line, env),
    async apply(yaml: string) {
      env.write('m.yaml', yaml);
      const r = await runCli('apply -f m.yaml --wait=false', env);
      expect(r.stderr).toBe('');
      return r.stdout;
    },
    passAt: env.passAt,
    async table(line: string) {
      const r = await runCli(line, env);
      expect(r.stderr).toBe('');
      return r.stdout.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
    },
    state: () => new Store(env.statePath).read(),
    proxies: async (): Promise<ContainerInfo[]> => (await runtime.listContainers({ [LABEL.role]: SERVICE_PROXY_ROLE })),
  };
  return w;
}

const deployment = (name: string, replicas: number, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
        - name: web
          image: kctl-demo/web:v1
          ports: [{containerPort: 8080, name: http}]
${extra}
`;

const service = (name: string, type: string, ports: string, selector = 'app: web') => `apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  type: ${type}
  selector: {${selector}}
  ports: ${ports}
`;

test('a LoadBalancer Service is served on its EXTERNAL-IP port too; a second one asking for a taken port stays <pending>, with an event', async () => {
  const w = world();
  await w.apply([deployment('web', 1), service('lb', 'LoadBalancer', '[{port: 8080}]')].join('---\n'));
  await w.passAt(1000);
  await w.apply(service('lb2', 'LoadBalancer', '[{name: a, port: 8080}, {name: b, port: 9090}]'));
  await w.passAt(2000);
  const nodePort = (name: string, i = 0) => w.state().get('Service', 'default', name)!.spec.ports[i].nodePort;
  const listeners = nodePortListeners(w.state(), '127.0.0.1').map((l) => `${l.address}:${l.port} ${l.name} -> ${l.backends.length}`);
  expect(listeners.sort()).toEqual(
    [
      `127.0.0.1:${nodePort('lb')} service default/lb port 8080 -> 1`,
      `127.0.0.1:${nodePort('lb2')} service default/lb2 port 8080 -> 1`,
      `127.0.0.1:${nodePort('lb2', 1)} service default/lb2 port 9090 -> 1`,
      '127.0.0.1:8080 load balancer default/lb port 8080 -> 1',
      '127.0.0.1:9090 load balancer default/lb2 port 9090 -> 1',
    ].sort(),
  );
  expect((await w.table('get svc lb lb2')).map((l) => l.split(' ').slice(0, 4).filter((_, i) => i !== 2).join(' '))).toEqual(['NAME TYPE EXTERNAL-IP', 'lb LoadBalancer 127.0.0.1', 'lb2 LoadBalancer <pending>']);
  const events = JSON.parse((await w.run('get events -o json')).stdout).items.filter((e: any) => e.involvedObject.name === 'lb2');
  expect(events.map((e: any) => `${e.type} ${e.reason}: ${e.message}`)).toEqual(['Warning LoadBalancerPortTaken: port 8080 on 127.0.0.1 is served for service default/lb; this service stays pending until it is free']);
  // The holder goes: the port is free, the second Service is served there.
  await w.run('delete service lb --wait=false');
  await w.passAt(3000);
  expect(nodePortListeners(w.state(), '127.0.0.1').filter((l) => l.name.startsWith('load balancer')).map((l) => `${l.port} ${l.name}`)).toEqual(['8080 load balancer default/lb2 port 8080', '9090 load balancer default/lb2 port 9090']);
  expect((await w.table('get svc lb2'))[1].split(' ')[3]).toBe('127.0.0.1');
});

test('ClusterIP, NodePort and LoadBalancer Services get addresses and node ports; endpoints list the Ready pods', async () => {
  const w = world();
  await w.apply([deployment('web', 2), service('api', 'ClusterIP', '[{port: 80, targetPort: http}]'), service('site', 'NodePort', '[{port: 80, targetPort: 8080, nodePort: 30080}]'), service('lb', 'LoadBalancer', '[{name: web, port: 8080}, {name: admin, port: 9090}]')].join('---\n'));
  await w.passAt(1000);
  const spec = (name: string) => w.state().get('Service', 'default', name)!.spec;
  const [api, lb, site] = [spec('api'), spec('lb'), spec('site')];
  expect(await w.table('get svc')).toEqual([
    'NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE',
    `api ClusterIP ${api.clusterIP} <none> 80/TCP 1s`,
    `lb LoadBalancer ${lb.clusterIP} 127.0.0.1 8080:${lb.ports[0].nodePort}/TCP,9090:${lb.ports[1].nodePort}/TCP 1s`,
    `site NodePort ${site.clusterIP} <none> 80:30080/TCP 1s`,
  ]);
  for (const s of [api, lb, site]) {
    expect(s.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(s.clusterIPs).toEqual([s.clusterIP]);
  }
  expect(new Set([api.clusterIP, lb.clusterIP, site.clusterIP]).size).toBe(3);
  for (const p of lb.ports) expect(p.nodePort >= 30000 && p.nodePort <= 32767).toBe(true);
  expect(await w.table('get endpoints')).toEqual([
    'NAME ENDPOINTS AGE',
    'api 10.88.0.3:8080,10.88.0.4:8080 1s',
    'lb 10.88.0.3:9090,10.88.0.4:9090,10.88.0.3:8080 + 1 more... 1s',
    'site 10.88.0.3:8080,10.88.0.4:8080 1s',
  ]);
});

test('re-applying a Service keeps its cluster IP and node port', async () => {
  const w = world();
  const yaml = service('site', 'NodePort', '[{port: 80}]');
  await w.apply(yaml);
  await w.passAt(0);
  const first = w.state().get('Service', 'default', 'site')!.spec;
  await w.apply(yaml);
  await w.passAt(1000);
  const second = w.state().get('Service', 'default', 'site')!.spec;
  expect([second.clusterIP, second.ports[0].nodePort]).toEqual([first.clusterIP, first.ports[0].nodePort]);
  expect(second.clusterIPs).toEqual([first.clusterIP]);
});

test('a node port another Service holds is not served twice; a free one is chosen past taken ones', async () => {
  const w = world();
  await w.apply([service('a', 'NodePort', '[{port: 80, nodePort: 30080}]'), service('b', 'NodePort', '[{port: 80, nodePort: 30080}]')].join('---\n'));
  await w.passAt(0);
  const events = w.state().data.events.map((e) => `${e.involvedObject.name} ${e.type} ${e.reason} ${e.message}`);
  expect(events).toEqual(['b Warning PortAlreadyAllocated nodePort 30080 is already allocated to service default/a; not served']);

  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x', namespace: 'default', uid: 'u-1' } };
  const free = allocateNodePort(svc, '0', new Map());
  expect(free).toBeGreaterThanOrEqual(30000);
  expect(allocateNodePort(svc, '0', new Map([[free!, 'default/other']]))).toBe(free! === 32767 ? 30000 : free! + 1);
});

test('a pod that is not Ready is not an endpoint; a pod being deleted leaves the endpoints at once', async () => {
  const w = world();
  await w.apply(
    [
      deployment('web', 2, `          readinessProbe:\n            exec: {command: [cat, /tmp/ready]}\n            periodSeconds: 1`),
      service('web', 'ClusterIP', '[{port: 80, targetPort: http}]'),
    ].join('---\n'),
  );
  w.runtime.setExecResult('cat /tmp/ready', { exitCode: 1 });
  await w.passAt(0);
  await w.passAt(1000);
  expect(await w.table('get ep web')).toEqual(['NAME ENDPOINTS AGE', 'web 1s']); // kubectl too leaves the cell empty
  const ep = w.state().get('Endpoints', 'default', 'web')!;
  expect((ep.subsets as any[])[0].notReadyAddresses.map((a: any) => a.ip)).toEqual(['10.88.0.3', '10.88.0.4']);

  w.runtime.setExecResult('cat /tmp/ready', { exitCode: 0 });
  await w.passAt(2000);
  expect(await w.table('get ep web')).toEqual(['NAME ENDPOINTS AGE', 'web 10.88.0.3:8080,10.88.0.4:8080 2s']);

  const victim = (ep.subsets as any[])[0].notReadyAddresses[0].targetRef.name;
  expect((await w.run(`delete pod ${victim} --wait=false`)).code).toBe(0);
  // 10.88.0.3 left at once; the ReplicaSet's replacement (10.88.0.6) was started and found Ready in the same pass.
  expect(await w.table('get ep web')).toEqual(['NAME ENDPOINTS AGE', 'web 10.88.0.4:8080,10.88.0.6:8080 2s']);
});

test('a named targetPort resolves per pod; pods without a port of that name are left out', async () => {
  const w = world();
  const other = `apiVersion: v1
kind: Pod
metadata: {name: other, labels: {app: web}}
spec:
  containers:
    - name: web
      image: kctl-demo/web:v1
      ports: [{containerPort: 9000, name: metrics}]
`;
  const alt = `apiVersion: v1
kind: Pod
metadata: {name: alt, labels: {app: web}}
spec:
  containers:
    - name: web
      image: kctl-demo/web:v1
      ports: [{containerPort: 7070, name: http}]
`;
  await w.apply([deployment('web', 1), other, alt, service('web', 'ClusterIP', '[{port: 80, targetPort: http}]')].join('---\n'));
  await w.passAt(0);
  const subsets = (w.state().get('Endpoints', 'default', 'web')!.subsets as any[]).map((s) => `${s.ports[0].port}: ${s.addresses.map((a: any) => a.targetRef.name.replace(/-.*/, '')).join(',')}`);
  expect(subsets).toEqual(['7070: alt', '8080: web']);
});

test('deleting a Service deletes its Endpoints', async () => {
  const w = world();
  await w.apply([deployment('web', 1), service('web', 'ClusterIP', '[{port: 80}]')].join('---\n'));
  await w.passAt(0);
  expect(w.state().list('Endpoints').map((e) => e.metadata.name)).toEqual(['web']);
  expect((await w.run('delete svc web --wait=false')).stdout).toBe('service "web" deleted\n');
  await w.passAt(1000);
  expect(w.state().list('Endpoints')).toEqual([]);
});

test('inside the network a Service is a proxy container answering to its DNS names, fed the Ready endpoints', async () => {
  const w = world();
  const writes: string[] = [];
  w.runtime.setExecResult((argv) => argv.includes('-c') && argv.some((a) => a.includes('endpoints.new')) && Boolean(writes.push(argv[argv.length - 1])), { exitCode: 0 });
  await w.apply([deployment('web', 2), service('web', 'ClusterIP', '[{name: http, port: 80, targetPort: http}, {name: udp, port: 53, protocol: UDP}]')].join('---\n'));
  await w.passAt(0);
  await w.passAt(1000);
  const [proxy] = await w.proxies();
  expect(proxy.labels).toMatchObject({ [LABEL.namespace]: 'default', 'io.kctl.service': 'web' });
  expect((await w.runtime.exec(proxy.id, ['cat', '/.kctl/endpoints'])).stdout).toBe('80 10.88.0.3 8080\n80 10.88.0.4 8080\n');
  expect(writes).toEqual([]); // unchanged endpoints are not written again

  expect((await w.run('scale deployment/web --replicas 1 --wait=false')).code).toBe(0);
  await w.passAt(2000);
  const [left] = w.state().list('Pod').filter((p) => !p.metadata.deletionTimestamp);
  expect(writes).toEqual([`80 ${left.status.podIP} 8080\n`]);

  expect((await w.run('delete svc web --wait=false')).code).toBe(0);
  await w.passAt(3000);
  expect(await w.proxies()).toEqual([]);
});
