/**
 * The pod controller on the fake runtime, pass by pass with an injected clock: the sandbox that owns a pod's
 * network, init containers in order, restart policies with Kubernetes' back-off (and its reset after ten
 * minutes), OOMKilled, configuration errors that are retried, hostPort and claim scheduling, privileged
 * refusal, and what deleting a pod removes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LABEL, RuntimeError, type ContainerInfo } from '../../src/runtime/runtime';
import { Store } from '../../src/store/store';
import { clockedCliEnv, runCli } from '../helpers/cli';

function world() {
  const env = clockedCliEnv();
  const runtime = env.runtime;
  const w = {
    dir: env.cwd,
    runtime,
    env,
    run: (line: string) => runCli(line, env),
    async apply(yaml: string, flags = '--wait=false') {
      env.write('m.yaml', yaml);
      return runCli(`apply -f m.yaml ${flags}`, env);
    },
    setTime: env.setTime,
    passAt: env.passAt,
    podLine: async (name = '') => (await runCli(`get pods ${name} --no-headers`, env)).stdout.replace(/[ \t]+/g, ' ').trim(),
    pod: (name: string) => new Store(env.statePath).read().get('Pod', 'default', name)!,
    events: () => new Store(env.statePath).read().data.events.map((e) => `${e.type} ${e.reason} ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`),
    containers: async (role?: string): Promise<ContainerInfo[]> => (await runtime.listContainers({ [LABEL.managed]: 'true' })).filter((c) => !role || c.labels[LABEL.role] === role).reverse(),
    async container(name: string): Promise<ContainerInfo> {
      const mine = (await w.containers()).filter((c) => c.labels[LABEL.container] === name);
      return mine[mine.length - 1];
    },
  };
  return w;
}

const pod = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  terminationGracePeriodSeconds: 3
${spec}`;

const container = (name: string, command: string, extra = '') => `    - name: ${name}
      image: kctl-test/busybox:latest
      imagePullPolicy: IfNotPresent
      command: [sh, -c, '${command}']
${extra}`;

/** A memory-backed emptyDir: one of the things that give a one-container pod a sandbox. */
const TMPFS = '  volumes: [{ name: tmp, emptyDir: { medium: Memory } }]\n';

