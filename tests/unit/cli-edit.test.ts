import * as fs from 'fs';
import * as path from 'path';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { runCli, tempDir, type CliEnv } from '../helpers/cli';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** An "editor": a shell script that records each file it is given (seen-1.yaml, ...) and applies $EDIT with sed. */
async function setup(): Promise<CliEnv & { dir: string; editor: (edit: string, more?: NodeJS.ProcessEnv) => CliEnv }> {
  const dir = tempDir();
  const script = path.join(dir, 'editor.sh');
  fs.writeFileSync(script, `#!/bin/sh
n=$(cat "${dir}/count" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "${dir}/count"
cp "$1" "${dir}/seen-$n.yaml"
if [ -n "$EDIT2" ] && [ $n -ge 2 ]; then sed -i "$EDIT2" "$1"; elif [ -n "$EDIT" ]; then sed -i "$EDIT" "$1"; fi
exit \${EDITOR_EXIT:-0}
`, { mode: 0o755 });
  const env = { statePath: path.join(dir, 'state.json'), runtime: new FakeRuntime(), cwd: dir };
  expect((await runCli('create deployment web --image kctl-demo/web:v1 --replicas 2', env)).code).toBe(0);
  const editor = (edit: string, more: NodeJS.ProcessEnv = {}) => {
    fs.rmSync(path.join(dir, 'count'), { force: true });
    return { ...env, env: { KUBE_EDITOR: script, EDIT: edit, ...more } };
  };
  return { ...env, dir, editor };
}

const spec = async (env: CliEnv) => (await runCli('get deploy web -o jsonpath={.spec.replicas}/{.metadata.generation}/{.status.readyReplicas}', env)).stdout;

describe('kctl edit', () => {
  test('the object as YAML under kubectl\'s header; a change is saved, generation goes up, and it converges', async () => {
    const env = await setup();
    const yaml = (await runCli('get deploy web -o yaml', env)).stdout;
    expect(await runCli('edit deployment/web', env.editor('s/replicas: 2/replicas: 3/'))).toEqual({ code: 0, stdout: 'deployment.apps/web edited\n', stderr: '' });
    expect(fs.readFileSync(path.join(env.dir, 'seen-1.yaml'), 'utf8')).toBe(HEADER + yaml);
    expect(await spec(env)).toBe('3/2/3');
  });

  test('$KUBE_EDITOR wins over $EDITOR; an edit that changes nothing, or only status, is cancelled', async () => {
    const env = await setup();
    const result = await runCli('edit deploy web', { ...env.editor(''), env: { KUBE_EDITOR: `${env.dir}/editor.sh`, EDITOR: 'false' } });
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'Edit cancelled, no changes made.\n' });
    expect(await runCli('edit deploy web', env.editor('s/readyReplicas: 2/readyReplicas: 9/'))).toEqual({ code: 0, stdout: '', stderr: 'Edit cancelled, no changes made.\n' });
    expect(await runCli('edit deploy web', env.editor('d'))).toEqual({ code: 0, stdout: '', stderr: 'Edit cancelled, saved file was empty.\n' });
    expect(await spec(env)).toBe('2/1/2');
  });

  test('an invalid edit is reopened once with the problems as comments; fixing it saves', async () => {
    const env = await setup();
    const result = await runCli('edit deploy/web', env.editor('s/replicas: 2/replicas: -1/', { EDIT2: 's/replicas: -1/replicas: 4/' }));
    expect(result).toEqual({ code: 0, stdout: 'deployment.apps/web edited\n', stderr: '' });
    const second = fs.readFileSync(path.join(env.dir, 'seen-2.yaml'), 'utf8');
    expect(second.startsWith(`${HEADER}# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n`)).toBe(true);
    expect(second).toContain('\n  replicas: -1\n');
    expect(await spec(env)).toBe('4/2/4');
  });

  test('still invalid after the reopen: the validation error (exit 3), nothing saved, a copy kept', async () => {
    const env = await setup();
    const result = await runCli('edit deploy/web', env.editor('s/^  name: web$/  name: other/'));
    expect(result.code).toBe(3);
    const copy = /hint: A copy of your changes has been stored to "(.*)"\n$/.exec(result.stderr)![1];
    expect(result.stderr).toBe(`error: At least one of apiVersion, kind and name was changed\nhint: A copy of your changes has been stored to "${copy}"\n`);
    expect(fs.readFileSync(copy, 'utf8')).toContain('\n  name: other\n');
    fs.rmSync(copy);
    expect(await spec(env)).toBe('2/1/2');
  });

  test('errors: the editor fails, not found', async () => {
    const env = await setup();
    const script = `${env.dir}/editor.sh`;
    expect(await runCli('edit deploy/web', env.editor('', { EDITOR_EXIT: '1' }))).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: there was a problem with the editor "${script}"\nhint: set KUBE_EDITOR or EDITOR to an editor that exits 0 after saving\n`,
    });
    expect(await runCli('edit deploy/nothere', env.editor(''))).toEqual({ code: 4, stdout: '', stderr: 'error: deployments.apps "nothere" not found\n' });
  });
});
