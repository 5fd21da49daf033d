import type { Command } from 'commander';
import type { Factory } from '../factory';
import { UsageError } from '../../errors';

export function register(program: Command, f: Factory): void {
  program
    .command('version')
    .description('Print the client version and the Docker engine version')
    .option('--client', 'client version only (no Docker engine needed)')
    .option('-o, --output <format>', 'json or yaml')
    .action(async (opts) => {
      const { VERSION } = require('../main') as typeof import('../main');
      const out: Record<string, unknown> = { clientVersion: { gitVersion: `v${VERSION}`, platform: `${process.platform}/${process.arch}`, nodeVersion: process.version } };
      if (!opts.client) {
        const info = await (await f.runtime()).info();
        out.serverVersion = { engine: 'docker', version: info.version, apiVersion: info.apiVersion, platform: `${info.os}/${info.arch}` };
      }
      if (opts.output === 'json') return f.stdout.write(JSON.stringify(out, null, 2) + '\n');
      if (opts.output === 'yaml') return f.stdout.write((require('yaml') as typeof import('yaml')).stringify(out));
      if (opts.output !== undefined) throw new UsageError(`--output must be json or yaml, not "${opts.output}"`);
      f.stdout.write(`Client Version: v${VERSION}\n`);
      const server = out.serverVersion as { version: string; apiVersion: string } | undefined;
      if (server) f.stdout.write(`Docker Engine Version: ${server.version} (API ${server.apiVersion})\n`);
    });
}
