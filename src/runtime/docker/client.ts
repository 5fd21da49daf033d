/**
 * A dockerode client for one endpoint, with the API version negotiated the way the Docker CLI does it: the
 * lower of what the engine speaks and the newest version kctl's requests are written for. Unversioned requests
 * would follow whatever the engine considers current; pinning keeps request and response shapes known
 * (engine API 1.41 on docker.io 20.10 here, newer engines accept 1.41-1.47 requests unchanged).
 */
import type Dockerode from 'dockerode';
import * as http from 'http';
import * as https from 'https';
import type { Endpoint } from './endpoint';
import { unreachable } from './errors';
import { loadDockerode } from './load-dockerode';

/** The newest engine API whose request and response shapes kctl has been written against. */
export const NEWEST_API = '1.47';
const ANSWER_TIMEOUT_MS = 10_000;

export interface EngineVersion {
  version: string;
  apiVersion: string;
  os: string;
  arch: string;
}

export interface Client {
  docker: Dockerode;
  engine: EngineVersion;
}

export async function openClient(endpoint: Endpoint): Promise<Client> {
  const answer = await askVersion(endpoint);
  const apiVersion = olderOf(answer.ApiVersion, NEWEST_API);
  return {
    docker: new (loadDockerode())({ ...dockerOptions(endpoint), version: `v${apiVersion}` }),
    engine: { version: answer.Version, apiVersion: answer.ApiVersion, os: answer.Os, arch: answer.Arch },
  };
}

/**
 * The engine's version, asked on a connection of its own: the answer says whether the engine listens now,
 * which a kept-alive connection to an engine that has already closed its API would not.
 */
export async function askVersion(endpoint: Endpoint): Promise<Dockerode.DockerVersion> {
  const Agent = endpoint.protocol === 'https' ? https.Agent : http.Agent;
  // docker-modem honours `agent`; dockerode's typings do not list it.
  const options: Dockerode.DockerOptions & { agent: http.Agent } = { ...dockerOptions(endpoint), agent: new Agent({ keepAlive: false }) };
  const probe = new (loadDockerode())(options);
  // An unanswered TCP connect takes minutes to fail on its own.
  const abortSignal = AbortSignal.timeout(ANSWER_TIMEOUT_MS);
  try {
    // dockerode takes options here, its typings do not know it.
    const version = probe.version.bind(probe) as unknown as (o: object) => Promise<Dockerode.DockerVersion>;
    return await version({ abortSignal });
  } catch (e) {
    if (abortSignal.aborted) throw unreachable(endpoint.url, `no answer within ${ANSWER_TIMEOUT_MS / 1000}s`);
    throw e;
  }
}

function dockerOptions(endpoint: Endpoint): Dockerode.DockerOptions {
  // Every field is given, even undefined ones: docker-modem otherwise fills gaps from process.env.DOCKER_HOST.
  return {
    socketPath: endpoint.socketPath,
    host: endpoint.host,
    port: endpoint.port,
    protocol: endpoint.protocol,
    ca: endpoint.tls?.ca,
    cert: endpoint.tls?.cert,
    key: endpoint.tls?.key,
    timeout: undefined,
  };
}

/** The older of two "major.minor" API versions. */
export function olderOf(a: string, b: string): string {
  const [aMajor, aMinor] = a.split('.').map(Number);
  const [bMajor, bMinor] = b.split('.').map(Number);
  return aMajor < bMajor || (aMajor === bMajor && aMinor < bMinor) ? a : b;
}
