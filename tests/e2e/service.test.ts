/**
 * Services on real Docker: `get svc` and `get endpoints` show the allocation and the Ready pods; inside the
 * namespace's network a pod reaches the Service by its name; on the host a NodePort Service answers on
 * 127.0.0.1 while the controller runs, and `port-forward` does the same in the foreground without it.
 */
import * as http from 'http';
import { Kctl, eventually } from './harness';

jest.setTimeout(180_000);

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: web
          image: kctl-demo/web:v1
          ports: [{name: http, containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  terminationGracePeriodSeconds: 1
  containers: [{name: client, image: kctl-test/busybox:latest, imagePullPolicy: IfNotPresent}]
`;

function get(port: number, path = '/version'): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent: false, timeout: 5000 }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve(`${res.statusCode} ${body.trim()}`));
      })
      .on('error', reject);
  });
}

describe('services on real Docker', () => {
  const k = new Kctl();
  afterAll(async () => {
    await k.run(['controller', 'stop', '--timeout', '20s']);
    await k.cleanup();
  });

  let nodePort = 0;

  test('get svc and get endpoints show the Service and its Ready pods', async () => {
    expect((await k.run(['apply', '-f', k.write('app.yaml', manifest)])).stdout).toBe('deployment.apps/web created\nservice/web created\npod/client created\n');
    const svc = JSON.parse((await k.run(['get', 'svc', 'web', '-o', 'json'])).stdout);
    nodePort = svc.spec.ports[0].nodePort;
    expect((await k.run(['get', 'svc', 'web', '--no-headers'])).stdout).toMatch(new RegExp(`^web\\s+NodePort\\s+${svc.spec.clusterIP.replace(/\./g, '\\.')}\\s+<none>\\s+80:${nodePort}/TCP\\s+\\d+s\\n$`));
    const podIPs = JSON.parse((await k.run(['get', 'pods', '-l', 'app=web', '-o', 'json'])).stdout).items.map((p: any) => `${p.status.podIP}:8080`).sort();
    const ep = (await k.run(['get', 'endpoints', 'web', '--no-headers'])).stdout.trim().split(/\s+/);
    expect(ep[1].split(',').sort()).toEqual(podIPs);
  });

  test('a pod reaches the Service by its name inside the namespace network', async () => {
    for (const name of ['web', 'web.default.svc.cluster.local']) {
      const r = await eventually(async () => {
        const out = await k.run(['exec', 'client', '--', 'wget', '-qO-', `http://${name}/version`]);
        return out.code === 0 ? out : undefined;
      }, 80, 250);
      expect(r.stdout).toBe('v1\n');
    }
  });

  test('with the controller running, the node port answers on 127.0.0.1', async () => {
    expect((await k.run(['controller', 'start'])).code).toBe(0);
    await eventually(async () => (await k.run(['controller', 'status'])).stdout.includes(`listening on 127.0.0.1:${nodePort} for service default/web port 80`), 50, 100);
    for (let i = 0; i < 4; i++) expect(await get(nodePort)).toBe('200 v1');
    expect((await k.run(['controller', 'stop'])).code).toBe(0);
    await expect(get(nodePort)).rejects.toThrow(/ECONNREFUSED/);
  });

  test('port-forward serves svc/, deployment/ and pod/ targets in the foreground', async () => {
    const pod = JSON.parse((await k.run(['get', 'pods', '-l', 'app=web', '-o', 'json'])).stdout).items[0].metadata.name;
    for (const [target, ports, remote] of [['svc/web', ':80', '8080'], ['deployment/web', ':http', 'http'], [`pod/${pod}`, ':8080', '8080']]) {
      const child = k.spawn(['port-forward', target, ports]);
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      const local = await eventually(async () => Number(/^Forwarding from 127\.0\.0\.1:(\d+) -> (\S+)\n$/.exec(out)?.[1]) || undefined, 50, 100);
      expect(out).toBe(`Forwarding from 127.0.0.1:${local} -> ${remote}\n`);
      expect(await get(local)).toBe('200 v1');
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    }
  });
});
