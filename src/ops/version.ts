/** `kctl version [--client] [-o json|yaml]`: kctl's version and the Docker engine's, in kubectl's shapes. */
import type { Factory } from '../app/factory';
import { UsageError } from '../errors';
import { VERSION } from '../version';

/** kubectl's version.Info fields that make sense here (major, minor, gitVersion, platform). */
function versionInfo(version: string, platform: string): Record<string, string> {
  const [major = '', minor = ''] = version.split('.');
  return { major, minor, gitVersion: `v${version}`, platform };
}

export async function runVersion(f: Factory, opts: { client?: boolean; output?: string }): Promise<void> {
  if (opts.output !== undefined && opts.output !== 'json' && opts.output !== 'yaml') throw new UsageError("--output must be 'yaml' or 'json'");
  const out: Record<string, unknown> = { clientVersion: { ...versionInfo(VERSION, `${process.platform}/${process.arch}`), nodeVersion: process.version } };
  let failure: unknown;
  if (!opts.client) {
    try {
      const info = await (await f.runtime()).info();
      out.serverVersion = { ...versionInfo(info.version, `${info.os}/${info.arch}`), engine: 'docker', apiVersion: info.apiVersion };
    } catch (e) {
      failure = e; // as kubectl: the client part is printed, then the error
    }
  }
  if (opts.output === 'json') f.stdout.write(JSON.stringify(out, null, 2) + '\n');
  else if (opts.output === 'yaml') f.stdout.write((require('yaml') as typeof import('yaml')).stringify(out, { sortMapEntries: true }));
  else {
    f.stdout.write(`Client Version: v${VERSION}\n`);
    const server = out.serverVersion as { gitVersion: string; apiVersion: string } | undefined;
    if (server) f.stdout.write(`Server Version: Docker Engine ${server.gitVersion} (API ${server.apiVersion})\n`);
  }
  if (failure) throw failure;
}