describe('the pod sandbox', () => {
  test('owns the network and publishes the ports; the containers join it and the pod IP is its address', async () => {
    const w = world();
    await w.apply(pod('web', `  containers:\n${container('web', 'sleep 1000', '      ports: [{ containerPort: 8080 }]\n')}${container('helper', 'sleep 1000')}`));
    const [sandbox] = await w.containers('sandbox');
    expect(sandbox).toMatchObject({ name: 'default_web_POD_0', image: 'kctl-test/busybox:latest', status: 'running' });
    expect(sandbox.ports).toEqual([{ containerPort: 8080, protocol: 'TCP', hostPort: 32768, hostIP: '127.0.0.1' }]);
    const apps = await w.containers('app');
    expect(apps.map((c) => [c.name, c.status, c.ports.length, c.ip])).toEqual([
      ['default_web_web_0', 'running', 0, undefined],
      ['default_web_helper_0', 'running', 0, undefined],
    ]);
    expect((await w.run('get pod web -o wide --no-headers')).stdout).toMatch(new RegExp(`^web\\s+2/2\\s+Running\\s+0\\s+0s\\s+${sandbox.ip!.replace(/\./g, '\\.')}\\s`));
    expect(w.pod('web').status.kctl.ports).toEqual(sandbox.ports);
    // Restarting one container keeps the pod's network: the sandbox stays.
    w.runtime.crash(apps[1].id, 1);
    await w.passAt(1000);
    expect((await w.containers('sandbox')).map((c) => c.id)).toEqual([sandbox.id]);
    expect(await w.podLine()).toBe('web 2/2 Running 1 (1s ago) 1s');
  });

  test('a sandbox that died takes the pod with it: everything is made again', async () => {
    const w = world();
    await w.apply(pod('web', `  containers:\n${container('web', 'sleep 1000')}${TMPFS}`));
    const [sandbox] = await w.containers('sandbox');
    w.runtime.crash(sandbox.id, 137);
    await w.passAt(1000);
    expect((await w.containers()).map((c) => `${c.name} ${c.status}`)).toEqual(['default_web_POD_1 running', 'default_web_web_1 running']);
    expect(w.events()).toContain('Normal SandboxChanged Pod sandbox changed, it will be killed and re-created.');
  });
  test('containers of a pod made without a sandbox (an older kctl) are replaced by a sandboxed set', async () => {
    const w = world();
    const info = w.runtime.info.bind(w.runtime);
    w.runtime.info = async () => ({ version: 'fake', apiVersion: '1.41', os: 'linux', arch: 's390x' });
    await w.apply(pod('web', `  containers:\n${container('web', 'sleep 1000', '      ports: [{ containerPort: 8080, hostPort: 8080 }]\n')}`), '--wait=false --allow-privileged');
    expect((await w.containers()).map((c) => c.name)).toEqual(['default_web_web_0']);
    w.runtime.info = info;
    // The same engine seen by a newer kctl: a fresh object, so nothing remembered about the old one applies.
    const r = await runCli('reconcile --wait=false', { ...w.env, runtime: new Proxy(w.runtime, {}) });
    expect(r.code).toBe(0);
    expect((await w.containers()).map((c) => `${c.name} ${c.status}`)).toEqual(['default_web_POD_0 running', 'default_web_web_1 running']);
  });

  test('a sandbox created by a pass that stopped before starting it is replaced, not started', async () => {
    const w = world();
    const start = w.runtime.startContainer.bind(w.runtime);
    w.runtime.startContainer = async () => {
      throw new Error('kctl was killed here');
    };
    // An error nobody expected is the pod's own: the pass goes on, the pod is tried again later.
    const crashed = await w.apply(pod('web', `  containers:\n${container('web', 'sleep 1000')}${TMPFS}`));
    expect(crashed).toMatchObject({ code: 0, stderr: '' });
    expect(w.events()).toEqual(['Warning FailedSync error syncing pod, skipping: kctl was killed here']);
    expect((await w.containers()).map((c) => `${c.name} ${c.status}`)).toEqual(['default_web_POD_0 created']);
    w.runtime.startContainer = start;
    await w.passAt(1000);
    expect((await w.containers()).map((c) => `${c.name} ${c.status}`)).toEqual(['default_web_POD_1 running', 'default_web_web_0 running']);
    expect(w.events().filter((e) => e.includes('Sandbox'))).toEqual([]);
  });

  test('one pod whose step fails does not stop the pass: the others start, it gets FailedSync and is retried', async () => {
    const w = world();
    const create = w.runtime.createContainer.bind(w.runtime);
    w.runtime.createContainer = async (spec) => {
      if (spec.labels[LABEL.pod] === 'bad') throw new TypeError('something nobody expected');
      return create(spec);
    };
    w.env.write('two.yaml', `${pod('bad', `  containers:\n${container('c', 'sleep 1000')}`)}---\n${pod('good', `  containers:\n${container('c', 'sleep 1000')}`)}`);
    expect((await w.run('apply -f two.yaml --wait=false')).code).toBe(0);
    expect(await w.podLine()).toBe('bad 0/1 Pending 0 0s\ngood 1/1 Running 0 0s');
    expect(w.events().filter((e) => e.includes('FailedSync'))).toEqual(['Warning FailedSync error syncing pod, skipping: something nobody expected']);
    w.runtime.createContainer = create;
    await w.passAt(10_000);
    expect(await w.podLine()).toBe('bad 1/1 Running 0 10s\ngood 1/1 Running 0 10s');
  });

  test('a sandbox the engine cannot start leaves the pod ContainerCreating with the reason, and is retried', async () => {
    const w = world();
    const start = w.runtime.startContainer.bind(w.runtime);
    w.runtime.startContainer = async () => {
      throw new RuntimeError('OCI runtime create failed', 500);
    };
    await w.apply(pod('web', `  containers:\n${container('web', 'sleep 1000')}${TMPFS}`));
    expect(w.pod('web').status.containerStatuses[0].state.waiting).toEqual({ reason: 'ContainerCreating', message: 'failed to create the pod sandbox: OCI runtime create failed' });
    expect(w.events()).toEqual(['Warning FailedCreatePodSandBox Failed to create pod sandbox: OCI runtime create failed']);
    expect(await w.containers()).toEqual([]);
    w.runtime.startContainer = start;
    await w.passAt(10_000);
    expect(await w.podLine()).toBe('web 1/1 Running 0 10s');
  });
});

