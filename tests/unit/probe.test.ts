/**
 * Probes (src/backends/local/pod/probes): timing and thresholds on the fake runtime's exec results with an
 * injected clock; httpGet and tcpSocket against real servers on 127.0.0.1.
 */
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import type { AddressInfo } from 'net';
import type { KObject } from '../../src/api/types';
import type { LocalContext } from '../../src/backends/local/context';
import { evaluateProbes, type ProbeRecord, type ProbeVerdict } from '../../src/backends/local/pod/probes';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import type { ContainerInfo, ContainerRuntime } from '../../src/runtime/runtime';

const T0 = Date.parse('2026-01-01T00:00:00Z');

/** A running container on the fake runtime, a clock, and a record kept between evaluations. */
function world(container: any) {
  let clock = T0;
  const runtime = new FakeRuntime({ now: () => new Date(clock) });
  const ctx = { runtime } as unknown as LocalContext;
  const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default' }, spec: { containers: [container] } };
  const record: ProbeRecord = {};
  let info: ContainerInfo;
  return {
    runtime,
    record,
    async start(): Promise<ContainerInfo> {
      const id = await runtime.createContainer({ name: `web-${clock}`, image: 'kctl-test/busybox:latest', labels: {} });
      await runtime.startContainer(id);
      info = (await runtime.inspectContainer(id))!;
      return info;
    },
    /** Advances the clock by `ms` and evaluates the probes once. */
    async at(ms: number, override?: Partial<ContainerInfo>): Promise<ProbeVerdict> {
      clock = T0 + ms;
      return evaluateProbes(ctx, pod, container, { ...info, ...override }, record, new Date(clock));
    },
  };
}

const failingExec = (rt: FakeRuntime, cmd: string, stdout = 'not yet\n') => rt.setExecResult(cmd, { exitCode: 1, stdout });
const passingExec = (rt: FakeRuntime, cmd: string) => rt.setExecResult(cmd, { exitCode: 0 });

describe('without probes', () => {
  test('a running container is started and Ready at once, and nothing is scheduled', async () => {
    const w = world({ name: 'web', image: 'x' });
    await w.start();
    expect(await w.at(0)).toEqual({ started: true, ready: true, events: [] });
  });

  test('a container that is not running is neither started nor Ready', async () => {
    const w = world({ name: 'web', image: 'x' });
    await w.start();
    expect(await w.at(0, { status: 'exited' })).toEqual({ started: false, ready: false, events: [] });
  });
});

