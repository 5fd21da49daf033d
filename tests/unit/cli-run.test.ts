import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';

const IMAGE = '--image=kctl-test/busybox';
const PROMPT = "If you don't see a command prompt, try pressing enter.\n";
const NO_PODS = { code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' };

const get = async (env: FakeCliEnv, ref: string, path: string) => (await runCli(['get', ref, '-o', `jsonpath={${path}}`], env)).stdout;

describe('kctl run', () => {
  test('--dry-run=client -o yaml prints the pod kubectl run generates and creates nothing', async () => {
    const env = fakeCliEnv();
    expect(await runCli(['run', 'web', IMAGE, '--dry-run=client', '-o', 'yaml'], env)).toEqual({
      code: 0,
      stdout: [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  creationTimestamp: null', '  labels:', '    run: web', '  name: web', 'spec:', '  containers:', '  - image: kctl-test/busybox', '    name: web', '    resources: {}',
        '  dnsPolicy: ClusterFirst', '  restartPolicy: Always', 'status: {}', '',
      ].join('\n'),
      stderr: '',
    });
    const full = ['run', 'job', IMAGE, '--labels=app=job,tier=batch', '--env=A=1', '--env=B=x=y', '--port=8080', '--restart=Never', '--image-pull-policy=IfNotPresent', '--command', '--dry-run=client', '-o', 'yaml', '--', 'sh', '-c', 'echo hi'];
    expect((await runCli(full, env)).stdout).toBe(
      [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  creationTimestamp: null', '  labels:', '    app: job', '    tier: batch', '  name: job', 'spec:', '  containers:', '  - command:', '    - sh', '    - -c', '    - echo hi',
        '    env:', '    - name: A', '      value: "1"', '    - name: B', '      value: x=y', '    image: kctl-test/busybox', '    imagePullPolicy: IfNotPresent', '    name: job', '    ports:', '    - containerPort: 8080', '    resources: {}',
        '  dnsPolicy: ClusterFirst', '  restartPolicy: Never', 'status: {}', '',
      ].join('\n'),
    );
    const json = JSON.parse((await runCli(['run', 'web', IMAGE, '--dry-run=client', '-o', 'json', '--', 'serve', '--verbose'], env)).stdout);
    expect(json.spec.containers[0]).toEqual({ name: 'web', image: 'kctl-test/busybox', args: ['serve', '--verbose'], resources: {} });
    expect(await runCli(['run', 'web', IMAGE, '--dry-run'], env)).toEqual({ code: 0, stdout: 'pod/web created (dry run)\n', stderr: '' });
    expect(await runCli('get pods', env)).toEqual(NO_PODS);
  });

  test('--annotations, --privileged and --overrides (merge, strategic, json) shape the generated pod as kubectl run does', async () => {
    const env = fakeCliEnv();
    // The default namespace enforces Pod Security baseline: a privileged pod is admitted where the namespace allows it.
    expect((await runCli('create namespace lab', env)).code).toBe(0);
    expect((await runCli('label namespace lab pod-security.kubernetes.io/enforce=privileged', env)).code).toBe(0);
    const line = ['run', 'web', IMAGE, '-n', 'lab', '--annotations=team=a', '--annotations=note=x=y', '--privileged', '--overrides={"spec":{"hostname":"h1"}}', '--dry-run=client', '-o', 'yaml'];
    expect(await runCli(line, env)).toEqual({
      code: 0,
      stdout: [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  annotations:', '    note: x=y', '    team: a', '  creationTimestamp: null', '  labels:', '    run: web', '  name: web', '  namespace: lab', 'spec:', '  containers:',
        '  - image: kctl-test/busybox', '    name: web', '    resources: {}', '    securityContext:', '      privileged: true', '  dnsPolicy: ClusterFirst', '  hostname: h1', '  restartPolicy: Always', 'status: {}', '',
      ].join('\n'),
      stderr: '',
    });
    const containers = '{.spec.containers[0].name}/{.spec.containers[0].image}/{.spec.containers[0].tty}';
    const strategic = ['run', 'web', IMAGE, '--override-type=strategic', '--overrides={"spec":{"containers":[{"name":"web","tty":true}]}}', '--dry-run=client', '-o', `jsonpath=${containers}`];
    expect(await runCli(strategic, env)).toEqual({ code: 0, stdout: 'web/kctl-test/busybox/true', stderr: '' });
    const json = ['run', 'web', IMAGE, '--override-type=json', '--overrides=[{"op":"add","path":"/spec/hostname","value":"h2"}]', '--dry-run=client', '-o', 'jsonpath={.spec.hostname}'];
    expect(await runCli(json, env)).toEqual({ code: 0, stdout: 'h2', stderr: '' });
    // A merge patch replaces lists: the container loses its image, and the pod is refused like any invalid one.
    const merged = await runCli(['run', 'web', IMAGE, '--overrides={"spec":{"containers":[{"name":"web"}]}}'], env);
    expect(merged).toEqual({ code: 3, stdout: '', stderr: 'error: spec.containers[0].image: Required value\n' });
  });

  test.each([
    [['--annotations=bad'], 'error: invalid annotations format: bad\n'],
    [['--overrides={bad'], "error: Invalid JSON Patch: --overrides: Expected property name or '}' in JSON at position 1\n"],
    [['--override-type=yaml', '--overrides={}'], 'error: invalid override type: yaml\n'],
    [['--overrides={"kind":"Service"}'], 'error: --overrides cannot change the kind of the generated Pod (to "Service")\n'],
    [['--overrides=[{"op":"remove","path":"/spec/nope"}]', '--override-type=json'], expect.stringMatching(/^error: pods "web": unable to apply the json patch: .+\n$/)],
  ])('bad override flags %j are refused and nothing is created', async (flags, stderr) => {
    const env = fakeCliEnv();
    const r = await runCli(['run', 'web', IMAGE, ...(flags as string[])], env);
    expect(r).toEqual({ code: expect.any(Number), stdout: '', stderr });
    expect(r.code).not.toBe(0);
    expect(await runCli('get pods', env)).toEqual(NO_PODS);
  });

  test('--expose --dry-run=client -o yaml prints the Service, ---, then the pod, as kubectl does', async () => {
    const env = fakeCliEnv();
    expect((await runCli(['run', 'web', IMAGE, '--port=80', '--expose', '--dry-run=client', '-o', 'yaml'], env)).stdout).toBe(
      [
        'apiVersion: v1', 'kind: Service', 'metadata:', '  creationTimestamp: null', '  name: web', 'spec:', '  ports:', '  - port: 80', '    protocol: TCP', '    targetPort: 80', '  selector:', '    run: web', 'status:', '  loadBalancer: {}', '---',
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  creationTimestamp: null', '  labels:', '    run: web', '  name: web', 'spec:', '  containers:', '  - image: kctl-test/busybox', '    name: web', '    ports:', '    - containerPort: 80', '    resources: {}',
        '  dnsPolicy: ClusterFirst', '  restartPolicy: Always', 'status: {}', '',
      ].join('\n'),
    );
    expect(await runCli('get services', env)).toEqual(NO_PODS);
  });

  test('creates the pod and waits for it to run; --expose also creates its Service, printed first', async () => {
    const env = fakeCliEnv();
    expect(await runCli(['run', 'web', IMAGE], env)).toEqual({ code: 0, stdout: 'pod/web created\n', stderr: '' });
    expect(await get(env, 'pod/web', '.metadata.labels.run} {.status.phase')).toBe('web Running');
    expect(await runCli(['run', 'api', IMAGE, '--port=8080', '--expose', '-l', 'app=api'], env)).toEqual({ code: 0, stdout: 'service/api created\npod/api created\n', stderr: '' });
    expect(await get(env, 'service/api', '.metadata.labels} {.spec.selector} {.spec.ports[0].port} {.spec.ports[0].targetPort')).toBe('{"app":"api"} {"app":"api"} 8080 8080');
    expect(await runCli(['run', 'web', IMAGE], env)).toEqual({ code: 5, stdout: '', stderr: 'error: pods "web" already exists\n' });
  });

  test('-i --restart=Never streams the container and exits with its exit code; the pod stays without --rm', async () => {
    const env = fakeCliEnv();
    expect(await runCli(['run', 'tmp', '-i', '--restart=Never', IMAGE, '--', 'sh', '-c', 'echo hello; echo oops >&2; exit 3'], env)).toEqual({
      code: 3,
      stdout: 'hello\n',
      stderr: `${PROMPT}oops\nerror: pod default/tmp terminated (Error)\n`,
    });
    expect(await get(env, 'pod/tmp', '.status.phase} {.spec.restartPolicy} {.spec.containers[0].stdin} {.spec.containers[0].stdinOnce')).toBe('Failed Never true true');
    expect(await runCli(['run', 'ok', '-i', '--restart=Never', IMAGE, '--', 'sh', '-c', 'echo fine'], env)).toEqual({ code: 0, stdout: 'fine\n', stderr: PROMPT });
  });

  test('--rm deletes the pod afterwards; -i passes kctl\'s stdin to the container', async () => {
    const env = fakeCliEnv();
    expect(await runCli(['run', 'tmp', '--rm', '-i', '--restart=Never', IMAGE, '--', 'sh', '-c', 'echo hello; exit 3'], env)).toEqual({
      code: 3,
      stdout: 'hello\npod "tmp" deleted\n',
      stderr: `${PROMPT}error: pod default/tmp terminated (Error)\n`,
    });
    expect(await runCli(['run', 't', '--rm', '-i', '--restart=Never', IMAGE, '-q', '--', 'cat'], env, 'hi\n')).toEqual({ code: 0, stdout: 'hi\npod "t" deleted\n', stderr: '' });
    expect(await runCli(['run', 'web', '--rm', '-i', '--restart=Never', '--port=80', '--expose', IMAGE, '-q', '--', 'sh', '-c', 'echo up'], env)).toEqual({
      code: 0,
      stdout: 'service/web created\nup\npod "web" deleted\nservice "web" deleted\n',
      stderr: '',
    });
    expect(await runCli('get pods,services', env)).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
    expect(await env.runtime.listContainers({})).toEqual([]);
  });

  test('attached to an Always pod, the session ends with the container, exit 0 whatever its code', async () => {
    const env = fakeCliEnv();
    expect(await runCli(['run', 'loop', '--rm', '-i', '--restart=Always', IMAGE, '--', 'sh', '-c', 'echo once; exit 3'], env)).toEqual({ code: 0, stdout: 'once\npod "loop" deleted\n', stderr: PROMPT });
  });

  test('without --restart, -i waits for success as OnFailure (kubectl), up to --pod-running-timeout', async () => {
    const env = fakeCliEnv();
    expect(await runCli(['run', 'flaky', '--rm', '-i', '--pod-running-timeout=0s', IMAGE, '--', 'sh', '-c', 'exit 3'], env)).toEqual({
      code: 1,
      stdout: 'pod "flaky" deleted\n',
      stderr: `${PROMPT}error: timed out waiting for the condition\nhint: waiting for pod/flaky to complete\n`,
    });
  });

  test('--attach without -i: a container done before the attach still shows its output, without the prompt', async () => {
    const env = fakeCliEnv();
    expect(await runCli(['run', 'quick', '--attach', '--restart=Never', IMAGE, '--', 'sh', '-c', 'echo done; exit 2'], env)).toEqual({ code: 2, stdout: 'done\n', stderr: 'error: pod default/quick terminated (Error)\n' });
  });

  test('Ctrl-C stops the attach (or the wait before it) and --rm still deletes the pod', async () => {
    const base = fakeCliEnv();
    let interrupt!: () => void;
    const env = { ...base, interrupted: new Promise<void>((resolve) => (interrupt = resolve)) };
    const attach = env.runtime.attach.bind(env.runtime);
    env.runtime.attach = (id, opts) => {
      const attached = attach(id, opts);
      interrupt(); // the user presses Ctrl-C once attached
      return attached;
    };
    const args = ['run', 'srv', '--rm', '-i', IMAGE, '--', 'sh', '-c', 'echo start; sleep 3600'];
    expect(await runCli(args, env)).toEqual({ code: 130, stdout: 'start\npod "srv" deleted\n', stderr: `${PROMPT}error: interrupted\n` });
    expect(await env.runtime.listContainers({})).toEqual([]);
    expect(await runCli(args, { ...base, interrupted: Promise.resolve() })).toEqual({ code: 130, stdout: 'pod "srv" deleted\n', stderr: 'error: interrupted\n' });
    expect(await env.runtime.listContainers({})).toEqual([]);
  });

  test("bad flags are kubectl's errors, and nothing is created", async () => {
    const env = fakeCliEnv();
    const fails = async (args: string[], code: number, stderr: string) => expect(await runCli(['run', ...args], env)).toEqual({ code, stdout: '', stderr });
    await fails(['web'], 2, 'error: required flag(s) "image" not set\n');
    await fails([IMAGE], 2, 'error: NAME is required for run\nhint: kctl run NAME --image=IMAGE [-- ARGS...]\n');
    await fails(['web', '--image=Busy:box:1'], 2, 'error: invalid image name "Busy:box:1": invalid reference format\n');
    await fails(['Web', IMAGE], 3, `error: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character\n` +
      `error: spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character\n`);
    await fails(['web', IMAGE, '-t'], 2, 'error: -i/--stdin is required for containers with -t/--tty=true\n');
    await fails(['web', IMAGE, '--expose'], 2, 'error: --port must be set when exposing a service\n');
    await fails(['web', IMAGE, '--restart=Sometimes'], 2, 'error: invalid restart policy: Sometimes\n');
    await fails(['web', IMAGE, '--rm'], 2, 'error: --rm should only be used for attached containers\n');
    await fails(['web', IMAGE, '-i', '--dry-run=client'], 2, "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\n");
    await fails(['web', IMAGE, '--image-pull-policy=Sometimes'], 2, 'error: invalid image pull policy: Sometimes\n');
    await fails(['web', IMAGE, '--env=1A=x'], 2, 'error: invalid env: 1A=x\n');
    await fails(['web', IMAGE, '--env=NOVALUE'], 2, 'error: invalid env: NOVALUE\n');
    await fails(['web', IMAGE, '--labels=app'], 2, 'error: unexpected label spec: app\n');
    await fails(['web', IMAGE, '--port=http'], 2, 'error: strconv.ParseUint: parsing "http": invalid syntax\n');
    await fails(['web', IMAGE, '--dry-run=maybe'], 2, 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');
    expect(await runCli('get pods,services', env)).toEqual(NO_PODS);
  });
});
