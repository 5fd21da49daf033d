/**
 * The Docker CLI's contexts, read and switched as `docker context ls|use` does: config.json's currentContext
 * (DOCKER_CONFIG honoured) and contexts/meta/<sha256(name)>/meta.json per context; `default` is always there.
 */
import { createHash } from 'crypto';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { homedir } from 'os';
import { join } from 'path';

export interface DockerContext {
  name: string;
  /** The endpoint URL, unix:///var/run/docker.sock or tcp://...; undefined when the context has none. */
  host?: string;
  /** contexts/tls/<id>/docker, when the context carries certificates. */
  tlsDir?: string;
}

export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
}

/** The CLI's currentContext; a missing or unreadable config.json means none (the CLI only warns about those). */
export function currentContext(env: NodeJS.ProcessEnv): string | undefined {
  const config = readConfig(env);
  return typeof config?.currentContext === 'string' && config.currentContext ? config.currentContext : undefined;
}

/** A named context other than `default`, or undefined when it does not exist. */
export function namedContext(name: string, env: NodeJS.ProcessEnv): DockerContext | undefined {
  const id = createHash('sha256').update(name).digest('hex');
  const contexts = join(dockerConfigDir(env), 'contexts');
  let meta: any;
  try {
    meta = JSON.parse(readFileSync(join(contexts, 'meta', id, 'meta.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const host = meta?.Endpoints?.docker?.Host;
  const tlsDir = join(contexts, 'tls', id, 'docker');
  return { name, host: typeof host === 'string' && host.includes('://') ? host : undefined, tlsDir: existsSync(tlsDir) ? tlsDir : undefined };
}

/** Every context, `default` first and the others by name, as `docker context ls` lists them. */
export function listContexts(env: NodeJS.ProcessEnv, defaultHost: string): DockerContext[] {
  const metaDir = join(dockerConfigDir(env), 'contexts', 'meta');
  const named: DockerContext[] = [];
  let ids: string[] = [];
  try {
    ids = readdirSync(metaDir);
  } catch {
    /* no contexts made yet */
  }
  for (const id of ids) {
    try {
      const name = JSON.parse(readFileSync(join(metaDir, id, 'meta.json'), 'utf8'))?.Name;
      const ctx = typeof name === 'string' ? namedContext(name, env) : undefined;
      if (ctx) named.push(ctx);
    } catch {
      /* a broken context is skipped, as the CLI lists what it can */
    }
  }
  return [{ name: 'default', host: defaultHost }, ...named.sort((a, b) => a.name.localeCompare(b.name))];
}

/** `docker context use NAME`: config.json's currentContext set (removed for default), its other settings kept. */
export function useContext(env: NodeJS.ProcessEnv, name: string): void {
  const { mkdirSync } = require('fs') as typeof import('fs');
  const { writeFileAtomic } = require('../../util/atomic-write') as typeof import('../../util/atomic-write');
  const dir = dockerConfigDir(env);
  const config = readConfig(env) ?? {};
  if (name === 'default') delete config.currentContext;
  else config.currentContext = name;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileAtomic(join(dir, 'config.json'), JSON.stringify(config, null, '\t') + '\n');
}

function readConfig(env: NodeJS.ProcessEnv): Record<string, unknown> | undefined {
  try {
    const config = JSON.parse(readFileSync(join(dockerConfigDir(env), 'config.json'), 'utf8'));
    return config && typeof config === 'object' && !Array.isArray(config) ? config : undefined;
  } catch {
    return undefined;
  }
}
