/**
 * Global flags through the real process factory (streams captured): --state, -n, -v levels on stderr, and
 * --context / DOCKER_HOST / the Docker CLI's current context choosing the engine (unreachable ones here, so
 * nothing is contacted but missing sockets and a closed loopback port).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { processFactory } from '../../src/app/factory';
import type { ContainerRuntime } from '../../src/runtime/runtime';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { runCli, splitArgs, tempDir } from '../helpers/cli';

async function run(line: string, opts: { home: string; env?: NodeJS.ProcessEnv; runtime?: ContainerRuntime }) {
  const f = processFactory();
  let stdout = '';
  let stderr = '';
  f.stdout = { write: (t) => void (stdout += t), isTTY: false };
  f.stderr = { write: (t) => void (stderr += t), isTTY: false };
  f.env = { HOME: opts.home, PATH: process.env.PATH, ...opts.env };
  f.cwd = opts.home;
  if (opts.runtime) f.runtime = async () => opts.runtime!;
  const code = await main(splitArgs(line), f);
  return { code, stdout, stderr };
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: kctl-demo/web:v1}]
`;

describe('global flags', () => {
  test('--state chooses the state file; -n the namespace', async () => {
    const home = tempDir();
    fs.writeFileSync(path.join(home, 'web.yaml'), DEPLOYMENT);
    const runtime = new FakeRuntime();
    expect((await run('create namespace prod --state ./mine.json', { home, runtime })).code).toBe(0);
    expect(await run('apply -f web.yaml -n prod --wait=false --state mine.json', { home, runtime })).toEqual({ code: 0, stdout: 'deployment.apps/web created\n', stderr: '' });
    expect(fs.existsSync(path.join(home, 'mine.json'))).toBe(true);
    expect(fs.existsSync(path.join(home, '.kctl', 'state.json'))).toBe(false);
    expect((await run('get deploy -o name --state mine.json --namespace prod', { home, runtime })).stdout).toBe('deployment.apps/web\n');
    expect((await run('get deploy --state mine.json', { home, runtime })).stderr).toBe('No resources found in default namespace.\n');
  });

  test('-v=6, -v 6 and --v=6 turn on debug lines on stderr; stdout stays the result', async () => {
    const home = tempDir();
    const statePath = path.join(home, '.kctl', 'state.json');
    fs.writeFileSync(path.join(home, 'web.yaml'), DEPLOYMENT);
    const runtime = new FakeRuntime();
    expect((await runCli('apply -f web.yaml', { statePath, runtime, cwd: home })).code).toBe(0);
    runtime.setUnreachable(true); // get pods then shows the stored status, and says why at -v 1 and above
    const pod = (await run('get pods -o name', { home, runtime })).stdout;
    const debug = `[kctl] state file ${statePath}\n[kctl] showing stored pod status: cannot connect to the Docker engine at unix:///var/run/docker.sock: connect ENOENT /var/run/docker.sock\n`;
    for (const flag of ['-v=6', '-v 6', '--v=6', '--v 6', '-v6']) {
      expect([flag, await run(`get pods -o name ${flag}`, { home, runtime })]).toEqual([flag, { code: 0, stdout: pod, stderr: debug }]);
    }
    expect(await run('get pods -o name', { home, runtime })).toEqual({ code: 0, stdout: pod, stderr: '' });
    expect(await run('get pods -v=x', { home, runtime })).toEqual({ code: 2, stdout: '', stderr: 'error: invalid -v level "x"\n' });
  });

  describe('the Docker engine: --context, then DOCKER_HOST, then the Docker CLI\'s current context', () => {
    const START_HINT = 'hint: run scripts/docker-setup.sh (Debian) or start Docker Desktop; DOCKER_HOST and --context choose another engine\n';
    const home = tempDir();
    // a Docker CLI context "other" (contexts/meta/<sha256 of the name>/meta.json), made the current one
    const meta = path.join(home, '.docker', 'contexts', 'meta', createHash('sha256').update('other').digest('hex'));
    fs.mkdirSync(meta, { recursive: true });
    fs.writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({ Name: 'other', Endpoints: { docker: { Host: 'unix:///nonexistent/other.sock' } } }));
    fs.writeFileSync(path.join(home, '.docker', 'config.json'), JSON.stringify({ currentContext: 'other' }));
    const unreachable = (url: string, reason: string) => ({ code: 7, stdout: '', stderr: `error: cannot connect to the Docker engine at ${url}: ${reason}\n${START_HINT}` });

    test('the Docker CLI\'s current context', async () => {
      expect(await run('version -o json --state s.json', { home }).then((r) => ({ ...r, stdout: '' }))).toEqual(unreachable('unix:///nonexistent/other.sock', 'connect ENOENT /nonexistent/other.sock'));
    });

    test('DOCKER_HOST over the current context', async () => {
      const r = await run('get pods --state s.json -A', { home, env: { DOCKER_HOST: 'unix:///nonexistent/host.sock' } });
      expect(r).toEqual({ code: 0, stdout: '', stderr: 'No resources found\n' }); // nothing to ask Docker about
      expect(await run('reconcile --state s.json', { home, env: { DOCKER_HOST: 'unix:///nonexistent/host.sock' } })).toEqual(unreachable('unix:///nonexistent/host.sock', 'connect ENOENT /nonexistent/host.sock'));
      expect(await run('reconcile --state s.json', { home, env: { DOCKER_HOST: 'tcp://127.0.0.1:1' } })).toEqual(unreachable('tcp://127.0.0.1:1', 'connect ECONNREFUSED 127.0.0.1:1'));
    });

    test('--context over both: an endpoint or a context name; an unknown context is a usage error', async () => {
      const env = { DOCKER_HOST: 'unix:///nonexistent/host.sock' };
      expect(await run('reconcile --state s.json --context unix:///nonexistent/flag.sock', { home, env })).toEqual(unreachable('unix:///nonexistent/flag.sock', 'connect ENOENT /nonexistent/flag.sock'));
      expect(await run('reconcile --state s.json --context other', { home, env })).toEqual(unreachable('unix:///nonexistent/other.sock', 'connect ENOENT /nonexistent/other.sock'));
      expect(await run('reconcile --state s.json --context nosuch', { home, env })).toEqual({
        code: 2,
        stdout: '',
        stderr: 'error: context "nosuch" does not exist\nhint: `docker context ls` lists contexts; --context also takes an endpoint such as unix:///var/run/docker.sock\n',
      });
    });
  });
});