describe('a pod of one container with nothing to share', () => {
  test('is one container: it owns the network and publishes the ports, and the pod IP follows it across restarts', async () => {
    const w = world();
    await w.apply(pod('web', `  containers:\n${container('web', 'sleep 1000', '      ports: [{ containerPort: 8080 }]\n')}  volumes: [{ name: scratch, emptyDir: {} }]\n`));
    const [web] = await w.containers();
    expect(await w.containers('sandbox')).toEqual([]);
    expect([web.name, web.status, web.ports.map((p) => p.containerPort)]).toEqual(['default_web_web_0', 'running', [8080]]);
    expect(w.pod('web').status.podIP).toBe(web.ip);
    expect(w.pod('web').status.kctl.ports).toEqual(web.ports);
    w.runtime.crash(web.id, 1);
    await w.passAt(1000);
    const restarted = await w.container('web');
    expect([restarted.name, restarted.status]).toEqual(['default_web_web_1', 'running']);
    expect(w.pod('web').status.podIP).toBe(restarted.ip);
    expect(await w.podLine()).toBe('web 1/1 Running 1 (1s ago) 1s');
  });

  test('a pod whose only container has exited shows no IP: Docker may have given its old one to another container', async () => {
    const w = world();
    await w.apply(pod('once', `  restartPolicy: Never\n  containers:\n${container('once', 'sleep 1000')}`));
    const [once] = await w.containers();
    expect(w.pod('once').status.podIP).toBe(once.ip);
    w.runtime.crash(once.id, 1);
    await w.passAt(1000);
    expect(w.pod('once').status.phase).toBe('Failed');
    expect(w.pod('once').status.podIP).toBeUndefined();
    expect((await w.run('get pod once -o wide --no-headers')).stdout.split(/ +/)[5]).toBe('<none>');
  });

  test('cut off from its network behind kctl\'s back: made again on it, counted as a restart', async () => {
    const w = world();
    await w.apply(pod('web', `  containers:\n${container('web', 'sleep 1000')}`));
    const [web] = await w.containers();
    w.runtime.disconnectBehindBack(web.id);
    await w.passAt(1000);
    const [again] = await w.containers();
    expect([again.name, again.status, again.ip]).toEqual(['default_web_web_1', 'running', expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/)]);
    expect(w.pod('web').status.podIP).toBe(again.ip);
    expect(w.events()).toContain('Normal SandboxChanged Pod sandbox changed, it will be killed and re-created.');
    expect(await w.podLine()).toBe('web 1/1 Running 1 1s');
  });

  test.each([
    ['an init container', `  initContainers:\n${container('init', 'true')}  containers:\n${container('web', 'sleep 1000')}`],
    ['a second container', `  containers:\n${container('web', 'sleep 1000')}${container('helper', 'sleep 1000')}`],
    ['a memory-backed emptyDir', `  containers:\n${container('web', 'sleep 1000')}${TMPFS}`],
    ['a hostPort', `  containers:\n${container('web', 'sleep 1000', '      ports: [{ containerPort: 8080, hostPort: 18080 }]\n')}`],
    ['env from status.podIP', `  containers:\n${container('web', 'sleep 1000', '      env: [{ name: IP, valueFrom: { fieldRef: { fieldPath: status.podIP } } }]\n')}`],
  ])('gets a sandbox when it has %s', async (_what, spec) => {
    const w = world();
    await w.apply(pod('web', spec), '--wait=false --allow-privileged');
    expect((await w.containers('sandbox')).map((c) => `${c.name} ${c.status}`)).toEqual(['default_web_POD_0 running']);
  });

  test('env from status.podIP is the pod\'s address', async () => {
    const w = world();
    const specs: any[] = [];
    const create = w.runtime.createContainer.bind(w.runtime);
    w.runtime.createContainer = async (spec) => (specs.push(spec), create(spec));
    await w.apply(pod('web', `  containers:\n${container('web', 'sleep 1000', '      env: [{ name: IP, valueFrom: { fieldRef: { fieldPath: status.podIP } } }]\n')}`));
    const app = specs.find((s) => s.labels[LABEL.role] === 'app');
    expect(app.env).toMatchObject({ IP: w.pod('web').status.podIP });
    expect(w.pod('web').status.podIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});

describe('without a pause executable for the engine', () => {
  test('the first app container owns the network and publishes the ports (the older arrangement)', async () => {
    const w = world();
    w.runtime.info = async () => ({ version: 'fake', apiVersion: '1.41', os: 'linux', arch: 's390x' });
    await w.apply(pod('web', `  containers:\n${container('web', 'sleep 1000', '      ports: [{ containerPort: 8080 }]\n')}${container('helper', 'sleep 1000')}`));
    const [web, helper] = await w.containers();
    expect(await w.containers('sandbox')).toEqual([]);
    expect([web.name, web.ports.map((p) => p.containerPort), helper.name, helper.ports]).toEqual(['default_web_web_0', [8080], 'default_web_helper_0', []]);
    expect(w.pod('web').status.podIP).toBe(web.ip);
    expect(await w.podLine()).toBe('web 2/2 Running 0 0s');
  });
});

describe('init containers', () => {
  const spec = (policy = 'Always') => `  restartPolicy: ${policy}\n  initContainers:\n${container('first', 'sleep 1000')}${container('second', 'sleep 1000')}  containers:\n${container('app', 'sleep 1000')}`;

  test('run to completion one at a time, in order, before the app containers (Init:0/2, Init:1/2, Running)', async () => {
    const w = world();
    await w.apply(pod('web', spec()));
    expect(await w.podLine()).toBe('web 0/1 Init:0/2 0 0s');
    expect((await w.containers()).map((c) => c.name)).toEqual(['default_web_POD_0', 'default_web_first_0']);
    w.runtime.crash((await w.container('first')).id, 0);
    await w.passAt(1000);
    expect(await w.podLine()).toBe('web 0/1 Init:1/2 0 1s');
    w.runtime.crash((await w.container('second')).id, 0);
    await w.passAt(2000);
    expect(await w.podLine()).toBe('web 1/1 Running 0 2s');
    expect((await w.containers()).map((c) => `${c.name} ${c.status}`)).toEqual(['default_web_POD_0 running', 'default_web_first_0 exited', 'default_web_second_0 exited', 'default_web_app_0 running']);
    expect(w.pod('web').status.conditions.map((c: any) => `${c.type}=${c.status}`)).toEqual(['Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
  });

  test('a failed init container fails the pod under restartPolicy Never (Init:Error)', async () => {
    const w = world();
    await w.apply(pod('job', spec('Never')));
    w.runtime.crash((await w.container('first')).id, 2);
    await w.passAt(1000);
    expect(await w.podLine()).toBe('job 0/1 Init:Error 0 1s');
    expect(w.pod('job').status.phase).toBe('Failed');
    await w.passAt(2000);
    expect((await w.containers()).map((c) => c.name)).toEqual(['default_job_first_0']); // the sandbox is released
  });

  test('is restarted with back-off under Always (Init:CrashLoopBackOff)', async () => {
    const w = world();
    await w.apply(pod('web', spec()));
    w.runtime.crash((await w.container('first')).id, 1);
    await w.passAt(1000); // first restart at once
    w.runtime.crash((await w.container('first')).id, 1);
    await w.passAt(2000);
    expect(await w.podLine()).toBe('web 0/1 Init:CrashLoopBackOff 1 (1s ago) 2s'); // crashed at 1s on the fake clock
  });
});

describe('restart policy and back-off', () => {
  test('10 s doubling, RESTARTS counting, and a fresh start after ten minutes of running', async () => {
    const w = world();
    await w.apply(pod('web', `  containers:\n${container('web', 'sleep 1000')}`));
    const crash = async (at: number) => {
      w.setTime(at);
      w.runtime.crash((await w.container('web')).id, 1);
      await w.passAt(at);
      return w.pod('web').status.containerStatuses[0];
    };
    expect((await crash(1000)).state.running).toBeDefined(); // restarted at once
    expect((await crash(2000)).state.waiting.message).toMatch(/^back-off 10s restarting failed container=web pod=web\(/);
    expect(await w.podLine()).toBe('web 0/1 CrashLoopBackOff 1 (0s ago) 2s');
    await w.passAt(11_000);
    expect(w.pod('web').status.containerStatuses[0].state.waiting.reason).toBe('CrashLoopBackOff');
    // Passes during one back-off say BackOff once: a repeat per pass would write the state and wake the controller.
    expect(w.events().filter((e) => e.includes('BackOff'))).toEqual(['Warning BackOff Back-off restarting failed container']);
    await w.passAt(12_000);
    expect(await w.podLine()).toBe('web 1/1 Running 2 (10s ago) 12s');
    expect((await crash(13_000)).state.waiting.message).toMatch(/^back-off 20s /);
    await w.passAt(33_000);
    expect((await crash(34_000)).state.waiting.message).toMatch(/^back-off 40s /);
    // One per back-off (10 s, 20 s, 40 s), each after the Created/Started of the attempt before it.
    expect(w.events().filter((e) => e.includes('BackOff'))).toEqual(Array(3).fill('Warning BackOff Back-off restarting failed container'));
    await w.passAt(74_000);
    // Ten minutes of clean running: the next crash restarts at once and the back-off starts again from 10 s.
    const afterLongRun = await crash(74_000 + 601_000);
    expect(afterLongRun.state.running).toBeDefined();
    expect(afterLongRun.restartCount).toBe(5);
    expect((await crash(74_000 + 602_000)).state.waiting.message).toMatch(/^back-off 10s /);
  });

  test('the back-off is capped at 300 s', async () => {
    const w = world();
    await w.apply(pod('web', `  containers:\n${container('web', 'sleep 1000')}`));
    let t = 0;
    let message = '';
    for (let i = 0; i < 9; i++) {
      w.runtime.crash((await w.container('web')).id, 1);
      t += 1000;
      await w.passAt(t);
      const waiting = w.pod('web').status.containerStatuses[0].state.waiting;
      if (waiting) {
        message = waiting.message;
        t += Number(/back-off (\d+)s/.exec(message)![1]) * 1000;
        await w.passAt(t);
      }
    }
    expect(message).toMatch(/^back-off 300s /);
  });

  test('OnFailure restarts only failures; Never restarts nothing and the pod ends Succeeded or Failed', async () => {
    const w = world();
    await w.apply(pod('ok', `  restartPolicy: OnFailure\n  containers:\n${container('c', 'sleep 1000')}`));
    w.runtime.crash((await w.container('c')).id, 0);
    await w.passAt(1000);
    expect(await w.podLine()).toBe('ok 0/1 Completed 0 1s');
    expect(w.pod('ok').status.phase).toBe('Succeeded');
    await w.apply(pod('once', `  restartPolicy: Never\n  containers:\n${container('c2', 'sleep 1000')}`));
    w.runtime.crash((await w.container('c2')).id, 4);
    await w.passAt(2000);
    expect(await w.podLine('once')).toBe('once 0/1 Error 0 1s');
    expect(w.pod('once').status.phase).toBe('Failed');
  });

  test('a container killed for memory shows OOMKilled, and the limits reach the runtime', async () => {
    const w = world();
    const specs: any[] = [];
    const create = w.runtime.createContainer.bind(w.runtime);
    w.runtime.createContainer = async (spec) => (specs.push(spec), create(spec));
    await w.apply(pod('hog', `  containers:\n${container('hog', 'sleep 1000', '      resources: { limits: { memory: 32Mi, cpu: 250m }, requests: { cpu: 100m } }\n')}`));
    expect(specs.filter((s) => s.labels[LABEL.role] === 'app').map((s) => [s.memoryBytes, s.nanoCpus])).toEqual([[32 * 1024 * 1024, 250_000_000]]);
    w.runtime.oomKill((await w.container('hog')).id);
    await w.passAt(1000);
    const cs = w.pod('hog').status.containerStatuses[0];
    expect(cs.lastState.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    expect(cs.restartCount).toBe(1);
  });

  test('a finished pod whose OOM kill the engine reports after the exit turns from Error to OOMKilled', async () => {
    const w = world();
    await w.apply(pod('hog', `  restartPolicy: Never\n  containers:\n${container('hog', 'sleep 1000', '      resources: { limits: { memory: 16Mi } }\n')}`));
    const reported = w.runtime.lateOomKill((await w.container('hog')).id);
    await w.passAt(1000);
    expect(await w.podLine('hog')).toBe('hog 0/1 Error 0 1s');
    reported();
    await w.passAt(2000);
    expect(await w.podLine('hog')).toBe('hog 0/1 OOMKilled 0 2s');
    expect(w.pod('hog').status).toMatchObject({ phase: 'Failed', containerStatuses: [{ state: { terminated: { reason: 'OOMKilled', exitCode: 137 } } }] });
    // Any other SIGKILL stays an Error: the pod's status is final.
    await w.apply(pod('killed', `  restartPolicy: Never\n  containers:\n${container('k', 'sleep 1000')}`));
    w.runtime.crash((await w.container('k')).id, 137);
    await w.passAt(3000);
    await w.passAt(4000);
    expect(await w.podLine('killed')).toBe('killed 0/1 Error 0 2s');
  });
});

describe('configuration', () => {
  const consumer = pod('app', `  containers:\n${container('app', 'sleep 1000', `      env:
        - name: PASSWORD
          valueFrom: { secretKeyRef: { name: creds, key: password } }
      volumeMounts: [{ name: cfg, mountPath: /etc/app }]
`)}  volumes:
    - name: cfg
      configMap: { name: settings }
`);

  test('a missing ConfigMap or Secret waits in CreateContainerConfigError (no crash, one event) and is retried', async () => {
    const w = world();
    const r = await w.apply(consumer, '--timeout 5s');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: pod/app is not ready: CreateContainerConfigError: configmap "settings" not found\nhint: the object was applied and kctl keeps retrying; see `kctl describe pod app`\n');
    await w.passAt(1000);
    expect(w.events()).toEqual(['Warning FailedMount MountVolume.SetUp failed for volume "cfg" : configmap "settings" not found']);
    expect((await w.run('create configmap settings --from-literal mode=fast')).code).toBe(0);
    await w.passAt(2000);
    expect(await w.podLine()).toBe('app 0/1 CreateContainerConfigError 0 2s');
    expect(w.pod('app').status.containerStatuses[0].state.waiting.message).toBe('secret "creds" not found');
    expect((await w.run('create secret generic creds --from-literal password=hunter2')).code).toBe(0);
    await w.passAt(3000);
    expect(await w.podLine()).toBe('app 1/1 Running 0 3s');
    const uid = w.pod('app').metadata.uid;
    const files = path.join(w.dir, 'pods');
    expect(fs.readFileSync(path.join(files, fs.readdirSync(files)[0], uid!, 'volumes/cfg/mode'), 'utf8')).toBe('fast');
    // The secret's value is in no event and no message.
    expect(JSON.stringify(new Store(w.env.statePath).read().data.events)).not.toContain('hunter2');
  });

  test('files of a mounted ConfigMap follow changes to it; the environment does not (as in Kubernetes)', async () => {
    const w = world();
    const cm = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: ${value}\n`;
    await w.apply(cm('slow'));
    await w.apply(pod('app', `  containers:\n${container('app', 'sleep 1000', '      envFrom: [{ configMapRef: { name: settings } }]\n      volumeMounts: [{ name: cfg, mountPath: /etc/app }]\n')}  volumes:\n    - name: cfg\n      configMap: { name: settings }\n`));
    const file = path.join(w.dir, 'pods', fs.readdirSync(path.join(w.dir, 'pods'))[0], w.pod('app').metadata.uid!, 'volumes/cfg/mode');
    expect(fs.readFileSync(file, 'utf8')).toBe('slow');
    await w.apply(cm('fast'));
    await w.passAt(1000);
    expect(fs.readFileSync(file, 'utf8')).toBe('fast');
    expect(await w.podLine()).toBe('app 1/1 Running 0 1s');
  });

  test('volumeMounts: readOnly, subPath of a projected volume (one file), hostPath; subPath of a Docker volume needs engine support', async () => {
    const w = world();
    const specs: any[] = [];
    const create = w.runtime.createContainer.bind(w.runtime);
    w.runtime.createContainer = async (spec) => (specs.push(spec), create(spec));
    await w.apply(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nginx\ndata:\n  nginx.conf: x\n`);
    const mounts = `      volumeMounts:
        - { name: conf, mountPath: /etc/nginx/nginx.conf, subPath: nginx.conf }
        - { name: host, mountPath: /host, readOnly: true }
        - { name: scratch, mountPath: /scratch }
`;
    const volumes = `  volumes:
    - { name: conf, configMap: { name: nginx } }
    - { name: host, hostPath: { path: ${JSON.stringify(w.dir)} } }
    - { name: scratch, emptyDir: { medium: Memory } }
`;
    await w.apply(pod('web', `  containers:\n${container('web', 'sleep 1000', mounts)}${volumes}`), '--wait=false --allow-privileged');
    const uid = w.pod('web').metadata.uid!;
    const scope = fs.readdirSync(path.join(w.dir, 'pods'))[0];
    expect(specs.find((s) => s.labels[LABEL.role] === 'app').mounts).toEqual([
      { type: 'bind', source: path.join(w.dir, 'pods', scope, uid, 'volumes/conf/nginx.conf'), target: '/etc/nginx/nginx.conf', readOnly: true },
      { type: 'bind', source: w.dir, target: '/host', readOnly: true },
      { type: 'volume', source: `kctl-${scope}-${uid}-scratch`, target: '/scratch', readOnly: false },
    ]);
    expect(specs.find((s) => s.labels[LABEL.role] === 'sandbox').mounts).toEqual([{ type: 'volume', source: `kctl-${scope}-${uid}-scratch`, target: '/.kctl/volumes/scratch' }]);
    await w.apply(pod('sub', `  containers:\n${container('c', 'sleep 1000', '      volumeMounts: [{ name: scratch, mountPath: /logs, subPath: logs }]\n')}  volumes:\n    - { name: scratch, emptyDir: {} }\n`));
    expect(w.pod('sub').status.containerStatuses[0].state.waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'subPath "logs" of volume "scratch": mounting part of a Docker volume needs Docker Engine API 1.45 (Docker 26) or newer' });
    w.runtime.supportsVolumeSubPath = async () => true;
    await w.passAt(6000);
    expect(specs[specs.length - 1].mounts).toEqual([{ type: 'volume', source: `kctl-${scope}-${w.pod('sub').metadata.uid}-scratch`, target: '/logs', readOnly: false, subPath: 'logs' }]);
  });

  test('Pod Security: apply refuses a privileged pod (exit 3, nothing stored); --allow-privileged admits and marks it', async () => {
    const w = world();
    const privileged = (name: string, annotations = '') => pod(name, `  containers:\n${container('c', 'sleep 1000', '      securityContext: { privileged: true }\n')}`).replace(`name: ${name}\n`, `name: ${name}\n${annotations}`);
    const refused = await w.apply(privileged('root'));
    expect(refused.code).toBe(3);
    expect(refused.stderr).toBe(
      'error: m.yaml:1:1: pods "root" is forbidden: violates PodSecurity "baseline:latest": privileged (container "c" must not set securityContext.privileged=true)\n' +
        'hint: to run it anyway, label the namespace pod-security.kubernetes.io/enforce=privileged or apply with --allow-privileged\n',
    );
    expect(w.pod('root')).toBeUndefined();
    // A manifest does not grant itself the mark --allow-privileged leaves.
    expect((await w.apply(privileged('forged', '  annotations: { kctl.io/allow-privileged: "true" }\n'))).code).toBe(3);
    expect(w.pod('forged')).toBeUndefined();
    await w.apply(privileged('root3'), '--wait=false --allow-privileged');
    expect(await w.podLine('root3')).toBe('root3 1/1 Running 0 0s');
    expect(w.pod('root3').metadata.annotations['kctl.io/allow-privileged']).toBe('true');
  });

  test('pods put in the state by hand with what apply refuses fail alone, each with the kubelet\'s status', async () => {
    const w = world();
    await w.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n  b: "2"\n');
    await w.apply(pod('good', `  containers:\n${container('c', 'sleep 1000')}`));
    const model = w.pod('good');
    await new Store(w.env.statePath).update((state) => {
      const add = (name: string, spec: any) => state.put({ ...structuredClone(model), metadata: { name, namespace: 'default', uid: `u-${name}` }, spec: { ...structuredClone(model.spec), ...spec }, status: { phase: 'Pending' } });
      const cfg = (items: any[]) => ({ volumes: [{ name: 'v', configMap: { name: 'cfg', items } }] });
      add('dot', cfg([{ key: 'a', path: '.' }]));
      add('nested', cfg([{ key: 'a', path: 'a' }, { key: 'b', path: 'a/b' }]));
      add('image', { containers: [{ ...model.spec.containers[0], image: 'kctl test/busy box' }] });
    });
    await w.passAt(1000);
    const waiting = (name: string) => w.pod(name).status.containerStatuses[0].state.waiting;
    expect(waiting('dot')).toEqual({ reason: 'CreateContainerConfigError', message: `invalid path ".": must be a relative path of names without '.', '..' or empty elements` });
    expect(waiting('nested')).toEqual({ reason: 'CreateContainerConfigError', message: 'invalid path "a/b": "a" is a file of the same volume' });
    expect(waiting('image')).toEqual({ reason: 'InvalidImageName', message: 'Failed to apply default image tag "kctl test/busy box": couldn\'t parse image reference "kctl test/busy box": invalid reference format' });
    expect(w.events().filter((e) => /FailedMount|InspectFailed/.test(e))).toEqual([
      `Warning FailedMount MountVolume.SetUp failed for volume "v" : invalid path ".": must be a relative path of names without '.', '..' or empty elements`,
      'Warning InspectFailed Failed to apply default image tag "kctl test/busy box": couldn\'t parse image reference "kctl test/busy box": invalid reference format',
      'Warning FailedMount MountVolume.SetUp failed for volume "v" : invalid path "a/b": "a" is a file of the same volume',
    ]);
    expect(await w.podLine('good')).toBe('good 1/1 Running 0 1s');
    await w.passAt(2000);
    expect(w.events().filter((e) => /FailedMount|InspectFailed/.test(e))).toHaveLength(3); // said once, not every pass
  });

  test('Pod Security: a privileged pod put in the state by hand is never started', async () => {
    const w = world();
    await w.apply(pod('plain', `  containers:\n${container('c', 'sleep 1000')}`));
    new Store(w.env.statePath).update((state) => {
      const p = state.get('Pod', 'default', 'plain')!;
      state.put({ ...structuredClone(p), metadata: { name: 'forged', namespace: 'default', uid: 'u-forged' }, spec: { ...p.spec, hostNetwork: true, volumes: [{ name: 'root', hostPath: { path: '/' } }] }, status: { phase: 'Pending' } });
    });
    await w.passAt(1000);
    const denial = 'pods "forged" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true), hostPath volumes (volume "root")';
    expect(w.pod('forged').status.containerStatuses[0].state.waiting).toEqual({ reason: 'CreateContainerConfigError', message: denial });
    expect(w.events()).toContain(`Warning FailedCreate ${denial}`);
    expect((await w.containers()).filter((c) => c.labels[LABEL.pod] === 'forged')).toEqual([]);
    expect(await w.podLine('plain')).toBe('plain 1/1 Running 0 1s');
  });
});

describe('scheduling and storage', () => {
  test('a second pod asking for the same hostPort stays Pending with the scheduler message until the port is free', async () => {
    const w = world();
    const web = (name: string) => pod(name, `  containers:\n${container('web', 'sleep 1000', '      ports: [{ containerPort: 8080, hostPort: 8080 }]\n')}`);
    await w.apply(web('a'), '--wait=false --allow-privileged');
    await w.apply(web('b'), '--wait=false --allow-privileged');
    expect((await w.podLine()).split('\n')).toEqual(['a 1/1 Running 0 0s', 'b 0/1 Pending 0 0s']);
    expect(w.pod('b').status.conditions).toEqual([{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. (hostPort 8080/TCP is taken by pod default/a)", lastTransitionTime: '2026-01-01T00:00:00.000Z' }]);
    expect(w.events().filter((e) => e.includes('FailedScheduling'))).toHaveLength(1);
    expect((await w.run('delete pod a')).code).toBe(0);
    await w.passAt(1000);
    expect(await w.podLine()).toBe('b 1/1 Running 0 1s');
  });

  test('a port taken outside the state (Docker refuses it) keeps the pod Pending and is retried', async () => {
    const w = world();
    await w.runtime.ensureNetwork('other', {});
    const squatter = await w.runtime.createContainer({ name: 'squatter', image: 'x', labels: {}, network: 'other', ports: [{ containerPort: 80, protocol: 'TCP', hostPort: 9090, hostIP: '127.0.0.1' }] });
    await w.runtime.startContainer(squatter);
    await w.apply(pod('web', `  containers:\n${container('web', 'sleep 1000', '      ports: [{ containerPort: 8080, hostPort: 9090 }]\n')}`), '--wait=false --allow-privileged');
    expect(await w.podLine()).toBe('web 0/1 Pending 0 0s');
    expect(w.pod('web').status.conditions[0].message).toMatch(/^hostPort 9090\/TCP already in use on this machine: driver failed programming external connectivity .*: Bind for 127\.0\.0\.1:9090 failed: port is already allocated$/);
    const creates = w.runtime.calls.creates;
    await w.passAt(5_000);
    expect(w.runtime.calls.creates).toBe(creates); // not retried before 10 s
    await w.runtime.removeContainer(squatter);
    await w.passAt(10_000);
    expect(await w.podLine()).toBe('web 1/1 Running 0 10s');
  });

  test('a claim is Bound to a Docker volume that outlives its pods; a pod waits for a missing claim', async () => {
    const w = world();
    const user = pod('db', `  containers:\n${container('db', 'sleep 1000', '      volumeMounts: [{ name: data, mountPath: /data }]\n')}  volumes:\n    - name: data\n      persistentVolumeClaim: { claimName: data }\n`);
    await w.apply(user);
    expect(await w.podLine()).toBe('db 0/1 Pending 0 0s');
    expect(w.pod('db').status.conditions[0].message).toBe('0/1 nodes are available: persistentvolumeclaim "data" not found.');
    await w.apply(`apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 2Gi } }\n`);
    await w.passAt(1000);
    expect(await w.podLine()).toBe('db 1/1 Running 0 1s');
    const claim = new Store(w.env.statePath).read().get('PersistentVolumeClaim', 'default', 'data')!;
    expect(claim.status).toMatchObject({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '2Gi' } });
    const volumes = await w.runtime.listVolumes({ [LABEL.volume]: 'persistentVolumeClaim' });
    expect(volumes).toEqual([claim.status.kctl.volume]);
    expect((await w.run('delete pod db')).code).toBe(0);
    expect(await w.runtime.listVolumes({ [LABEL.volume]: 'persistentVolumeClaim' })).toEqual(volumes);
    expect((await w.run('delete pvc data')).code).toBe(0);
    expect(await w.runtime.listVolumes({ [LABEL.volume]: 'persistentVolumeClaim' })).toEqual([]);
  });

  test('deleting a pod stops its containers with the grace period, the sandbox last, and removes its own storage', async () => {
    const w = world();
    const stops: string[] = [];
    const stop = w.runtime.stopContainer.bind(w.runtime);
    w.runtime.stopContainer = async (id, grace) => {
      stops.push(`${(await w.runtime.inspectContainer(id))!.name} ${grace}`);
      return stop(id, grace);
    };
    await w.apply(pod('web', `  containers:\n${container('web', 'sleep 1000', '      volumeMounts: [{ name: scratch, mountPath: /tmp }, { name: cfg, mountPath: /cfg }]\n')}  volumes:\n    - name: scratch\n      emptyDir: { medium: Memory }\n    - name: cfg\n      downwardAPI: { items: [{ path: name, fieldRef: { fieldPath: metadata.name } }] }\n`));
    expect(await w.runtime.listVolumes({ [LABEL.volume]: 'emptyDir' })).toHaveLength(1);
    expect(fs.readdirSync(path.join(w.dir, 'pods'))).toHaveLength(1);
    expect((await w.run('delete pod web')).stdout).toBe('pod "web" deleted\n');
    expect(stops).toEqual(['default_web_web_0 3']);
    expect(await w.containers()).toEqual([]);
    expect(await w.runtime.listVolumes({ [LABEL.volume]: 'emptyDir' })).toEqual([]);
    expect(fs.readdirSync(path.join(w.dir, 'pods', fs.readdirSync(path.join(w.dir, 'pods'))[0]))).toEqual([]);
  });
});
