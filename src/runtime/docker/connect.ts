/**
 * The runtime for the Docker engine chosen by `context` and the environment (see endpoint.ts). Nothing is
 * contacted here: the runtime connects and negotiates the API version on its first call, and again after a
 * failed one, so a long-running controller outlives an engine restart.
 */
import type { ContainerRuntime } from '../runtime';

export async function connectDocker(env: NodeJS.ProcessEnv, context?: string): Promise<ContainerRuntime> {
  const { resolveEndpoint } = require('./endpoint') as typeof import('./endpoint');
  const { DockerRuntime } = require('./docker-runtime') as typeof import('./docker-runtime');
  return new DockerRuntime(resolveEndpoint(env, context));
}
