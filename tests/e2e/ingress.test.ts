/**
 * Ingresses on real Docker: with the controller running, one HTTP port sends each request by its Host header
 * and path to the Ready pods of the Service its rule names (an exact host before a wildcard, Exact before
 * Prefix), answers 404 where no rule matches and 503 while a Service has no Ready pod, serves the host of a
 * spec.tls entry over HTTPS with its Secret's certificate, and follows a rule re-pointed by apply.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import { Kctl, eventually } from './harness';

jest.setTimeout(180_000);

const app = (version: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web-${version}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web, version: ${version}}}
  template:
    metadata: {labels: {app: web, version: ${version}}}
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: web
          image: kctl-demo/web:${version}
          ports: [{name: http, containerPort: 8080}]
          readinessProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 1}
---
apiVersion: v1
kind: Service
metadata: {name: web-${version}}
spec:
  selector: {app: web, version: ${version}}
  ports: [{name: http, port: 80, targetPort: http}]
`;

const ingress = (exactBackend: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: exact}
spec:
  tls:
    - {hosts: [v2.example.com], secretName: v2-tls}
  rules:
    - host: v2.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: ${exactBackend}, port: {number: 80}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: wildcard}
spec:
  rules:
    - host: "*.example.com"
      http:
        paths:
          - {path: /version, pathType: Exact, backend: {service: {name: web-v1, port: {name: http}}}}
          - {path: /, pathType: Prefix, backend: {service: {name: nobody, port: {number: 80}}}}
---
apiVersion: v1
kind: Service
metadata: {name: nobody}
spec:
  selector: {app: nobody}
  ports: [{port: 80, targetPort: 8080}]
`;

/**
 * A port that is free now, below the ephemeral range: Docker publishes the pods' ports on ephemeral ones, so one
 * the kernel handed out here could be given to a container before the controller binds it (this failed CI).
 */
async function freePort(): Promise<number> {
  const low = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
  for (let i = 0; i < 50; i++) {
    const port = 20_000 + Math.floor(Math.random() * (low - 20_000));
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer().once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port below the ephemeral range');
}

function get(port: number, host: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { host }, agent: false, timeout: 5000 }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve(`${res.statusCode} ${body.trim()}`));
      })
      .on('error', reject);
  });
}

function getTls(port: number, host: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    https
      .get({ host: '127.0.0.1', port, path: '/version', servername: host, headers: { host }, ca, agent: false, timeout: 5000 }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve(`${res.statusCode} ${body.trim()}`));
      })
      .on('error', reject);
  });
}

describe('ingresses on real Docker', () => {
  const k = new Kctl();
  let port = 0;
  let tlsPort = 0;
  let ca = '';
  afterAll(async () => {
    await k.run(['controller', 'stop', '--timeout', '20s']);
    await k.cleanup();
  });

  test('the controller serves each host and path from its rule', async () => {
    port = await freePort();
    tlsPort = await freePort();
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${k.dir}/tls.key`, '-out', `${k.dir}/tls.crt`, '-days', '1', '-subj', '/CN=v2.example.com', '-addext', 'subjectAltName=DNS:v2.example.com'], { stdio: 'ignore' });
    ca = fs.readFileSync(`${k.dir}/tls.crt`, 'utf8');
    expect((await k.run(['create', 'secret', 'tls', 'v2-tls', '--cert', 'tls.crt', '--key', 'tls.key'])).stdout).toBe('secret/v2-tls created\n');
    const applied = await k.run(['apply', '-f', k.write('v1.yaml', app('v1')), '-f', k.write('v2.yaml', app('v2')), '-f', k.write('ingress.yaml', ingress('web-v2'))]);
    expect(applied).toMatchObject({ code: 0, stderr: '' });
    expect((await k.run(['controller', 'start', '--ingress-port', String(port), '--ingress-tls-port', String(tlsPort)])).code).toBe(0);
    await eventually(async () => (await k.run(['controller', 'status'])).stdout.includes(`listening on 127.0.0.1:${port} `), 50, 100);
    expect(await eventually(async () => ((await get(port, 'v2.example.com', '/version')) === '200 v2' ? true : undefined), 100, 200)).toBe(true);
    expect(await eventually(async () => ((await get(port, 'a.example.com', '/version')) === '200 v1' ? true : undefined), 100, 200)).toBe(true);
    // Every request now: the exact host wins over the wildcard, Exact /version over the wildcard's Prefix /.
    for (let i = 0; i < 4; i++) {
      expect(await get(port, 'v2.example.com', '/version')).toBe('200 v2');
      expect(await get(port, 'b.example.com:8000', '/version')).toBe('200 v1');
    }
    expect(await get(port, 'a.example.com', '/healthz')).toBe('503 no available server');
    expect(await get(port, 'other.org', '/version')).toBe('404 404 page not found');
    expect(await get(port, 'deep.a.example.com', '/version')).toBe('404 404 page not found');
    // HTTPS: the certificate of the Secret spec.tls names, checked by the client against that host.
    expect(await eventually(async () => ((await getTls(tlsPort, 'v2.example.com', ca)) === '200 v2' ? true : undefined), 50, 200)).toBe(true);
  });

  test('apply re-points a rule and the port follows', async () => {
    expect((await k.run(['apply', '-f', k.write('ingress.yaml', ingress('web-v1'))])).stdout).toContain('ingress.networking.k8s.io/exact configured\n');
    expect(await eventually(async () => ((await get(port, 'v2.example.com', '/version')) === '200 v1' ? true : undefined), 100, 200)).toBe(true);
    expect((await k.run(['delete', 'ingress', 'exact', 'wildcard'])).code).toBe(0);
    expect(await eventually(async () => ((await get(port, 'v2.example.com', '/version').catch((e: Error) => e.message)).match(/ECONNREFUSED/) ? true : undefined), 100, 200)).toBe(true);
  });
});
