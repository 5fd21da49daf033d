/**
 * Pod Security admission through the CLI on the fake runtime: baseline enforced by default wherever a pod
 * template is stored (apply, create, edit, scale up, rollout undo), nothing written when it refuses, the
 * visible opt-ins (a namespace label, --allow-privileged), warn and audit levels, and the second check where
 * pods are made from what is already in the state (the ReplicaSet controller), so a hand-edited state gets
 * no bypass.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Store } from '../../src/store/store';
import { clockedCliEnv, runCli, tempDir, type ClockedCliEnv } from '../helpers/cli';

/** kubectl's warning on applying a namespace apply did not make ("default" exists from the start). */
const DEFAULT_NOT_APPLIED =
  'Warning: resource namespaces/default is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kctl apply. kctl apply should only be used on resources created declaratively by either kctl create --save-config or kctl apply. The missing annotation will be patched automatically.\n';

const HINT = 'hint: to run it anyway, label the namespace pod-security.kubernetes.io/enforce=privileged or apply with --allow-privileged\n';

const deployment = (name: string, spec = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 1
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
        - name: ${name}
          image: kctl-demo/web:v1
${spec}`;

/** The classic runner takeover: the Docker socket mounted into a pod. */
const SOCKET = deployment('agent', `          volumeMounts: [{ name: docker, mountPath: /var/run/docker.sock }]
      volumes:
        - name: docker
          hostPath: { path: /var/run/docker.sock }
`);
const SOCKET_DENIAL = 'violates PodSecurity "baseline:latest": hostPath volumes (volume "docker")';

const namespace = (labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: default
  labels: { ${labels} }
---
`;

function world(): ClockedCliEnv & { kctl: (line: string) => ReturnType<typeof runCli>; stateText: () => string } {
  const env = clockedCliEnv();
  return Object.assign(env, {
    kctl: (line: string) => runCli(line, env),
    stateText: () => (fs.existsSync(env.statePath) ? fs.readFileSync(env.statePath, 'utf8') : ''),
  });
}

describe('the front door', () => {
  test('apply refuses the Docker socket with Kubernetes\' message, exit 3, the file and line, and writes nothing', async () => {
    const w = world();
    w.write('ok.yaml', deployment('web'));
    expect((await w.kctl('apply -f ok.yaml --wait=false')).code).toBe(0);
    const before = w.stateText();
    w.write('bad.yaml', `${deployment('web2')}---\n${SOCKET}`);
    expect(await w.kctl('apply -f bad.yaml --wait=false')).toEqual({ code: 3, stdout: '', stderr: `error: bad.yaml:15:1: deployments.apps "agent" is forbidden: ${SOCKET_DENIAL}\n${HINT}` });
    // The whole command is refused: the good Deployment beside it is not stored either.
    expect(w.stateText()).toBe(before);
    expect((await w.kctl('get deploy -o name')).stdout).toBe('deployment.apps/web\n');
  });

  test('every refused object is named; dry runs are judged too', async () => {
    const w = world();
    w.write('two.yaml', `${SOCKET}---\n${deployment('net', '      hostNetwork: true\n').replace('    spec:\n      containers:', '    spec:\n      hostNetwork: true\n      containers:').replace('      hostNetwork: true\n', '')}`);
    const r = await w.kctl('apply -f two.yaml --dry-run=client');
    expect(r.code).toBe(3);
    // kctl does not give pods the host's network, but a manifest that a cluster refuses is refused here too.
    expect(r.stderr).toBe(
      'Warning: two.yaml:32:7: spec.template.spec.hostNetwork is ignored by kctl (one Docker host)\n' +
        `error: two.yaml:1:1: deployments.apps "agent" is forbidden: ${SOCKET_DENIAL}\nerror: two.yaml:19:1: deployments.apps "net" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true)\n${HINT}`,
    );
  });

  test('a namespace labelled privileged (in the same apply) admits it', async () => {
    const w = world();
    w.write('priv.yaml', namespace('pod-security.kubernetes.io/enforce: privileged') + SOCKET);
    expect(await w.kctl('apply -f priv.yaml --wait=false')).toEqual({ code: 0, stdout: 'namespace/default configured\ndeployment.apps/agent created\n', stderr: DEFAULT_NOT_APPLIED });
    await w.passAt(1000);
    expect((await w.kctl('get pods --no-headers')).stdout).toMatch(/^agent-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s/);
  });

  test('--allow-privileged admits it and the pods carry the mark; a re-apply without the flag is refused', async () => {
    const w = world();
    w.write('agent.yaml', SOCKET);
    expect((await w.kctl('apply -f agent.yaml --wait=false --allow-privileged')).code).toBe(0);
    await w.passAt(1000);
    const pod = new Store(w.statePath).read().list('Pod', 'default')[0];
    expect(pod.metadata.annotations).toEqual({ 'kctl.io/allow-privileged': 'true' });
    expect(pod.status.phase).toBe('Running');
    expect(await w.kctl('apply -f agent.yaml --wait=false')).toMatchObject({ code: 3, stderr: `error: agent.yaml:1:1: deployments.apps "agent" is forbidden: ${SOCKET_DENIAL}\n${HINT}` });
  });

  test('a stricter namespace: warn prints kubectl\'s warning, audit records an event, enforce restricted refuses', async () => {
    const w = world();
    w.write('warn.yaml', namespace('pod-security.kubernetes.io/warn: restricted, pod-security.kubernetes.io/audit: restricted') + deployment('web'));
    const r = await w.kctl('apply -f warn.yaml --wait=false');
    const restricted =
      'allowPrivilegeEscalation != false (container "web" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "web" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "web" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "web" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';
    expect(r).toEqual({ code: 0, stdout: 'namespace/default configured\ndeployment.apps/web created\n', stderr: `${DEFAULT_NOT_APPLIED}Warning: would violate PodSecurity "restricted:latest": ${restricted}\n` });
    const events = (await w.kctl('get events --no-headers')).stdout.split('\n').filter((l) => l.includes('PodSecurityAudit'));
    expect(events.map((l) => l.split(/\s+/).slice(1, 4).join(' ') + ' ' + l.slice(l.indexOf('would')))).toEqual([`Warning PodSecurityAudit deployment/web would violate PodSecurity "restricted:latest": ${restricted}`]);
    // A version kctl does not know yet is checked as its latest, and named as the label says.
    w.write('enforce.yaml', namespace('pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/enforce-version: v1.99') + deployment('web2'));
    expect((await w.kctl('apply -f enforce.yaml --wait=false')).stderr).toBe(`error: enforce.yaml:7:1: deployments.apps "web2" is forbidden: violates PodSecurity "restricted:v1.99": ${restricted.replace(/"web"/g, '"web2"')}\n${HINT}`);
  });

  test('create, edit, scale up and rollout undo are judged too; scaling down stays possible', async () => {
    const w = world();
    w.write('ns.yaml', namespace('pod-security.kubernetes.io/enforce: privileged'));
    expect((await w.kctl('apply -f ns.yaml')).code).toBe(0);
    w.write('agent.yaml', SOCKET);
    expect((await w.kctl('apply -f agent.yaml --wait=false')).code).toBe(0);
    await w.passAt(1000);
    expect((await w.kctl('set image deployment/agent agent=kctl-demo/web:v2 --wait=false')).code).toBe(0);
    await w.passAt(2000);
    // The namespace is tightened afterwards: what runs keeps running, but nothing new is made of the template.
    expect((await w.kctl('label namespace default pod-security.kubernetes.io/enforce=baseline --overwrite')).code).toBe(0);
    const before = w.stateText();
    const refused = { code: 3, stdout: '', stderr: `error: deployments.apps "agent" is forbidden: ${SOCKET_DENIAL}\n${HINT}` };
    expect(await w.kctl('scale deployment agent --replicas 3')).toEqual(refused);
    expect(await w.kctl('rollout undo deployment agent')).toEqual(refused);
    expect(await w.kctl('set image deployment/agent agent=kctl-demo/web:v1')).toEqual(refused);
    expect(w.stateText()).toBe(before);
    expect((await w.kctl('scale deployment agent --replicas 0 --wait=false')).code).toBe(0);

    expect((await w.kctl('create deployment made --image kctl-demo/web:v1 --port 80')).code).toBe(0);
    const dir = tempDir();
    const editor = path.join(dir, 'editor.sh');
    fs.writeFileSync(editor, '#!/bin/sh\nsed -i "s/^    spec:$/    spec:\\n      hostPID: true/" "$1"\n', { mode: 0o755 });
    const edited = await runCli('edit deployment made', { ...w, env: { KUBE_EDITOR: editor } });
    expect(edited).toMatchObject({ code: 3, stdout: '' });
    expect(edited.stderr).toMatch(/^Warning: \/.*kctl-edit-[0-9a-f]+\.yaml:\d+:\d+: spec\.template\.spec\.hostPID is ignored by kctl \(one Docker host\)\n/);
    expect(edited.stderr.split('\n').slice(1).join('\n')).toBe(`error: deployments.apps "made" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostPID=true)\n${HINT}`);
    // The editor's copy is removed when the save is refused.
    expect(fs.existsSync(edited.stderr.slice('Warning: '.length, edited.stderr.indexOf('.yaml:') + '.yaml'.length))).toBe(false);
  });
});

describe('pods made from the state', () => {
  test('a Deployment edited into the state by hand: its ReplicaSet is refused every pod (FailedCreate, ReplicaFailure)', async () => {
    const w = world();
    w.write('web.yaml', deployment('web'));
    expect((await w.kctl('apply -f web.yaml --wait=false')).code).toBe(0);
    await new Store(w.statePath).update((state) => {
      const dep = state.get('Deployment', 'default', 'web')!;
      dep.spec.template.spec.containers[0].securityContext = { privileged: true };
      dep.metadata.generation = 2;
      state.put(dep);
      for (const pod of state.list('Pod', 'default')) state.remove('Pod', 'default', pod.metadata.name);
    });
    await w.passAt(1000);
    const state = new Store(w.statePath).read();
    const rs = state.list('ReplicaSet', 'default').find((r) => r.spec.template.spec.containers[0].securityContext);
    expect(state.list('Pod', 'default').filter((p) => p.metadata.ownerReferences[0].name === rs!.metadata.name)).toEqual([]);
    const denial = new RegExp(`^pods "${rs!.metadata.name}-[a-z0-9]{5}" is forbidden: violates PodSecurity "baseline:latest": privileged \\(container "web" must not set securityContext.privileged=true\\)$`);
    expect(rs!.status.conditions).toEqual([expect.objectContaining({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: expect.stringMatching(denial) })]);
    const events = state.eventsFor(rs!).filter((e) => e.reason === 'FailedCreate');
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.message.replace(/^Error creating: /, '')).toMatch(denial);
  });
});
