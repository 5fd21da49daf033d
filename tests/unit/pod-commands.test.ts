/**
 * kctl logs, kctl exec and kctl create configmap / secret generic, in-process on the fake runtime, with
 * exact outputs and exit codes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { LABEL } from '../../src/runtime/runtime';
import { Store } from '../../src/store/store';
import { runCli, tempDir, type CliEnv } from '../helpers/cli';

function world() {
  const dir = tempDir();
  const runtime = new FakeRuntime();
  const env: CliEnv = { statePath: path.join(dir, 'state.json'), runtime, cwd: dir };
  return {
    dir,
    runtime,
    run: (line: string | string[], stdin?: string) => runCli(line, env, stdin),
    write: (name: string, content: string) => fs.writeFileSync(path.join(dir, name), content),
    state: () => new Store(env.statePath).read(),
  };
}

const PODS = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: setup
      image: kctl-test/busybox:latest
      imagePullPolicy: IfNotPresent
      command: [sh, -c, 'echo prepared']
  containers:
    - name: web
      image: kctl-test/busybox:latest
      imagePullPolicy: IfNotPresent
      command: [sh, -c, 'echo one; echo two; sleep 1000']
    - name: side
      image: kctl-test/busybox:latest
      imagePullPolicy: IfNotPresent
      command: [sh, -c, 'echo side >&2; sleep 1000']
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: kctl-test/busybox:latest
          imagePullPolicy: IfNotPresent
          command: [sh, -c, 'echo serving; sleep 1000']
`;

describe('kctl logs', () => {
  const w = world();
  beforeAll(async () => {
    w.write('pods.yaml', PODS);
    expect((await w.run('apply -f pods.yaml')).code).toBe(0);
  });

  test('one container: the default one, with kubectl note on stderr when there are several', async () => {
    expect(await w.run('logs web')).toEqual({ code: 0, stdout: 'one\ntwo\n', stderr: 'Defaulted container "web" out of: web, side, setup (init)\n' });
    expect(await w.run('logs pod/web -c side')).toEqual({ code: 0, stdout: 'side\n', stderr: '' });
    expect(await w.run('logs web -c setup')).toEqual({ code: 0, stdout: 'prepared\n', stderr: '' });
    expect((await w.run('logs web -c web --tail 1')).stdout).toBe('two\n');
    expect((await w.run('logs web -c web --timestamps')).stdout).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z one\n\d{4}-\d\d-\d\dT[\d:.]+Z two\n$/);
  });

  test('--all-containers and --prefix: every line says where it comes from', async () => {
    expect((await w.run('logs web --all-containers')).stdout).toBe('[pod/web/setup] prepared\n[pod/web/web] one\n[pod/web/web] two\n[pod/web/side] side\n');
    expect((await w.run('logs web -c web --prefix')).stdout).toBe('[pod/web/web] one\n[pod/web/web] two\n');
  });

  test('deployment/NAME uses one of its pods; -l uses all matching pods', async () => {
    const pods = w.state().list('Pod').filter((p) => p.metadata.name.startsWith('api-'));
    const one = await w.run('logs deployment/api');
    expect(one.stdout).toBe('serving\n');
    expect(one.stderr).toMatch(/^Found 2 pods, using pod\/api-[a-z0-9]+-[a-z0-9]{5}\n$/);
    const all = await w.run('logs -l app=api');
    expect(all.stdout).toBe(pods.map((p) => `[pod/${p.metadata.name}/api] serving\n`).join(''));
  });

  test('--previous shows the run before a restart', async () => {
    const [c] = await w.runtime.listContainers({ [LABEL.pod]: 'web', [LABEL.container]: 'web' });
    w.runtime.crash(c.id, 1);
    expect((await w.run('reconcile --wait=false')).code).toBe(0);
    expect((await w.run('logs web -c web --previous')).stdout).toBe('one\ntwo\n');
    expect(await w.run('logs web -c side --previous')).toEqual({ code: 1, stdout: '', stderr: 'error: previous terminated container "side" in pod "web" not found\n' });
  });

  test('errors', async () => {
    expect(await w.run('logs nope')).toEqual({ code: 4, stdout: '', stderr: 'error: pods "nope" not found\n' });
    expect(await w.run('logs deployment/nope')).toEqual({ code: 4, stdout: '', stderr: 'error: deployments.apps "nope" not found\n' });
    expect(await w.run('logs web -c nope')).toEqual({ code: 1, stdout: '', stderr: 'error: container nope is not valid for pod web\n' });
    expect((await w.run('logs web --tail x')).stderr).toBe('error: invalid argument "x" for "--tail" flag: must be an integer\n');
    expect((await w.run('logs web --since 5x')).stderr).toBe('error: invalid argument "5x" for "--since" flag: time: invalid duration "5x"\n');
  });
});

describe('kctl exec', () => {
  const w = world();
  beforeAll(async () => {
    w.write('pods.yaml', PODS);
    expect((await w.run('apply -f pods.yaml')).code).toBe(0);
  });

  test("passes output and the command's exit code through", async () => {
    expect(await w.run(['exec', 'web', '-c', 'web', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3'])).toEqual({ code: 3, stdout: 'out\n', stderr: 'err\nerror: command terminated with exit code 3\n' });
    expect(await w.run(['exec', 'deployment/api', '--', 'echo', 'hi'])).toEqual({ code: 0, stdout: 'hi\n', stderr: '' });
  });

  test('without a terminal, -t says so and goes on without one', async () => {
    expect(await w.run(['exec', '-it', 'web', '-c', 'web', '--', 'echo', 'hi'])).toEqual({ code: 0, stdout: 'hi\n', stderr: 'Unable to use a TTY - input is not a terminal or the right kind of file\n' });
  });

  test('errors', async () => {
    expect((await w.run(['exec', 'web', '-c', 'web'])).stderr).toBe('error: you must specify at least one command for the container\nhint: kctl exec POD -- COMMAND [args...]\n');
    expect((await w.run(['exec', 'nope', '--', 'true'])).stderr).toBe('error: pods "nope" not found\n');
    const [c] = await w.runtime.listContainers({ [LABEL.pod]: 'web', [LABEL.container]: 'side' });
    await w.runtime.stopContainer(c.id, 0);
    expect(await w.run(['exec', 'web', '-c', 'side', '--', 'true'])).toEqual({ code: 1, stdout: '', stderr: 'error: unable to upgrade connection: container not found ("side")\n' });
  });
});

describe('kctl create configmap / secret generic', () => {
  test('from literals, files (with and without a key), a directory and an env file', async () => {
    const w = world();
    w.write('app.conf', 'port=8080\n');
    fs.mkdirSync(path.join(w.dir, 'conf.d'));
    w.write('conf.d/a.txt', 'A');
    w.write('conf.d/b.txt', 'B');
    w.write('conf.d/not a key', 'skipped');
    w.write('logo.bin', Buffer.from([0, 255]) as unknown as string);
    w.write('app.env', '# comment\nMODE=fast\n\nLEVEL=2\n');
    const r = await w.run('create configmap cfg --from-literal greeting=hello --from-file app.conf --from-file settings=app.conf --from-file conf.d --from-file logo.bin --from-env-file app.env');
    expect(r).toEqual({ code: 0, stdout: 'configmap/cfg created\n', stderr: '' });
    const cm = w.state().get('ConfigMap', 'default', 'cfg')!;
    expect(cm.data).toEqual({ greeting: 'hello', 'app.conf': 'port=8080\n', settings: 'port=8080\n', 'a.txt': 'A', 'b.txt': 'B', MODE: 'fast', LEVEL: '2' });
    expect(cm.binaryData).toEqual({ 'logo.bin': 'AP8=' });
    expect(await w.run('create configmap cfg --from-literal a=b')).toEqual({ code: 5, stdout: '', stderr: 'error: configmaps "cfg" already exists\n' });
  });

  test('secret generic: values base64-encoded, --type, and -o yaml with --dry-run prints without storing', async () => {
    const w = world();
    expect((await w.run('create secret generic creds --from-literal username=admin --from-literal password=hunter2 --type kubernetes.io/basic-auth')).stdout).toBe('secret/creds created\n');
    expect(w.state().get('Secret', 'default', 'creds')).toMatchObject({ type: 'kubernetes.io/basic-auth', data: { username: 'YWRtaW4=', password: 'aHVudGVyMg==' } });
    const dry = await w.run('create secret generic tls --from-literal key=k --dry-run=client -o yaml');
    expect(dry.stdout).toBe('apiVersion: v1\ndata:\n  key: aw==\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: tls\n');
    expect(w.state().get('Secret', 'default', 'tls')).toBeUndefined();
    expect((await w.run('create cm x --from-literal a=1 -o name')).stdout).toBe('configmap/x\n');
  });

  test('errors', async () => {
    const w = world();
    expect((await w.run('create configmap c --from-literal novalue')).stderr).toBe('error: invalid literal source novalue, expected key=value\n');
    expect((await w.run('create configmap c --from-literal a=1 --from-literal a=2')).stderr).toBe('error: cannot add key a, another key by that name already exists in Data for ConfigMap "c"\n');
    expect((await w.run('create secret generic s --from-file missing.txt')).stderr).toBe('error: error reading missing.txt: no such file or directory\n');
    expect((await w.run(['create', 'configmap', 'c', '--from-literal', 'bad key=1'])).code).toBe(2);
    expect((await w.run('create configmap c -o wide')).stderr).toBe('error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n');
  });
});
