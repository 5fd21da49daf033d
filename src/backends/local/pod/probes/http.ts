/**
 * httpGet probes, as the kubelet makes them: GET with its default headers (overridable by httpHeaders), no
 * keep-alive, no redirect following; 2xx and 3xx are success. HTTPS does not verify the certificate.
 */
import type { ProbeOutcome } from './outcome';
import { dialError } from './outcome';
import type { ProbeTarget } from './target';

export function httpGetProbe(target: ProbeTarget, probe: any, timeoutMs: number): Promise<ProbeOutcome> {
  const https = String(probe.scheme ?? 'HTTP').toUpperCase() === 'HTTPS';
  const path = probePath(probe.path);
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  const url = `${https ? 'https' : 'http'}://${host}:${target.port}${path}`;
  const client = (https ? require('https') : require('http')) as typeof import('http');
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: ProbeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(outcome);
    };
    const options = { host: target.host, port: target.port, path, method: 'GET', headers: probeHeaders(probe.httpHeaders), agent: false, rejectUnauthorized: false };
    const req = client.request(options, (res) => {
      const code = res.statusCode ?? 0;
      res.resume();
      finish(code >= 200 && code < 400 ? { ok: true } : { ok: false, message: `HTTP probe failed with statuscode: ${code}` });
    });
    const timer = setTimeout(() => finish({ ok: false, message: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` }), timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => finish({ ok: false, message: `Get "${url}": ${requestError(e, target)}` }));
    req.end();
  });
}

function probePath(path: string | undefined): string {
  if (!path) return '/';
  return path.startsWith('/') ? path : `/${path}`;
}

/** The kubelet's defaults; a header in httpHeaders replaces the default of the same name (any case). */
function probeHeaders(custom: { name: string; value: string }[] | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'User-Agent': 'kube-probe/kctl', Accept: '*/*', Connection: 'close' };
  for (const h of custom ?? []) {
    for (const k of Object.keys(headers)) if (k.toLowerCase() === h.name.toLowerCase()) delete headers[k];
    headers[h.name] = h.value;
  }
  return headers;
}

function requestError(e: NodeJS.ErrnoException, target: ProbeTarget): string {
  // Docker's port proxy accepts the connection and closes it when nothing listens in the container: Go says EOF.
  if (e.message === 'socket hang up') return 'EOF';
  if (e.code === 'ECONNRESET') return dialError(e.code, e.message);
  return `dial tcp ${target.host}:${target.port}: ${dialError(e.code, e.message)}`;
}
