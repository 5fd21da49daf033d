/**
 * The DaemonSet kind on the fake runtime: apply refused in the API server's words, one pod on the one node
 * with the template's controller-revision-hash, the status counts, rolling updates with maxSurge 0 (the old pod
 * goes first) and 1 (the new pod first), OnDelete, get/describe in kubectl's layout, and the rollout verbs it
 * has (status, restart, history and undo over ControllerRevisions).
 */
import { Store } from '../../src/store/store';
import { clockedCliEnv, fakeCliEnv, runCli, type ClockedCliEnv } from '../helpers/cli';

const ds = (opts: { image?: string; strategy?: string; extra?: string } = {}) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
${opts.strategy ?? ''}${opts.extra ?? ''}  template:
    metadata:
      labels: {app: agent}
    spec:
      terminationGracePeriodSeconds: 0
      containers:
      - name: agent
        image: ${opts.image ?? 'kctl-test/busybox:latest'}
        imagePullPolicy: IfNotPresent
        command: [sleep, '100000']
`;

const state = (env: ClockedCliEnv) => new Store(env.statePath).read();
/** The DaemonSet's pods, sorted: image, phase, and whether being deleted. */
const pods = (env: ClockedCliEnv) => state(env).list('Pod').map((p) => `${p.spec.containers[0].image} ${p.status?.phase}${p.metadata.deletionTimestamp ? ' (deleted)' : ''}`).sort();
const status = (env: ClockedCliEnv) => {
  const s = state(env).get('DaemonSet', 'default', 'agent')!.status;
  return `desired ${s.desiredNumberScheduled} current ${s.currentNumberScheduled} ready ${s.numberReady} updated ${s.updatedNumberScheduled} available ${s.numberAvailable}`;
};

async function applied(yaml: string): Promise<ClockedCliEnv> {
  const env = clockedCliEnv({ 'ds.yaml': yaml });
  env.setTime(0);
  expect(await runCli('apply -f ds.yaml --wait=false', env)).toMatchObject({ code: 0, stdout: 'daemonset.apps/agent created\n', stderr: '' });
  return env;
}

describe('kctl apply of a DaemonSet', () => {
  test('refused as the API server refuses it', async () => {
    const env = fakeCliEnv({
      'labels.yaml': ds().replace('matchLabels: {app: agent}', 'matchLabels: {app: other}'),
      'policy.yaml': ds().replace('terminationGracePeriodSeconds: 0', 'restartPolicy: OnFailure'),
      'strategy.yaml': ds({ strategy: '  updateStrategy:\n    rollingUpdate: {maxUnavailable: 0}\n' }),
      'type.yaml': ds({ strategy: '  updateStrategy:\n    type: Recreate\n' }),
    });
    expect(await runCli('apply -f labels.yaml', env)).toEqual({ code: 3, stdout: '', stderr: 'error: labels.yaml:10:15: spec.template.metadata.labels: Invalid value: {"app":"agent"}: `selector` does not match template `labels`\n' });
    expect((await runCli('apply -f policy.yaml', env)).stderr).toBe('error: policy.yaml:12:22: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"\n');
    expect((await runCli('apply -f strategy.yaml', env)).stderr).toBe('error: strategy.yaml:9:37: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0\n');
    expect((await runCli('apply -f type.yaml', env)).stderr).toBe('error: type.yaml:9:11: spec.updateStrategy.type: Unsupported value: "Recreate": supported values: "RollingUpdate", "OnDelete"\n');
    expect((await runCli('get ds', env)).stderr).toBe('No resources found in default namespace.\n');
  });
});

describe('the daemon set controller', () => {
  test('one pod on the node with the revision hash; status counts the node; get and describe as kubectl prints them', async () => {
    const env = await applied(ds());
    expect(pods(env)).toEqual(['kctl-test/busybox:latest Running']);
    const pod = state(env).list('Pod')[0];
    expect(pod.metadata.name).toMatch(/^agent-[a-z0-9]{5}$/);
    expect(Object.keys(pod.metadata.labels!)).toEqual(['app', 'controller-revision-hash']);
    expect(status(env)).toBe('desired 1 current 1 ready 1 updated 1 available 1');
    await env.passAt(1000);
    expect(pods(env)).toHaveLength(1);
    expect((await runCli('get ds', env)).stdout).toBe('NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\nagent   1         1         1       1            1           <none>          1s\n');
    expect((await runCli('describe ds agent', env)).stdout).toMatch(
      /^Name:           agent\nNamespace:      default\nSelector:       app=agent\nNode-Selector:  <none>\nLabels:         <none>\nAnnotations:    <none>\nDesired Number of Nodes Scheduled: 1\nCurrent Number of Nodes Scheduled: 1\nNumber of Nodes Scheduled with Up-to-date Pods: 1\nNumber of Nodes Scheduled with Available Pods: 1\nNumber of Nodes Misscheduled: 0\nPods Status:  1 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\nPod Template:\n/,
    );
    // A deleted pod comes back.
    expect((await runCli(`delete pod ${pod.metadata.name}`, env)).code).toBe(0);
    await env.passAt(2000);
    expect(pods(env)).toEqual(['kctl-test/busybox:latest Running']);
    expect(state(env).list('Pod')[0].metadata.name).not.toBe(pod.metadata.name);
  });

  test('a rolling update with maxSurge 0 deletes the old pod before the new one starts', async () => {
    const env = await applied(ds());
    env.write('ds.yaml', ds({ image: 'kctl-test/busybox:v2' }));
    expect((await runCli('apply -f ds.yaml --wait=false', env)).code).toBe(0);
    await env.passAt(1000);
    expect(pods(env).filter((p) => !p.includes('(deleted)'))).toEqual(['kctl-test/busybox:v2 Running']);
    expect(status(env)).toBe('desired 1 current 1 ready 1 updated 1 available 1');
    expect((await runCli('rollout status ds/agent', env)).stdout).toBe('daemon set "agent" successfully rolled out\n');
  });

  test('with maxSurge 1 the new pod starts beside the old one, which goes once the new one is available', async () => {
    const strategy = '  minReadySeconds: 10\n  updateStrategy:\n    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}\n';
    const env = await applied(ds({ strategy }));
    await env.passAt(11_000);
    env.write('ds.yaml', ds({ strategy, image: 'kctl-test/busybox:v2' }));
    expect((await runCli('apply -f ds.yaml --wait=false', env)).code).toBe(0);
    await env.passAt(12_000);
    expect(pods(env)).toEqual(['kctl-test/busybox:latest Running', 'kctl-test/busybox:v2 Running']);
    expect(status(env)).toBe('desired 1 current 1 ready 1 updated 1 available 1');
    // Available 10 s after Ready: then the old pod goes.
    await env.passAt(23_000);
    expect(pods(env).filter((p) => !p.includes('(deleted)'))).toEqual(['kctl-test/busybox:v2 Running']);
  });

  test('OnDelete keeps the old pod until it is deleted; rollout history and undo over its ControllerRevisions', async () => {
    const strategy = '  updateStrategy:\n    type: OnDelete\n';
    const env = await applied(ds({ strategy }));
    env.write('ds.yaml', ds({ strategy, image: 'kctl-test/busybox:v2' }));
    expect((await runCli('apply -f ds.yaml --wait=false', env)).code).toBe(0);
    await env.passAt(1000);
    expect(pods(env)).toEqual(['kctl-test/busybox:latest Running']);
    expect(status(env)).toBe('desired 1 current 1 ready 1 updated 0 available 1');
    expect(await runCli('rollout status ds/agent', env)).toEqual({ code: 1, stdout: '', stderr: 'error: rollout status is only available for RollingUpdate strategy type\n' });
    await runCli(`delete pod ${state(env).list('Pod')[0].metadata.name}`, env);
    await env.passAt(2000);
    expect(pods(env)).toEqual(['kctl-test/busybox:v2 Running']);
    // Each template is a ControllerRevision, named after the hash the pods carry.
    const hashes = state(env).list('ControllerRevision').map((r) => r.metadata.name);
    expect(hashes).toEqual([expect.stringMatching(/^agent-/), expect.stringMatching(/^agent-/)]);
    expect(hashes).toContain(`agent-${state(env).list('Pod')[0].metadata.labels!['controller-revision-hash']}`);
    expect((await runCli('rollout history ds/agent', env)).stdout).toBe('daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect((await runCli('rollout undo ds/agent --wait=false', env)).stdout).toBe('daemonset.apps/agent rolled back\n');
    expect(state(env).get('DaemonSet', 'default', 'agent')!.spec.template.spec.containers[0].image).toBe('kctl-test/busybox:latest');
    expect((await runCli('rollout history ds/agent', env)).stdout).toBe('daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(await runCli('delete ds agent', env)).toMatchObject({ code: 0, stdout: 'daemonset.apps "agent" deleted\n' });
    expect(state(env).list('Pod')).toEqual([]);
    expect(state(env).list('ControllerRevision')).toEqual([]);
  });
});
