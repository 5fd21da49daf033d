import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { UsageError } from '../../errors';

/** kubectl's version.Info fields that make sense here (major, minor, gitVersion, platform). */
function versionInfo(version: string, platform: string): Record<string, string> {
  const [major = '', minor = ''] = version.split('.');
  return { major, minor, gitVersion: `v${version}`, platform };
}

export function register(program: Command, f: Factory): void {
  program
    .command('version')
    .description('Print the client version and the Docker engine version')
    .option('--client', 'client version only (no Docker engine needed)')
    .option('-o, --output <format>', 'json or yaml')
    .action(async (opts) => {
      if (opts.output !== undefined && opts.output !== 'json' && opts.output !== 'yaml') throw new UsageError("--output must be 'yaml' or 'json'");
      const { VERSION } = require('../../version') as typeof import('../../version');
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
    });
}
