/**
 * Draining before a served pod is stopped (service/drain.ts): the wait for proxies to notice, the wait for
 * their open connections (announced in the pod's annotation by live processes), bounded by the grace period,
 * and on the fake runtime: the containers of a deleted Ready endpoint keep running until then.
 */
import type { KObject } from '../../src/api/types';
import { DRAINING_BY, PROPAGATION_MS, drainRemainingMs, markDraining } from '../../src/kinds/service/proxy/drain';
import { LABEL } from '../../src/runtime/runtime';
import { State, emptyState } from '../../src/store/state';
import { Store } from '../../src/store/store';
import { T0, clockedCliEnv, runCli } from '../helpers/cli';

const DEAD_PID = 2 ** 22 + 1; // above Linux's pid_max: never a live process

function state(podExtra: Partial<KObject['metadata']> = {}, ready = true, grace = 30): { s: State; pod: KObject } {
  const s = new State(emptyState(), () => new Date(T0));
  s.put({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  const pod = s.put({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'default', labels: { app: 'web' }, deletionTimestamp: new Date(T0).toISOString(), ...podExtra },
    spec: { terminationGracePeriodSeconds: grace, containers: [{ name: 'web', image: 'kctl-demo/web:v1' }] },
    status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  });
  return { s, pod };
}

const at = (ms: number) => new Date(T0 + ms);

test('a deleted Ready endpoint waits for the proxies to notice, then for live processes still holding connections', () => {
  const { s, pod } = state();
  expect(drainRemainingMs(s, pod, at(0))).toBe(PROPAGATION_MS);
  expect(drainRemainingMs(s, pod, at(1500))).toBe(PROPAGATION_MS - 1500);
  expect(drainRemainingMs(s, pod, at(PROPAGATION_MS))).toBe(0);
  pod.metadata.annotations = { [DRAINING_BY]: `${DEAD_PID},${process.pid}` };
  expect(drainRemainingMs(s, pod, at(PROPAGATION_MS))).toBe(200);
  expect(drainRemainingMs(s, pod, at(29_900))).toBe(100);
  expect(drainRemainingMs(s, pod, at(30_000))).toBe(0); // the grace period bounds it
  pod.metadata.annotations = { [DRAINING_BY]: String(DEAD_PID) };
  expect(drainRemainingMs(s, pod, at(PROPAGATION_MS))).toBe(0);
});

test('no wait for a pod that was not Ready, that no Service selects, or with a grace period of 0', () => {
  expect(drainRemainingMs(state({}, false).s, state({}, false).pod, at(0))).toBe(0);
  expect(drainRemainingMs(state({}, true, 0).s, state({}, true, 0).pod, at(0))).toBe(0);
  const { s, pod } = state({ labels: { app: 'other' } });
  expect(drainRemainingMs(s, pod, at(0))).toBe(0);
  expect(drainRemainingMs(s, { ...pod, metadata: { ...pod.metadata, labels: { app: 'web' }, namespace: 'other' } }, at(0))).toBe(0);
});

test('a process marks exactly the pods being deleted it holds connections to, and unmarks them', () => {
  const { s, pod } = state();
  const alive = s.put({ ...structuredClone(pod), metadata: { ...pod.metadata, name: 'web-2', uid: 'u2', deletionTimestamp: undefined } });
  expect(markDraining(s, 10, new Set([pod.metadata.uid!, alive.metadata.uid!]))).toBe(true);
  expect(markDraining(s, 11, new Set([pod.metadata.uid!]))).toBe(true);
  expect(markDraining(s, 11, new Set([pod.metadata.uid!]))).toBe(false);
  expect(s.get('Pod', 'default', 'web-1')!.metadata.annotations).toEqual({ [DRAINING_BY]: '10,11' });
  expect(s.get('Pod', 'default', 'web-2')!.metadata.annotations).toBeUndefined();
  markDraining(s, 10, new Set());
  expect(s.get('Pod', 'default', 'web-1')!.metadata.annotations).toEqual({ [DRAINING_BY]: '11' });
  markDraining(s, 11, new Set());
  expect(s.get('Pod', 'default', 'web-1')!.metadata.annotations).toBeUndefined();
});

test('the containers of a deleted endpoint keep running until the drain is over', async () => {
  const env = clockedCliEnv({
    'm.yaml': `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers: [{name: web, image: kctl-demo/web:v1}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`,
  });
  const { runtime, passAt } = env;
  const running = async () => (await runtime.listContainers({ [LABEL.pod]: 'web' })).filter((c) => c.status === 'running' && c.labels[LABEL.container] === 'web').length;
  expect((await runCli('apply -f m.yaml --wait=false', env)).code).toBe(0);
  await passAt(0);
  expect(await running()).toBe(1);
  expect((await runCli('delete pod web --wait=false', env)).code).toBe(0);
  expect(await running()).toBe(1);
  await new Store(env.statePath).update((s) => markDraining(s, process.pid, new Set([s.get('Pod', 'default', 'web')!.metadata.uid!])));
  await passAt(PROPAGATION_MS + 500);
  expect(await running()).toBe(1);
  await new Store(env.statePath).update((s) => markDraining(s, process.pid, new Set()));
  await passAt(PROPAGATION_MS + 600);
  expect(await running()).toBe(0);
  expect(new Store(env.statePath).read().get('Pod', 'default', 'web')).toBeUndefined();
});
