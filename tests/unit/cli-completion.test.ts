/**
 * The completion scripts, run in the real shells: bash always; zsh and fish where installed. A stand-in `kctl`
 * on PATH answers `get TYPE -o name` as kctl does, so resource-name completion is exercised too.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildProgram } from '../../src/cli/main';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { runCli, tempDir } from '../helpers/cli';

const dir = tempDir();
fs.writeFileSync(
  path.join(dir, 'kctl'),
  `#!/bin/sh
ns=default
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--namespace) ns=$2; shift 2 ;;
    --state|--context) shift 2 ;;
    get) type=$2; shift 2 ;;
    *) shift ;;
  esac
done
case "$type/$ns" in
  deployments/default|deploy/default) printf 'deployment.apps/api\\ndeployment.apps/web\\n' ;;
  deployments/prod) printf 'deployment.apps/db\\n' ;;
  namespaces/*) printf 'namespace/default\\nnamespace/prod\\n' ;;
esac
`,
  { mode: 0o755 },
);
fs.writeFileSync(path.join(dir, 'web.yaml'), '');
const PATH = `${dir}:${process.env.PATH}`;
const hasShell = (shell: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${shell}`]);
    return true;
  } catch {
    return false;
  }
};

async function script(shell: string): Promise<string> {
  const result = await runCli(`completion ${shell}`, { statePath: path.join(dir, 'state.json'), runtime: new FakeRuntime(), cwd: dir });
  expect(result.code).toBe(0);
  const file = path.join(dir, `kctl.${shell}`);
  fs.writeFileSync(file, result.stdout);
  return file;
}

/** Subcommand names and aliases from the command tree itself: completion must follow it. */
const subcommands = (...path: string[]) => {
  let cmd = buildProgram({} as never);
  for (const name of path) cmd = cmd.commands.find((c) => c.name() === name)!;
  return cmd.commands.flatMap((c) => [c.name(), ...c.aliases()]);
};

/** Command lines and the words completion must offer for them (for the word after the last space). */
const CASES: [string, string[]][] = [
  ['kctl cr', ['create']],
  ['kctl create ', subcommands('create')],
  ['kctl get deploy ', ['api', 'web']],
  ['kctl get deployments w', ['web']],
  ['kctl -n prod get deployments ', ['db']],
  ['kctl get deployments/', ['deployments/api', 'deployments/web']],
  ['kctl get -n ', ['default', 'prod']],
  ['kctl version -o ', ['json', 'yaml']],
  ['kctl completion ', ['bash', 'zsh', 'fish']],
  ['kctl explain dep', ['deployments']],
  ['kctl get --sel', ['--selector']],
  ['kctl wait deploy/web --fo', ['--for']],
  ['kctl apply -f we', ['web.yaml']],
];

describe('kctl completion', () => {
  test('bash: commands, subcommands, flags, flag values, resource types and names', async () => {
    const file = await script('bash');
    const harness = `source '${file}'
t() { COMP_LINE="$1"; read -ra COMP_WORDS <<< "$1"; [[ "$1" == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$((\${#COMP_WORDS[@]}-1)); COMPREPLY=(); _kctl 2>/dev/null; echo "\${COMPREPLY[*]}"; }
${['kctl ', ...CASES.map(([line]) => line)].map((line) => `t '${line}'`).join('\n')}
`;
    const out = execFileSync('bash', ['-c', harness], { cwd: dir, env: { ...process.env, PATH } }).toString().split('\n');
    expect(out[0].split(' ')).toEqual(subcommands());
    expect(subcommands('create')).toEqual(expect.arrayContaining(['deployment', 'deploy']));
    CASES.forEach(([line, words], i) => expect([line, out[i + 1].split(' ')]).toEqual([line, words]));
  });

  (hasShell('zsh') ? test : test.skip)('zsh: the same function through bashcompinit', async () => {
    const file = await script('zsh');
    const harness = `source '${file}'
t() { COMP_WORDS=(\${=1}); [[ "$1" == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$(( \${#COMP_WORDS} - 1 )); COMPREPLY=(); _kctl 2>/dev/null; echo "\${COMPREPLY[*]}"; }
${CASES.map(([line]) => `t '${line}'`).join('\n')}
`;
    const out = execFileSync('zsh', ['-f', '-c', harness], { cwd: dir, env: { ...process.env, PATH } }).toString().split('\n');
    // zsh's own matcher narrows the candidates to the typed prefix (bashcompinit's compgen leaves that to it)
    const typed = (line: string) => line.slice(line.lastIndexOf(' ') + 1);
    CASES.forEach(([line, words], i) => expect([line, out[i].split(' ').filter((w) => w.startsWith(typed(line)))]).toEqual([line, words]));
  });

  (hasShell('fish') ? test : test.skip)('fish: native complete with descriptions', async () => {
    const file = await script('fish');
    const harness = `source '${file}'
${['kctl ', ...CASES.map(([line]) => line)].map((line) => `complete -C '${line}' | string replace -r '\\t.*' '' | string join ' '`).join('\n')}
true
`;
    const out = execFileSync('fish', ['--no-config', '-c', harness], { cwd: dir, env: { ...process.env, PATH } }).toString().split('\n');
    expect(out[0].split(' ').sort()).toEqual(subcommands().sort());
    // fish sorts candidates itself
    CASES.forEach(([line, words], i) => expect([line, out[i + 1].split(' ').sort()]).toEqual([line, [...words].sort()]));
    expect(execFileSync('fish', ['--no-config', '-c', `source '${file}'; complete -C 'kctl get --sel'`], { env: { ...process.env, PATH } }).toString()).toBe('--selector\tlabel selector (app=web,tier!=db)\n');
  });

  test('errors: no shell (2), an unknown shell (2)', async () => {
    const env = { statePath: path.join(dir, 'state.json'), runtime: new FakeRuntime(), cwd: dir };
    expect(await runCli('completion', env)).toEqual({ code: 2, stdout: '', stderr: 'error: Shell not specified.\nhint: kctl completion bash|zsh|fish\n' });
    expect(await runCli('completion tcsh', env)).toEqual({ code: 2, stdout: '', stderr: "error: command-argument value 'tcsh' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.\nSee 'kctl --help' for usage.\n" });
  });
});
