import * as fs from 'fs';
import * as path from 'path';
import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

/** Two PATH directories, each holding the executables (or plain files) given. */
function pathWith(first: Record<string, string>, second: Record<string, string> = {}): { env: FakeCliEnv; dirs: string[] } {
  const dirs = [first, second].map((files) => {
    const dir = tempDir();
    for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body, { mode: body.startsWith('#!') ? 0o755 : 0o644 });
    return dir;
  });
  return { env: fakeCliEnv({}, { env: { PATH: [...dirs, '/nonexistent', '/usr/bin', '/bin'].join(':') } }), dirs };
}

const ECHO = '#!/bin/sh\necho "args: $*"\necho "to stderr" >&2\nexit 3\n';

describe('plugins', () => {
  test('kctl-foo on PATH runs as `kctl foo`, with the arguments after its name and its exit code', async () => {
    const { env } = pathWith({ 'kctl-foo': ECHO });
    expect(await runCli(['foo', 'a', '--flag', 'b'], env)).toEqual({ code: 3, stdout: 'args: a --flag b\n', stderr: 'to stderr\n' });
  });

  test('the longest name wins, a dash in a word is an underscore in the file name, stdin is passed', async () => {
    const { env } = pathWith({ 'kctl-foo': ECHO, 'kctl-foo-bar': '#!/bin/sh\necho "bar: $*"\n', 'kctl-my_tool': '#!/bin/sh\ncat\n' });
    expect(await runCli(['foo', 'bar', 'x'], env)).toEqual({ code: 0, stdout: 'bar: x\n', stderr: '' });
    expect(await runCli(['foo', 'baz'], env)).toMatchObject({ code: 3, stdout: 'args: baz\n' });
    expect(await runCli(['my-tool'], env, 'piped in\n')).toEqual({ code: 0, stdout: 'piped in\n', stderr: '' });
  });

  test('built-in commands cannot be replaced; an unknown command with no plugin stays an error', async () => {
    const { env } = pathWith({ 'kctl-version': '#!/bin/sh\necho plugin\n' });
    expect((await runCli(['version', '--client'], env)).stdout).not.toContain('plugin');
    const unknown = await runCli(['frobnicate'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: unknown command 'frobnicate'/);
  });

  test('plugin list: paths in PATH order, kubectl\'s warnings, and an error when there are any', async () => {
    const { env, dirs } = pathWith({ 'kctl-foo': ECHO, 'kctl-plain': 'not executable\n', 'kctl-get': '#!/bin/sh\n' }, { 'kctl-foo': ECHO });
    const out = await runCli('plugin list', env);
    const names = fs.readdirSync(dirs[0]).sort();
    expect(out.stdout).toBe(`The following compatible plugins are available:\n\n${[...names.map((n) => path.join(dirs[0], n)), path.join(dirs[1], 'kctl-foo')].join('\n')}\n`);
    expect(out.stderr).toBe(
      [
        `  - warning: ${dirs[0]}/kctl-get overwrites existing command: "kctl get"`,
        `  - warning: ${dirs[0]}/kctl-plain identified as a kctl plugin, but it is not executable`,
        `  - warning: ${dirs[1]}/kctl-foo is overshadowed by a similarly named plugin: ${dirs[0]}/kctl-foo`,
        'error: 3 plugin warnings were found',
        '',
      ].join('\n'),
    );
    expect(out.code).toBe(1);
    const clean = pathWith({ 'kctl-foo': ECHO }).env;
    expect(await runCli('plugin list --name-only', clean)).toEqual({ code: 0, stdout: 'The following compatible plugins are available:\n\nkctl-foo\n', stderr: '' });
    expect(await runCli('plugin list', pathWith({}).env)).toEqual({ code: 1, stdout: '', stderr: 'error: unable to find any kctl plugins in your PATH\n' });
  });
});
