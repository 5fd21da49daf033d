/**
 * grpc probes against real gRPC servers on 127.0.0.1 (@grpc/grpc-js): SERVING passes; NOT_SERVING and an
 * unknown service fail with the kubelet's words; a server without the health service, and no server at all,
 * fail as the kubelet says. The request carries the probe's service name.
 */
import * as grpc from '@grpc/grpc-js';
import type { LocalContext } from '../../src/backends/local/context';
import { evaluateProbes } from '../../src/backends/local/pod/probes';
import { decodeResponse, encodeRequest, grpcProbe } from '../../src/backends/local/pod/probes/grpc';
import type { ContainerInfo } from '../../src/runtime/runtime';

/** HealthCheckResponse with `status` in field 1 (what a real server sends), from the request's service name. */
const respond = (status: number) => Buffer.from([0x08, status]);
/** The request's service name (an object: grpc-js takes a falsy request for a missing one). */
const decodeRequest = (data: Buffer) => ({ service: data.length ? data.subarray(2).toString('utf8') : '' });

async function server(health?: (service: string) => number): Promise<{ port: number; seen: string[]; stop: () => void }> {
  const s = new grpc.Server();
  const seen: string[] = [];
  if (health) {
    s.addService(
      { Check: { path: '/grpc.health.v1.Health/Check', requestStream: false, responseStream: false, requestSerialize: (x: Buffer) => x, requestDeserialize: decodeRequest, responseSerialize: (x: number) => respond(x), responseDeserialize: (x: Buffer) => x } } as any,
      { Check: (call: any, cb: any) => (seen.push(call.request.service), cb(null, health(call.request.service))) },
    );
  }
  const port = await new Promise<number>((resolve, reject) => s.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  return { port, seen, stop: () => s.forceShutdown() };
}

describe('grpc probes', () => {
  test('SERVING passes; the probe asks for its service', async () => {
    const s = await server((service) => (service === 'shop' || service === '' ? 1 : 3));
    try {
      expect(await grpcProbe({ host: '127.0.0.1', port: s.port }, {}, 2000)).toEqual({ ok: true });
      expect(await grpcProbe({ host: '127.0.0.1', port: s.port }, { service: 'shop' }, 2000)).toEqual({ ok: true });
      expect(await grpcProbe({ host: '127.0.0.1', port: s.port }, { service: 'cart' }, 2000)).toEqual({ ok: false, message: 'service unhealthy (responded with "SERVICE_UNKNOWN")' });
      expect(s.seen).toEqual(['', 'shop', 'cart']);
    } finally {
      s.stop();
    }
  });

  test('NOT_SERVING fails', async () => {
    const s = await server(() => 2);
    try {
      expect(await grpcProbe({ host: '127.0.0.1', port: s.port }, {}, 2000)).toEqual({ ok: false, message: 'service unhealthy (responded with "NOT_SERVING")' });
    } finally {
      s.stop();
    }
  });

  test('a server without the health service fails as unimplemented', async () => {
    const s = await server();
    try {
      const outcome = await grpcProbe({ host: '127.0.0.1', port: s.port }, {}, 2000);
      expect(outcome.ok).toBe(false);
      expect(outcome.message).toMatch(/^error: this server does not implement the grpc health protocol \(grpc\.health\.v1\.Health\): /);
    } finally {
      s.stop();
    }
  });

  test('nothing listening: the connection times out', async () => {
    const s = await server(() => 1);
    s.stop();
    const outcome = await grpcProbe({ host: '127.0.0.1', port: s.port }, {}, 300);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(new RegExp(`^timeout: failed to connect service "127\\.0\\.0\\.1:${s.port}" within 0\\.3s: `));
  });

  test('the health messages are coded as protobuf codes them', () => {
    expect(encodeRequest('')).toEqual(Buffer.alloc(0));
    expect(encodeRequest('shop')).toEqual(Buffer.from([0x0a, 4, ...Buffer.from('shop')]));
    expect(decodeResponse(Buffer.alloc(0))).toBe(0);
    expect(decodeResponse(Buffer.from([0x08, 0x01]))).toBe(1);
    // An unknown length-delimited field before the status is skipped.
    expect(decodeResponse(Buffer.from([0x12, 0x02, 0x61, 0x62, 0x08, 0x02]))).toBe(2);
  });

  test("a pod's readinessProbe grpc reaches the container's published port; its failure is the Unhealthy event", async () => {
    let status = 1;
    const s = await server(() => status);
    try {
      const container = { name: 'shop', image: 'x', readinessProbe: { grpc: { port: 9555 }, periodSeconds: 1 } };
      const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'shop-1', namespace: 'default' }, spec: { containers: [container] } };
      const info = { id: 'c1', name: 'c1', image: 'x', status: 'running', startedAt: '2026-01-01T00:00:00Z', labels: {}, ports: [{ containerPort: 9555, protocol: 'TCP', hostPort: s.port, hostIP: '127.0.0.1' }] } as unknown as ContainerInfo;
      const record = {};
      expect((await evaluateProbes({} as LocalContext, pod, container, info, record, new Date('2026-01-01T00:00:01Z'))).ready).toBe(true);
      status = 2;
      const verdict = await evaluateProbes({} as LocalContext, pod, container, info, record, new Date('2026-01-01T00:00:03Z'));
      expect(verdict.events).toEqual([{ type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: service unhealthy (responded with "NOT_SERVING")' }]);
    } finally {
      s.stop();
    }
  });
});
