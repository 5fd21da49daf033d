/**
 * Which Docker engine kctl talks to, chosen as the Docker CLI chooses it: an explicit --context (a CLI context
 * name or an endpoint URL), else DOCKER_HOST, else DOCKER_CONTEXT, else the CLI's currentContext in
 * config.json (DOCKER_CONFIG honoured), else /var/run/docker.sock.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { UsageError } from '../../errors';
import { currentContext, dockerConfigDir, namedContext } from './contexts';

export const DEFAULT_SOCKET = '/var/run/docker.sock';

export interface Endpoint {
  /** As shown to users, e.g. unix:///var/run/docker.sock or tcp://127.0.0.1:2375. */
  url: string;
  socketPath?: string;
  host?: string;
  port?: number;
  protocol: 'http' | 'https';
  tls?: { ca?: Buffer; cert?: Buffer; key?: Buffer };
}

export function resolveEndpoint(env: NodeJS.ProcessEnv, context?: string): Endpoint {
  if (context) return context.includes('://') ? parseEndpointUrl(context, env) : contextEndpoint(context, env);
  if (env.DOCKER_HOST) return parseEndpointUrl(env.DOCKER_HOST, env);
  const current = env.DOCKER_CONTEXT || currentContext(env);
  return current ? contextEndpoint(current, env) : socketEndpoint(DEFAULT_SOCKET);
}

function parseEndpointUrl(raw: string, env: NodeJS.ProcessEnv, tlsDir?: string): Endpoint {
  const scheme = raw.slice(0, raw.indexOf('://'));
  if (scheme === 'unix' || scheme === 'npipe') return socketEndpoint(raw.slice(scheme.length + 3) || DEFAULT_SOCKET);
  if (scheme !== 'tcp' && scheme !== 'http' && scheme !== 'https') {
    throw new UsageError(
      `unsupported Docker endpoint "${raw}"`,
      'kctl talks to unix://, tcp://, http:// and https:// endpoints (ssh:// is not supported)',
    );
  }
  let url: URL;
  try {
    url = new URL(raw.replace(/^tcp:/, 'http:'));
  } catch {
    throw new UsageError(`invalid Docker endpoint "${raw}"`, 'expected something like tcp://127.0.0.1:2375');
  }
  // As with the Docker CLI: TLS when asked for (https, DOCKER_TLS_VERIFY) or when a context carries certificates.
  const certDir = tlsDir ?? (env.DOCKER_TLS_VERIFY ? env.DOCKER_CERT_PATH || dockerConfigDir(env) : undefined);
  const tls = certDir ? readTls(certDir) : undefined;
  const secure = scheme === 'https' || Boolean(env.DOCKER_TLS_VERIFY) || tls !== undefined;
  const port = Number(url.port) || (secure ? 2376 : 2375);
  return { url: `tcp://${url.hostname}:${port}`, host: url.hostname, port, protocol: secure ? 'https' : 'http', tls };
}

function socketEndpoint(path: string): Endpoint {
  return { url: `unix://${path}`, socketPath: path, protocol: 'http' };
}

/** A Docker CLI context's endpoint, with its certificates (contexts.ts). */
function contextEndpoint(name: string, env: NodeJS.ProcessEnv): Endpoint {
  if (name === 'default') return env.DOCKER_HOST ? parseEndpointUrl(env.DOCKER_HOST, env) : socketEndpoint(DEFAULT_SOCKET);
  const context = namedContext(name, env);
  if (!context) {
    throw new UsageError(
      `context "${name}" does not exist`,
      '`docker context ls` lists contexts; --context also takes an endpoint such as unix:///var/run/docker.sock',
    );
  }
  if (!context.host) throw new UsageError(`context "${name}" has no Docker endpoint`);
  return parseEndpointUrl(context.host, env, context.tlsDir);
}

function readTls(dir: string): Endpoint['tls'] {
  const read = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file)) : undefined);
  const tls = { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') };
  return tls.ca || tls.cert || tls.key ? tls : undefined;
}
