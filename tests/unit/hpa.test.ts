/**
 * The HorizontalPodAutoscaler: Kubernetes' replica calculator (tolerance, missing and unready pods), the
 * behavior (scale-down stabilization window, scale-up rate policies, min/max) with a fake clock, the
 * controller over the state (status, conditions, events, one evaluation per metrics sample), and
 * `kctl autoscale`.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { KObject } from '../../src/api/types';
import { emptyHistory, normalize, recordScale } from '../../src/kinds/horizontalpodautoscaler/controller/behavior';
import { MetricError, resourceReplicas, type PodSample } from '../../src/kinds/horizontalpodautoscaler/controller/replicas';
import { syncHPAs } from '../helpers/controllers';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { State, emptyState } from '../../src/store/state';
import { runCli, tempDir } from '../helpers/cli';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const pod = (name: string, usage: number | undefined, extra: Partial<PodSample> = {}): PodSample => ({ name, ignored: false, ready: true, usage, request: 100, ...extra });
const cpu50 = { type: 'Utilization', averageUtilization: 50 } as const;

describe('replica calculator', () => {
  test('desired = ceil(pods * utilization / target)', () => {
    expect(resourceReplicas('cpu', 2, [pod('a', 150), pod('b', 150)], cpu50)).toEqual({ replicas: 6, utilization: 150, averageValue: 150 });
    expect(resourceReplicas('cpu', 4, [pod('a', 10), pod('b', 20), pod('c', 30), pod('d', 20)], cpu50).replicas).toBe(2);
  });

  test('no change while the ratio is within 10% of the target', () => {
    expect(resourceReplicas('cpu', 2, [pod('a', 54), pod('b', 54)], cpu50).replicas).toBe(2);
    expect(resourceReplicas('cpu', 2, [pod('a', 45), pod('b', 45)], cpu50).replicas).toBe(2);
    expect(resourceReplicas('cpu', 2, [pod('a', 56), pod('b', 56)], cpu50).replicas).toBe(3);
  });

  test('a container without a cpu request makes the metric unavailable', () => {
    expect(() => resourceReplicas('cpu', 1, [pod('a', 50, { request: undefined, missingRequest: 'web' })], cpu50)).toThrow(new MetricError('missing request for cpu in container web of Pod a'));
  });

  test('pods without a sample count as using their request when scaling down, nothing when scaling up', () => {
    // Without the missing pod: ceil(2 * 10% / 50%) = 1. With it at 100%: 40% -> ceil(3 * 0.8) = 3, no scale-down.
    expect(resourceReplicas('cpu', 3, [pod('a', 10), pod('b', 10), pod('c', undefined)], cpu50).replicas).toBe(3);
    // Scale-up: the missing pod at 0: (200 + 200 + 0) / 300 = 133% -> ceil(3 * 2.66) = 8.
    expect(resourceReplicas('cpu', 3, [pod('a', 200), pod('b', 200), pod('c', undefined)], cpu50).replicas).toBe(8);
  });

  test('unready pods count as using nothing on a scale-up, and a flip of direction that causes is dropped', () => {
    expect(resourceReplicas('cpu', 4, [pod('a', 100), pod('b', 100), pod('c', 90, { ready: false }), pod('d', 90, { ready: false })], cpu50).replicas).toBe(4);
    expect(resourceReplicas('cpu', 4, [pod('a', 200), pod('b', 200), pod('c', 90, { ready: false }), pod('d', 90, { ready: false })], cpu50).replicas).toBe(8);
  });

  test('AverageValue targets divide the average usage by the target; ignored pods are not looked at', () => {
    expect(resourceReplicas('memory', 2, [pod('a', 300), pod('b', 100), pod('c', 900, { ignored: true })], { type: 'AverageValue', averageValue: 100 })).toEqual({ replicas: 4, averageValue: 200, utilization: undefined });
    expect(() => resourceReplicas('cpu', 1, [pod('a', 1, { ignored: true })], cpu50)).toThrow('no pods returned by selector while calculating replica count');
  });
});

describe('behavior', () => {
  const limits = (current: number, min = 1, max = 10) => ({ current, min, max });

  test('scale-up goes at most max(+4 pods, +100%) per 15 s', () => {
    const h = emptyHistory();
    const first = normalize(10, limits(1), undefined, h, at(0));
    expect(first.replicas).toBe(5);
    expect(first.limited).toEqual({ limited: true, reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' });
    recordScale(h, 1, 5, undefined, at(0));
    expect(normalize(10, limits(5), undefined, h, at(10)).replicas).toBe(5);
    expect(normalize(10, limits(5), undefined, h, at(16)).replicas).toBe(10);
  });

  test('scale-down takes the highest recommendation of the stabilization window (300 s by default)', () => {
    const h = emptyHistory();
    expect(normalize(5, limits(5), undefined, h, at(0)).replicas).toBe(5);
    const held = normalize(2, limits(5), undefined, h, at(60));
    expect(held.replicas).toBe(5);
    expect(held.stabilized).toEqual({ reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' });
    expect(normalize(2, limits(5), undefined, h, at(301)).replicas).toBe(2);
    expect(h.recommendations.map((r) => r.replicas)).toEqual([2, 2]);
  });

  test('a short window and a Pods policy from behavior; min and max bound the result', () => {
    const behavior = { scaleDown: { stabilizationWindowSeconds: 10, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } };
    const h = emptyHistory();
    normalize(6, limits(6), behavior, h, at(0));
    expect(normalize(1, limits(6), behavior, h, at(11)).replicas).toBe(5);
    recordScale(h, 6, 5, behavior, at(11));
    expect(normalize(1, limits(5), behavior, h, at(30)).replicas).toBe(5);
    const clamped = normalize(1, limits(3, 2, 10), undefined, emptyHistory(), at(0));
    expect([clamped.replicas, clamped.limited.reason]).toEqual([2, 'TooFewReplicas']);
    const capped = normalize(12, limits(8, 1, 9), undefined, emptyHistory(), at(0));
    expect([capped.replicas, capped.limited.reason]).toEqual([9, 'TooManyReplicas']);
  });
});

describe('the controller over the state', () => {
  function world(requests = "{cpu: 100m}") {
    const s = new State(emptyState(), () => at(0));
    s.put({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', generation: 1 }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } } } });
    for (const name of ['web-a', 'web-b']) {
      s.put({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: 'default', labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', resources: requests ? { requests: { cpu: '100m' } } : {} }] },
        status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
      });
    }
    s.put({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'default', generation: 1 },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 6, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
    });
    const sample = (seconds: number, cpu: number) => {
      const hpa = s.get('HorizontalPodAutoscaler', 'default', 'web')!;
      hpa.status = { ...hpa.status, kctl: { ...hpa.status?.kctl, metrics: { at: at(seconds).toISOString(), pods: { 'web-a': { cpu, memory: 1 }, 'web-b': { cpu, memory: 1 } } } } };
    };
    const hpa = () => s.get('HorizontalPodAutoscaler', 'default', 'web')! as KObject;
    const conditions = () => hpa().status.conditions.map((c: any) => `${c.type}=${c.status} ${c.reason}`);
    const events = () => s.data.events.map((e) => `${e.type} ${e.reason} ${e.message}`);
    return { s, sample, hpa, conditions, events, replicas: () => s.get('Deployment', 'default', 'web')!.spec.replicas };
  }

  test('scales the Deployment up at once and reports status, conditions and an event', () => {
    const w = world();
    w.sample(0, 100);
    syncHPAs(w.s, at(1));
    expect(w.replicas()).toBe(4);
    expect(w.hpa().status).toMatchObject({ currentReplicas: 2, desiredReplicas: 4, lastScaleTime: '2026-01-01T00:00:01Z', currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 100, averageValue: '100m' } } }] });
    expect(w.conditions()).toEqual(['AbleToScale=True SucceededRescale', 'ScalingActive=True ValidMetricFound', 'ScalingLimited=False DesiredWithinRange']);
    expect(w.events()).toEqual(['Normal SuccessfulRescale New size: 4; reason: cpu resource utilization (percentage of request) above target']);
  });

  test('one evaluation per metrics sample; scale-down waits for the stabilization window', () => {
    const w = world();
    w.sample(0, 100);
    syncHPAs(w.s, at(1));
    syncHPAs(w.s, at(2));
    expect(w.hpa().status.kctl.history.recommendations).toHaveLength(1);
    w.sample(60, 5);
    syncHPAs(w.s, at(60));
    expect(w.replicas()).toBe(4);
    expect(w.conditions()[0]).toBe('AbleToScale=True ScaleDownStabilized');
    w.sample(302, 5);
    syncHPAs(w.s, at(302));
    expect(w.replicas()).toBe(1);
    expect(w.events()[1]).toBe('Normal SuccessfulRescale New size: 1; reason: All metrics below target');
  });

  test('no cpu request, no recent metrics, no target: ScalingActive or AbleToScale False, nothing scaled', () => {
    const noRequest = world('');
    noRequest.sample(0, 100);
    syncHPAs(noRequest.s, at(1));
    expect(noRequest.replicas()).toBe(2);
    expect(noRequest.hpa().status.conditions[1]).toMatchObject({ type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: 'the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container web of Pod web-a' });

    const stale = world();
    stale.sample(0, 100);
    syncHPAs(stale.s, at(600));
    expect(stale.replicas()).toBe(2);
    expect(stale.conditions()).toEqual(['AbleToScale=True SucceededGetScale', 'ScalingActive=False FailedGetResourceMetric']);

    const orphan = world();
    orphan.s.remove('Deployment', 'default', 'web');
    syncHPAs(orphan.s, at(1));
    expect(orphan.hpa().status.conditions[0]).toMatchObject({ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: 'the HPA controller was unable to get the target\'s current scale: deployments.apps "web" not found' });
  });
});

describe('kctl autoscale', () => {
  function cli() {
    const dir = tempDir();
    const env = { statePath: path.join(dir, 'state.json'), runtime: new FakeRuntime(), cwd: dir };
    fs.writeFileSync(
      path.join(dir, 'd.yaml'),
      `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: kctl-demo/web:v1, resources: {requests: {cpu: 100m}}}]
`,
    );
    return { env, run: (line: string) => runCli(line, env) };
  }

  test('creates the HPA kubectl would, and refuses a second one', async () => {
    const c = cli();
    expect((await c.run('apply -f d.yaml --wait=false')).code).toBe(0);
    expect(await c.run('autoscale deployment/web --min 2 --max 6 --cpu-percent 50')).toEqual({ code: 0, stdout: 'horizontalpodautoscaler.autoscaling/web autoscaled\n', stderr: '' });
    const spec = JSON.parse((await c.run('get hpa web -o json')).stdout).spec;
    expect(spec).toEqual({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 6, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] });
    expect(await c.run('autoscale deployment web --max 3')).toEqual({ code: 5, stdout: '', stderr: 'error: horizontalpodautoscalers.autoscaling "web" already exists\n' });
  });

  test('--max is required and not below --min; the target must exist', async () => {
    const c = cli();
    expect((await c.run('apply -f d.yaml --wait=false')).code).toBe(0);
    expect((await c.run('autoscale deployment/web')).stderr).toBe('error: --max=MAXPODS is required and must be at least 1, max: 0\n');
    expect((await c.run('autoscale deployment/web --min 3 --max 2')).stderr).toBe('error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 3\n');
    expect(await c.run('autoscale deployment/nope --max 2')).toEqual({ code: 4, stdout: '', stderr: 'error: deployments.apps "nope" not found\n' });
  });
});
