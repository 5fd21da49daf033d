import * as fs from 'fs';
import * as path from 'path';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { runCli, tempDir } from '../helpers/cli';

const { renderReference, subcommands } = require('../../scripts/gen-command-reference.js');

test('subcommands are read from a help text\'s Commands: section', () => {
  const help = 'Usage: kctl create [options] [command]\n\nCommands:\n  namespace|ns [options] <name>  Create a namespace\n  deployment|deploy [options] <name> [command...]\n                                 Create a deployment\n  help [command]                 display help for command\n';
  expect(subcommands(help)).toEqual(['namespace', 'deployment']);
  expect(subcommands('Usage: kctl get [options]\n\nOptions:\n  -h, --help\n')).toEqual([]);
});

test('docs/commands.md matches --help (regenerate: npm run build && node scripts/gen-command-reference.js)', async () => {
  const dir = tempDir();
  const env = { statePath: path.join(dir, 'state.json'), runtime: new FakeRuntime(), cwd: dir };
  // commander wraps help at the terminal's width when stdout is a terminal; the generator's output is piped (80).
  const stdout = process.stdout as { isTTY?: boolean };
  const wasTTY = stdout.isTTY;
  stdout.isTTY = false;
  try {
    const text = await renderReference(async (argv: string[]) => {
      const result = await runCli(argv, env);
      expect([argv.join(' '), result.code, result.stderr]).toEqual([argv.join(' '), 0, '']);
      return result.stdout;
    });
    expect(text).toContain('\n## kctl diff\n');
    expect(text).toContain('\n## kctl create deployment\n');
    expect(fs.readFileSync(path.join(__dirname, '../../docs/commands.md'), 'utf8')).toBe(text);
  } finally {
    stdout.isTTY = wasTTY;
  }
});