describe('readinessProbe (exec)', () => {
  const container = { name: 'web', image: 'x', readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 2, successThreshold: 2, failureThreshold: 3 } };

  test('Ready after successThreshold successes in a row, not Ready after failureThreshold failures', async () => {
    const w = world(container);
    await w.start();
    failingExec(w.runtime, 'cat /tmp/ready', "cat: can't open '/tmp/ready': No such file or directory\n");
    expect(await w.at(0)).toEqual({
      started: true,
      ready: false,
      nextAt: T0 + 2000,
      events: [{ type: 'Warning', reason: 'Unhealthy', message: "Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory" }],
    });
    passingExec(w.runtime, 'cat /tmp/ready');
    expect((await w.at(2000)).ready).toBe(false); // 1 of 2 successes
    expect(await w.at(4000)).toEqual({ started: true, ready: true, nextAt: T0 + 6000, events: [] });
    failingExec(w.runtime, 'cat /tmp/ready');
    expect((await w.at(6000)).ready).toBe(true); // 1 of 3 failures
    expect((await w.at(8000)).ready).toBe(true); // 2 of 3
    const third = await w.at(10000);
    expect(third.ready).toBe(false);
    expect(third.restart).toBeUndefined(); // readiness never restarts
    expect(third.events).toEqual([{ type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: not yet' }]);
    expect(w.record.readiness).toEqual({ lastRunAt: T0 + 10000, successes: 0, failures: 3, result: 'Failure' });
  });

  test('runs only when due: periodSeconds after the last run; nextAt says when', async () => {
    const w = world(container);
    await w.start();
    passingExec(w.runtime, 'cat /tmp/ready');
    await w.at(0);
    expect(w.runtime.calls.execs).toBe(1);
    expect(await w.at(1500)).toEqual({ started: true, ready: false, nextAt: T0 + 2000, events: [] });
    expect(w.runtime.calls.execs).toBe(1);
    await w.at(2000);
    expect(w.runtime.calls.execs).toBe(2);
  });

  test('initialDelaySeconds counts from the container start', async () => {
    const w = world({ ...container, readinessProbe: { ...container.readinessProbe, initialDelaySeconds: 5 } });
    await w.start();
    passingExec(w.runtime, 'cat /tmp/ready');
    expect(await w.at(1000)).toEqual({ started: true, ready: false, nextAt: T0 + 5000, events: [] });
    expect(w.runtime.calls.execs).toBe(0);
    await w.at(5000);
    expect(w.runtime.calls.execs).toBe(1);
  });

  test('defaults: period 10 s, one success makes Ready, three failures unready', async () => {
    const w = world({ name: 'web', image: 'x', readinessProbe: { exec: { command: ['true'] } } });
    await w.start();
    const first = await w.at(0);
    expect(first).toEqual({ started: true, ready: true, nextAt: T0 + 10_000, events: [] });
    w.runtime.setExecResult('true', { exitCode: 1 });
    expect((await w.at(10_000)).ready).toBe(true);
    expect((await w.at(20_000)).ready).toBe(true);
    expect((await w.at(30_000)).ready).toBe(false);
  });

  test('a new container (a restart) starts its counters afresh', async () => {
    const w = world(container);
    await w.start();
    passingExec(w.runtime, 'cat /tmp/ready');
    await w.at(0);
    await w.at(2000);
    expect(w.record.readiness?.result).toBe('Success');
    await w.start();
    expect((await w.at(2500)).ready).toBe(false);
    expect(w.record.readiness).toEqual({ lastRunAt: T0 + 2500, successes: 1, failures: 0, result: 'Failure' });
  });

  test('a command that outlives timeoutSeconds fails with kubectl\'s words', async () => {
    const runtime = new FakeRuntime();
    const hanging: ContainerRuntime = Object.assign(Object.create(runtime), { exec: () => new Promise(() => undefined) });
    const ctx = { runtime: hanging } as unknown as LocalContext;
    const probe = { name: 'web', image: 'x', readinessProbe: { exec: { command: ['sleep', '10'] }, timeoutSeconds: 1 } };
    const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [probe] } };
    const info: ContainerInfo = { id: 'c1', name: 'c1', image: 'x', labels: {}, status: 'running', createdAt: new Date(T0).toISOString(), startedAt: new Date(T0).toISOString(), ports: [] };
    const verdict = await evaluateProbes(ctx, pod, probe, info, {}, new Date(T0));
    expect(verdict.events).toEqual([{ type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: command "sleep 10" timed out' }]);
  });
});

describe('livenessProbe and startupProbe', () => {
  test('liveness failing failureThreshold times in a row asks for a restart', async () => {
    const w = world({ name: 'web', image: 'x', livenessProbe: { exec: { command: ['check'] }, periodSeconds: 1, failureThreshold: 2 } });
    await w.start();
    failingExec(w.runtime, 'check', 'dead\n');
    const first = await w.at(0);
    expect(first).toEqual({ started: true, ready: true, nextAt: T0 + 1000, events: [{ type: 'Warning', reason: 'Unhealthy', message: 'Liveness probe failed: dead' }] });
    const second = await w.at(1000);
    expect(second.restart).toEqual({ reason: 'Unhealthy', message: 'Container web failed liveness probe, will be restarted' });
    expect(second.ready).toBe(false);
  });

  test('liveness recovering before the threshold resets the count', async () => {
    const w = world({ name: 'web', image: 'x', livenessProbe: { exec: { command: ['check'] }, periodSeconds: 1, failureThreshold: 2 } });
    await w.start();
    failingExec(w.runtime, 'check');
    await w.at(0);
    passingExec(w.runtime, 'check');
    await w.at(1000);
    failingExec(w.runtime, 'check');
    expect((await w.at(2000)).restart).toBeUndefined();
  });

  test('the startup probe gates readiness and liveness until it succeeds, then stops', async () => {
    const w = world({
      name: 'web',
      image: 'x',
      startupProbe: { exec: { command: ['started'] }, periodSeconds: 1, failureThreshold: 5 },
      readinessProbe: { exec: { command: ['ready'] }, periodSeconds: 1 },
      livenessProbe: { exec: { command: ['alive'] }, periodSeconds: 1 },
    });
    await w.start();
    failingExec(w.runtime, 'started', '');
    passingExec(w.runtime, 'ready');
    passingExec(w.runtime, 'alive');
    expect(await w.at(0)).toEqual({ started: false, ready: false, nextAt: T0 + 1000, events: [{ type: 'Warning', reason: 'Unhealthy', message: 'Startup probe failed: ' }] });
    expect(w.runtime.calls.execs).toBe(1);
    passingExec(w.runtime, 'started');
    expect(await w.at(1000)).toEqual({ started: true, ready: true, nextAt: T0 + 2000, events: [] });
    expect(w.runtime.calls.execs).toBe(4); // startup, then liveness and readiness in the same pass
    await w.at(2000);
    expect(w.runtime.calls.execs).toBe(6); // the startup probe does not run again
  });

  test('a startup probe failing past its threshold asks for a restart', async () => {
    const w = world({ name: 'web', image: 'x', startupProbe: { exec: { command: ['started'] }, periodSeconds: 1, failureThreshold: 2 } });
    await w.start();
    failingExec(w.runtime, 'started', 'no\n');
    expect((await w.at(0)).restart).toBeUndefined();
    expect(await w.at(1000)).toEqual({
      started: false,
      ready: false,
      nextAt: T0 + 2000,
      restart: { reason: 'Unhealthy', message: 'Container web failed startup probe, will be restarted' },
      events: [{ type: 'Warning', reason: 'Unhealthy', message: 'Startup probe failed: no' }],
    });
  });
});

/** A server on 127.0.0.1 standing in for a container's published port. */
async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function publishedAt(port: number, containerPort = 8080): Partial<ContainerInfo> {
  return { ports: [{ containerPort, protocol: 'TCP', hostPort: port, hostIP: '127.0.0.1' }] };
}

async function closedPort(): Promise<number> {
  const s = net.createServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
}

describe('httpGet', () => {
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    if (req.url === '/hang') return; // never answers
    const code = req.url === '/healthz' ? 200 : req.url === '/moved' ? 302 : req.url === '/missing' ? 404 : 500;
    res.writeHead(code).end('body');
  });
  let port: number;
  beforeAll(async () => (port = await listen(server)));
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((r) => server.close(r));
  });

  const probeOn = async (httpGet: any, extra: any = {}, override?: Partial<ContainerInfo>) => {
    const w = world({ name: 'web', image: 'x', ports: [{ name: 'http', containerPort: 8080 }], readinessProbe: { httpGet, ...extra } });
    await w.start();
    return w.at(0, override ?? publishedAt(port));
  };

  test('2xx and 3xx are success, on the published port of a named container port', async () => {
    expect((await probeOn({ path: '/healthz', port: 'http' })).ready).toBe(true);
    expect((await probeOn({ path: '/moved', port: 8080 })).ready).toBe(true);
  });

  test('other status codes fail with the kubelet\'s message', async () => {
    const verdict = await probeOn({ path: '/missing', port: 8080 }, { failureThreshold: 1 });
    expect(verdict.ready).toBe(false);
    expect(verdict.events).toEqual([{ type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 404' }]);
    expect((await probeOn({ path: '/boom', port: 8080 })).events[0].message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 500');
  });

  test('sends the kubelet\'s headers and httpHeaders, which replace a default of the same name', async () => {
    seen.length = 0;
    await probeOn({ path: 'healthz', port: 8080, httpHeaders: [{ name: 'X-Probe', value: 'yes' }, { name: 'accept', value: 'text/plain' }] });
    expect(seen).toHaveLength(1);
    expect(seen[0]['user-agent']).toBe('kube-probe/kctl');
    expect(seen[0]['x-probe']).toBe('yes');
    expect(seen[0].accept).toBe('text/plain');
    expect(seen[0].connection).toBe('close');
  });

  test('a refused connection and a timeout read as on a Kubernetes node', async () => {
    const closed = await closedPort();
    const refused = await probeOn({ path: '/healthz', port: 8080 }, {}, publishedAt(closed));
    expect(refused.events[0].message).toBe(`Readiness probe failed: Get "http://127.0.0.1:${closed}/healthz": dial tcp 127.0.0.1:${closed}: connect: connection refused`);
    const hung = await probeOn({ path: '/hang', port: 8080 }, { timeoutSeconds: 1 });
    expect(hung.events[0].message).toBe(`Readiness probe failed: Get "http://127.0.0.1:${port}/hang": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`);
  });

  test('a port the container does not publish is tried on the container IP', async () => {
    const verdict = await probeOn({ path: '/healthz', port: port }, {}, { ports: [], ip: '127.0.0.1' });
    expect(verdict.ready).toBe(true);
  });

  test('a named port the container does not declare is a probe error', async () => {
    const verdict = await probeOn({ path: '/healthz', port: 'admin' });
    expect(verdict.events).toEqual([{ type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe errored: couldn\'t find port: admin in container "web"' }]);
  });

  test('HTTPS is accepted without verifying the certificate', async () => {
    const tls = https.createServer({ key: TEST_KEY, cert: TEST_CERT }, (_req, res) => res.writeHead(204).end());
    const tlsPort = await listen(tls);
    try {
      expect((await probeOn({ path: '/', port: 8080, scheme: 'HTTPS' }, {}, publishedAt(tlsPort))).ready).toBe(true);
    } finally {
      await new Promise((r) => tls.close(r));
    }
  });
});

describe('tcpSocket', () => {
  const probeOn = async (hostPort: number) => {
    const w = world({ name: 'web', image: 'x', livenessProbe: { tcpSocket: { port: 8080 }, failureThreshold: 1 } });
    await w.start();
    return w.at(0, publishedAt(hostPort));
  };

  test('an open port is alive', async () => {
    const server = net.createServer((s) => s.on('error', () => undefined));
    const port = await listen(server);
    try {
      expect((await probeOn(port)).restart).toBeUndefined();
    } finally {
      server.close();
    }
  });

  test('a closed port fails with connection refused', async () => {
    const port = await closedPort();
    expect((await probeOn(port)).events).toEqual([{ type: 'Warning', reason: 'Unhealthy', message: `Liveness probe failed: dial tcp 127.0.0.1:${port}: connect: connection refused` }]);
  });

  test("a connection accepted and closed at once (Docker's port proxy with nothing listening) is refused", async () => {
    const proxy = net.createServer((s) => s.end());
    const port = await listen(proxy);
    try {
      const verdict = await probeOn(port);
      expect(verdict.restart?.message).toBe('Container web failed liveness probe, will be restarted');
      expect(verdict.events[0].message).toBe(`Liveness probe failed: dial tcp 127.0.0.1:${port}: connect: connection refused`);
    } finally {
      proxy.close();
    }
  });
});

// A self-signed certificate (CN=kctl-probe-test) for the HTTPS probe test only.
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgzeErza+0l7kffxms
YyFV/NvMuJ3ANRqNpwidVc65dvihRANCAARo4UEyQWqu/1GYTaH4HBk9XKhFoYWk
2RmqQjLFvejf94aDcZZFi+G1igcFOhc1fzyQGgPjNPWduQQD7z+fpVyT
-----END PRIVATE KEY-----
`;
const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBjDCCATGgAwIBAgIUSBwcIouRqMK1uXrSBe++oHOyWi4wCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPa2N0bC1wcm9iZS10ZXN0MCAXDTI2MTEyMzA3MDkyNloYDzIx
MjYxMDMwMDcwOTI2WjAaMRgwFgYDVQQDDA9rY3RsLXByb2JlLXRlc3QwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAARo4UEyQWqu/1GYTaH4HBk9XKhFoYWk2RmqQjLF
vejf94aDcZZFi+G1igcFOhc1fzyQGgPjNPWduQQD7z+fpVyTo1MwUTAdBgNVHQ4E
FgQUL3xN8Uiv6QevwOvZKOBXIAMCxfMwHwYDVR0jBBgwFoAUL3xN8Uiv6QevwOvZ
KOBXIAMCxfMwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEA1Gai
/GC98g0vsUC7cdHt/ITQB0E0epi9fzPh4JDn2C4CIQD87Z6Yj3VnVvjM/GrRS37m
Y8op2xVS0YLtpBiFatavGQ==
-----END CERTIFICATE-----
`;
