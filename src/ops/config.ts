/**
 * `kctl config current-context | get-contexts [NAME] | use-context NAME`: kubectl's context commands over the
 * Docker CLI's contexts (kctl's --context), so a script that checks or switches its context runs unchanged.
 * A context's CLUSTER column is its Docker endpoint; kctl keeps no user or namespace per context.
 */
import type { Factory } from '../app/factory';
import { KctlError, NotFoundError } from '../errors';
import { DEFAULT_SOCKET } from '../runtime/docker/endpoint';
import { currentContext, listContexts, namedContext, useContext, type DockerContext } from '../runtime/docker/contexts';

/** The context in effect, chosen as kctl chooses its engine: --context, DOCKER_HOST (default), DOCKER_CONTEXT, the CLI's. */
function contextInEffect(f: Factory): string {
  if (f.globals.context) return f.globals.context;
  if (f.env.DOCKER_HOST) return 'default';
  return f.env.DOCKER_CONTEXT || currentContext(f.env) || 'default';
}

export function runCurrentContext(f: Factory): void {
  f.stdout.write(`${contextInEffect(f)}\n`);
}

export function runGetContexts(f: Factory, names: string[], opts: { output?: string; headers: boolean }): void {
  if (opts.output !== undefined && opts.output !== 'name') throw new KctlError(`output must be one of '' or 'name': ${opts.output}`);
  const all = listContexts(f.env, f.env.DOCKER_HOST || `unix://${DEFAULT_SOCKET}`);
  const missing = names.filter((n) => !all.some((c) => c.name === n));
  const shown = names.length ? all.filter((c) => names.includes(c.name)) : all;
  if (opts.output === 'name') f.stdout.write(shown.map((c) => `${c.name}\n`).join(''));
  else if (shown.length) f.stdout.write(table(shown, contextInEffect(f), opts.headers));
  if (missing.length) throw new NotFoundError(missing.map((n) => `context ${n} not found`).join('\n'));
}

export function runUseContext(f: Factory, name: string): void {
  if (name !== 'default' && !namedContext(name, f.env)) throw new NotFoundError(`no context exists with the name: "${name}"`);
  useContext(f.env, name);
  f.stdout.write(`Switched to context "${name}".\n`);
}

function table(contexts: DockerContext[], current: string, headers: boolean): string {
  const { renderTable } = require('../printers/table') as typeof import('../printers/table');
  const rows = contexts.map((c) => [c.name === current ? '*' : '', c.name, c.host ?? '', '', '']);
  return renderTable(['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], rows, { noHeaders: !headers });
}
