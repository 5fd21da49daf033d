import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { fakeCliEnv, runCli, tempDir, type FakeCliEnv } from '../helpers/cli';

/** A Docker config dir with the contexts `docker context create` would leave. */
function dockerConfig(contexts: Record<string, string>, current?: string): string {
  const dir = tempDir();
  for (const [name, host] of Object.entries(contexts)) {
    const meta = path.join(dir, 'contexts', 'meta', createHash('sha256').update(name).digest('hex'));
    fs.mkdirSync(meta, { recursive: true });
    fs.writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }));
  }
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: { 'registry.example': {} }, ...(current ? { currentContext: current } : {}) }));
  return dir;
}

function envWith(dockerDir: string, extra: NodeJS.ProcessEnv = {}): FakeCliEnv {
  return fakeCliEnv({}, { env: { DOCKER_CONFIG: dockerDir, ...extra } });
}

describe('kctl config over Docker contexts', () => {
  test('current-context follows --context, DOCKER_HOST, DOCKER_CONTEXT, then the CLI config', async () => {
    const dir = dockerConfig({ lab: 'tcp://127.0.0.1:2375' }, 'lab');
    expect(await runCli('config current-context', envWith(dir))).toEqual({ code: 0, stdout: 'lab\n', stderr: '' });
    expect((await runCli('--context default config current-context', envWith(dir))).stdout).toBe('default\n');
    expect((await runCli('config current-context', envWith(dir, { DOCKER_HOST: 'unix:///x.sock' }))).stdout).toBe('default\n');
    expect((await runCli('config current-context', envWith(dockerConfig({})))).stdout).toBe('default\n');
  });

  test('get-contexts lists default and the named contexts, * on the one in use', async () => {
    const dir = dockerConfig({ lab: 'tcp://127.0.0.1:2375', ci: 'unix:///run/ci.sock' }, 'lab');
    const out = await runCli('config get-contexts', envWith(dir));
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n').map((l) => l.trimEnd())).toEqual([
      'CURRENT   NAME      CLUSTER                       AUTHINFO   NAMESPACE',
      '          default   unix:///var/run/docker.sock',
      '          ci        unix:///run/ci.sock',
      '*         lab       tcp://127.0.0.1:2375',
      '',
    ]);
    expect(await runCli('config get-contexts -o name', envWith(dir))).toEqual({ code: 0, stdout: 'default\nci\nlab\n', stderr: '' });
    expect(await runCli('config get-contexts nothere', envWith(dir))).toEqual({ code: 4, stdout: '', stderr: 'error: context nothere not found\n' });
  });

  test("use-context switches the Docker CLI's current context and keeps its other settings", async () => {
    const dir = dockerConfig({ lab: 'tcp://127.0.0.1:2375' });
    expect(await runCli('config use-context lab', envWith(dir))).toEqual({ code: 0, stdout: 'Switched to context "lab".\n', stderr: '' });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual({ auths: { 'registry.example': {} }, currentContext: 'lab' });
    expect((await runCli('config current-context', envWith(dir))).stdout).toBe('lab\n');
    expect((await runCli('config use-context default', envWith(dir))).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual({ auths: { 'registry.example': {} } });
    expect(await runCli('config use-context nothere', envWith(dir))).toEqual({ code: 4, stdout: '', stderr: 'error: no context exists with the name: "nothere"\n' });
  });
});
