/**
 * grpc probes, as the kubelet makes them (pkg/probe/grpc): grpc.health.v1.Health/Check over plain HTTP/2 with
 * the probe's `service`, success only for SERVING, and the kubelet's messages for what fails. The two messages of
 * the health protocol are one optional field each, so they are coded here rather than with a protobuf library;
 * @grpc/grpc-js is loaded only when a pod has a grpc probe, so kctl's start-up does not pay for it.
 */
import type { ProbeOutcome } from './outcome';
import type { ProbeTarget } from './target';

const CHECK = '/grpc.health.v1.Health/Check';
const STATUS = ['UNKNOWN', 'SERVING', 'NOT_SERVING', 'SERVICE_UNKNOWN'];
/** gRPC status codes the kubelet tells apart. */
const UNIMPLEMENTED = 12;
const DEADLINE_EXCEEDED = 4;

export async function grpcProbe(target: ProbeTarget, probe: { service?: string }, timeoutMs: number): Promise<ProbeOutcome> {
  const grpc = require('@grpc/grpc-js') as typeof import('@grpc/grpc-js');
  const address = `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
  const client = new grpc.Client(address, grpc.credentials.createInsecure(), { 'grpc.primary_user_agent': 'kube-probe/kctl' });
  const deadline = Date.now() + timeoutMs;
  try {
    const connected = await new Promise<Error | undefined>((resolve) => client.waitForReady(deadline, (e) => resolve(e ?? undefined)));
    if (connected) return { ok: false, message: `timeout: failed to connect service "${address}" within ${timeoutMs / 1000}s: ${connected.message}` };
    const reply = await new Promise<{ status?: number; error?: { code?: number; details?: string; message: string } }>((resolve) =>
      client.makeUnaryRequest(CHECK, encodeRequest, decodeResponse, probe.service ?? '', new grpc.Metadata(), { deadline }, (error, status) => resolve(error ? { error } : { status: status ?? 0 })),
    );
    if (reply.error) {
      if (reply.error.code === UNIMPLEMENTED) return { ok: false, message: `error: this server does not implement the grpc health protocol (grpc.health.v1.Health): ${reply.error.details ?? ''}` };
      if (reply.error.code === DEADLINE_EXCEEDED) return { ok: false, message: `timeout: health rpc did not complete within ${timeoutMs / 1000}s` };
      return { ok: false, message: `error: health rpc probe failed: ${reply.error.message}` };
    }
    return reply.status === 1 ? { ok: true } : { ok: false, message: `service unhealthy (responded with "${STATUS[reply.status!] ?? reply.status}")` };
  } finally {
    client.close();
  }
}

/** HealthCheckRequest { string service = 1; } */
export function encodeRequest(service: string): Buffer {
  if (!service) return Buffer.alloc(0);
  const bytes = Buffer.from(service, 'utf8');
  return Buffer.concat([Buffer.from([0x0a]), varint(bytes.length), bytes]);
}

/** HealthCheckResponse { ServingStatus status = 1; }: the status, 0 (UNKNOWN) when absent; other fields skipped. */
export function decodeResponse(data: Buffer): number {
  let status = 0;
  let i = 0;
  const read = (): number => {
    let value = 0;
    for (let shift = 0; i < data.length; shift += 7) {
      const byte = data[i++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    return value;
  };
  while (i < data.length) {
    const key = read();
    const wire = key & 7;
    if (wire === 0) {
      const value = read();
      if (key >> 3 === 1) status = value;
    } else if (wire === 2) {
      const length = read();
      i += length;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else break;
  }
  return status;
}

function varint(n: number): Buffer {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
}
