/** tcpSocket probes: success when a TCP connection can be opened. */
import * as net from 'net';
import type { ProbeOutcome } from './outcome';
import { dialError } from './outcome';
import type { ProbeTarget } from './target';

/**
 * Docker's userland port proxy accepts every connection to a published port and closes it at once when
 * nothing listens inside the container. A connection that is closed without a byte within this window is
 * therefore counted as refused; one that stays open (or sends a banner) is a success.
 */
export const PROXY_SETTLE_MS = 100;

export function tcpSocketProbe(target: ProbeTarget, timeoutMs: number): Promise<ProbeOutcome> {
  const address = `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
  const refused: ProbeOutcome = { ok: false, message: `dial tcp ${address}: connect: connection refused` };
  return new Promise((resolve) => {
    let settled = false;
    let settle: NodeJS.Timeout | undefined;
    const finish = (outcome: ProbeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(settle);
      socket.destroy();
      resolve(outcome);
    };
    const socket = net.connect({ host: target.host, port: target.port });
    const timer = setTimeout(() => finish({ ok: false, message: `dial tcp ${address}: i/o timeout` }), timeoutMs);
    socket.on('connect', () => (settle = setTimeout(() => finish({ ok: true }), PROXY_SETTLE_MS)));
    socket.on('data', () => finish({ ok: true }));
    socket.on('end', () => finish(refused));
    socket.on('close', () => finish(refused));
    socket.on('error', (e: NodeJS.ErrnoException) => finish({ ok: false, message: `dial tcp ${address}: ${dialError(e.code, e.message)}` }));
  });
}
