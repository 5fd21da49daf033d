/**
 * How failures talking to Docker become kctl's errors: an engine that cannot be reached is a
 * DockerUnreachableError (exit 7, with a hint on how to start one); a failure the engine reports is a
 * RuntimeError carrying the engine's own message verbatim (users see it, e.g. a failed pull in describe).
 */
import { DockerUnreachableError, KctlError } from '../../errors';
import { RuntimeError } from '../runtime';

const START_HINT = 'run scripts/docker-setup.sh (Debian) or start Docker Desktop; DOCKER_HOST and --context choose another engine';
const PERMISSION_HINT = 'run kctl as root or as a member of the "docker" group; DOCKER_HOST and --context choose another engine';

interface NodeNetError {
  code?: string;
  syscall?: string;
  address?: string;
  port?: number;
  message: string;
}

/** Node's errors for an engine that is not there, not listening, not ours to use, or gone mid-request. */
function isConnectionFailure(e: unknown): e is NodeNetError {
  // Duck-typed: Node's errors may come from another realm (jest's sandbox), where instanceof Error fails.
  if (typeof e !== 'object' || e === null || 'statusCode' in e) return false;
  const { code, syscall } = e as NodeNetError;
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOENT':
    case 'EACCES':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return syscall === 'connect';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return syscall === 'getaddrinfo';
    case 'ECONNRESET': // includes "socket hang up"
    case 'EPIPE':
      return true;
    default:
      return false;
  }
}

/** The unreachable-engine error for `endpointUrl`, saying why in Node's words. */
export function unreachable(endpointUrl: string, reason: string, code?: string): DockerUnreachableError {
  return new DockerUnreachableError(
    `cannot connect to the Docker engine at ${endpointUrl}: ${reason}`,
    code === 'EACCES' ? PERMISSION_HINT : START_HINT,
  );
}

/** Maps an error that reached the CLI unhandled; undefined when it has nothing to do with Docker. */
export function asKctlError(e: unknown): KctlError | undefined {
  if (e instanceof KctlError) return e;
  if (!isConnectionFailure(e)) return undefined;
  return unreachable(endpointOf(e), e.message, e.code);
}

/** Where a failed connection went, from Node's error (the runtime itself knows better and says so). */
function endpointOf(e: NodeNetError): string {
  if (!e.address) return 'the configured endpoint';
  return e.port ? `tcp://${e.address}:${e.port}` : `unix://${e.address}`;
}

/** The error a DockerRuntime method rejects with for `e`: unreachable engine, engine-reported failure, or `e` itself. */
export function engineError(e: unknown, endpointUrl: string): unknown {
  if (e instanceof KctlError || e instanceof RuntimeError) return e;
  if (isConnectionFailure(e)) return unreachable(endpointUrl, e.message, e.code);
  const status = (e as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number') return new RuntimeError(engineMessage(e as Error & { json?: unknown }), status);
  return e;
}

/** Runs one engine operation, rejecting only with the errors engineError() makes. */
export async function engineCall<T>(endpointUrl: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw engineError(e, endpointUrl);
  }
}

/** For `.catch()`: swallow engine failures with one of `codes` (404 gone, 304 already done, ...), rethrow the rest. */
export function ignoreStatus(...codes: number[]): (e: unknown) => undefined {
  return (e) => {
    if (e instanceof RuntimeError && e.statusCode !== undefined && codes.includes(e.statusCode)) return undefined;
    throw e;
  };
}

/** Docker's own message: the JSON body's `message`, else the raw body, else docker-modem's text minus its prefix. */
function engineMessage(e: Error & { json?: unknown }): string {
  const body = e.json;
  if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') {
    return (body as { message: string }).message.trim();
  }
  if (Buffer.isBuffer(body) && body.length > 0) return body.toString('utf8').trim();
  if (typeof body === 'string' && body.trim()) return body.trim();
  return e.message.replace(/^\(HTTP code \d+\) [^-]*- /, '').trim();
}
