/**
 * The job controller on the fake runtime, pass by pass on a clock the test moves: completions and parallelism,
 * failed pods against backoffLimit with Kubernetes' back-off, activeDeadlineSeconds, suspend and resume,
 * Indexed completions, a work queue, podFailurePolicy, ttlSecondsAfterFinished; and the interim conditions
 * (SuccessCriteriaMet, FailureTarget) before Complete or Failed.
 */
import { Store } from '../../src/store/store';
import { clockedCliEnv, runCli, type ClockedCliEnv } from '../helpers/cli';

const job = (spec: string, command: string, policy = 'Never') => `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
${spec}
  template:
    spec:
      restartPolicy: ${policy}
      terminationGracePeriodSeconds: 0
      containers:
      - name: pi
        image: kctl-test/busybox:latest
        imagePullPolicy: IfNotPresent
        command: [sh, -c, '${command}']
`;

async function applied(yaml: string): Promise<ClockedCliEnv> {
  const env = clockedCliEnv({ 'job.yaml': yaml });
  env.setTime(0);
  expect(await runCli('apply -f job.yaml --wait=false', env)).toMatchObject({ code: 0, stdout: 'job.batch/pi created\n' });
  return env;
}

const state = (env: ClockedCliEnv) => new Store(env.statePath).read();
const jobOf = (env: ClockedCliEnv) => state(env).get('Job', 'default', 'pi')!;
const pods = (env: ClockedCliEnv) => state(env).list('Pod');
const phases = (env: ClockedCliEnv) => pods(env).map((p) => `${p.status?.phase}${p.metadata.deletionTimestamp ? ' (deleted)' : ''}`);
const conditions = (env: ClockedCliEnv) => (jobOf(env).status?.conditions ?? []).map((c: any) => `${c.type}=${c.status} ${c.reason ?? ''}`.trim());
const counts = (env: ClockedCliEnv) => {
  const s = jobOf(env).status ?? {};
  return `active ${s.active ?? 0} ready ${s.ready} succeeded ${s.succeeded ?? 0} failed ${s.failed ?? 0} terminating ${s.terminating}`;
};
const events = (env: ClockedCliEnv) => state(env).data.events.filter((e) => e.involvedObject.kind === 'Job').map((e) => `${e.type} ${e.reason} ${e.message.replace(/pi-[a-z0-9]{5}$/, 'pi-*')}`);

describe('the job controller', () => {
  test('runs parallelism pods at a time until completions succeeded; counts each once; SuccessCriteriaMet then Complete', async () => {
    // One pass: two pods run and succeed, are counted (their tracking finalizer goes), and the third is made.
    const env = await applied(job('  completions: 3\n  parallelism: 2', 'echo done'));
    expect(counts(env)).toBe('active 1 ready 0 succeeded 2 failed 0 terminating 0');
    expect(pods(env).filter((p) => p.metadata.finalizers?.includes('batch.kubernetes.io/job-tracking')).map((p) => p.status.phase)).toEqual(['Pending']);
    expect(conditions(env)).toEqual([]);
    await env.passAt(2000);
    expect(counts(env)).toBe('active 0 ready 0 succeeded 3 failed 0 terminating 0');
    expect(conditions(env)).toEqual(['SuccessCriteriaMet=True CompletionsReached', 'Complete=True CompletionsReached']);
    expect(jobOf(env).status).toMatchObject({ startTime: '2026-01-01T00:00:00Z', completionTime: '2026-01-01T00:00:02Z' });
    expect(phases(env)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
    expect(events(env)).toEqual(['Normal SuccessfulCreate Created pod: pi-*', 'Normal SuccessfulCreate Created pod: pi-*', 'Normal SuccessfulCreate Created pod: pi-*', 'Normal Completed Job completed']);
    await env.passAt(3000);
    expect(pods(env)).toHaveLength(3);
  });

  test('failed pods are replaced after 10s, then 20s, ...; past backoffLimit: FailureTarget, then Failed BackoffLimitExceeded', async () => {
    const env = await applied(job('  backoffLimit: 2', 'exit 1'));
    expect(counts(env)).toBe('active 0 ready 0 succeeded 0 failed 1 terminating 0');
    await env.passAt(9_999);
    expect(pods(env)).toHaveLength(1);
    await env.passAt(10_000);
    expect(pods(env)).toHaveLength(2);
    expect(jobOf(env).status.failed).toBe(2);
    await env.passAt(29_999);
    expect(pods(env)).toHaveLength(2);
    await env.passAt(30_000);
    expect(pods(env)).toHaveLength(3);
    expect(counts(env)).toBe('active 0 ready 0 succeeded 0 failed 3 terminating 0');
    expect(conditions(env)).toEqual(['FailureTarget=True BackoffLimitExceeded', 'Failed=True BackoffLimitExceeded']);
    expect(jobOf(env).status.completionTime).toBeUndefined();
    expect(events(env).slice(-1)).toEqual(['Warning BackoffLimitExceeded Job has reached the specified backoff limit']);
    expect(phases(env)).toEqual(['Failed', 'Failed', 'Failed']);
  });

  test('with restartPolicy OnFailure the container restarts count against backoffLimit', async () => {
    const env = await applied(job('  backoffLimit: 1', 'exit 1', 'OnFailure'));
    await env.passAt(1000);
    // The first restart comes at once: past the limit, the pod is deleted and counted as failed.
    expect(conditions(env)).toEqual(['FailureTarget=True BackoffLimitExceeded']);
    expect(counts(env)).toBe('active 0 ready 0 succeeded 0 failed 1 terminating 1');
    expect(phases(env)).toEqual(['Running (deleted)']);
    await env.passAt(2000);
    expect(conditions(env)).toEqual(['FailureTarget=True BackoffLimitExceeded', 'Failed=True BackoffLimitExceeded']);
    expect(counts(env)).toBe('active 0 ready 0 succeeded 0 failed 1 terminating 0');
  });

  test('activeDeadlineSeconds: the running pods are stopped, and the Job fails with DeadlineExceeded once they are gone', async () => {
    const env = await applied(job('  activeDeadlineSeconds: 30\n  parallelism: 2\n  completions: 4', 'sleep 1000'));
    await env.passAt(29_000);
    expect(counts(env)).toBe('active 2 ready 2 succeeded 0 failed 0 terminating 0');
    await env.passAt(30_000);
    expect(conditions(env)[0]).toBe('FailureTarget=True DeadlineExceeded');
    await env.passAt(31_000);
    await env.passAt(32_000);
    expect(conditions(env)).toEqual(['FailureTarget=True DeadlineExceeded', 'Failed=True DeadlineExceeded']);
    expect(counts(env)).toBe('active 0 ready 0 succeeded 0 failed 2 terminating 0');
    expect(pods(env)).toHaveLength(0);
    expect(events(env).slice(-1)).toEqual(['Warning DeadlineExceeded Job was active longer than specified deadline']);
  });

  test('suspend: no pods and condition Suspended; resumed: pods, Suspended False, startTime now; suspending again stops them uncounted', async () => {
    const env = await applied(job('  suspend: true', 'sleep 1000'));
    expect(pods(env)).toHaveLength(0);
    expect(conditions(env)).toEqual(['Suspended=True JobSuspended']);
    expect(jobOf(env).status.startTime).toBeUndefined();
    env.setTime(5000);
    expect(await runCli(['patch', 'job', 'pi', '-p', '{"spec":{"suspend":false}}'], env)).toMatchObject({ code: 0, stdout: 'job.batch/pi patched\n' });
    await env.passAt(6000);
    expect(conditions(env)).toEqual(['Suspended=False JobResumed']);
    expect(jobOf(env).status.startTime).toBe('2026-01-01T00:00:05Z');
    expect(phases(env)).toEqual(['Running']);
    env.setTime(7000);
    await runCli(['patch', 'job', 'pi', '-p', '{"spec":{"suspend":true}}'], env);
    await env.passAt(8000);
    expect(conditions(env)).toEqual(['Suspended=True JobSuspended']);
    expect(counts(env)).toBe('active 0 ready 0 succeeded 0 failed 0 terminating 0');
    expect(events(env).filter((e) => !e.includes('SuccessfulCreate'))).toEqual(['Normal Suspended Job suspended', 'Normal Resumed Job resumed', 'Normal SuccessfulDelete Deleted pod: pi-*', 'Normal Suspended Job suspended']);
  });

  test('Indexed: one pod per index named <job>-<index>-<random>, told its index; completedIndexes', async () => {
    const env = await applied(job('  completions: 3\n  parallelism: 2\n  completionMode: Indexed', 'echo done'));
    const [first] = pods(env);
    expect(first.metadata.name).toMatch(/^pi-0-[a-z0-9]{5}$/);
    expect(first.metadata.annotations).toEqual({ 'batch.kubernetes.io/job-completion-index': '0' });
    expect(first.metadata.labels!['batch.kubernetes.io/job-completion-index']).toBe('0');
    expect(first.spec.hostname).toBe('pi-0');
    expect(first.spec.containers[0].env).toEqual([{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } }]);
    expect(jobOf(env).status.completedIndexes).toBe('0-1');
    expect(pods(env).map((p) => p.metadata.name.split('-')[1])).toEqual(['0', '1', '2']);
    await env.passAt(1000);
    expect(jobOf(env).status).toMatchObject({ completedIndexes: '0-2', succeeded: 3 });
    expect(conditions(env)).toEqual(['SuccessCriteriaMet=True CompletionsReached', 'Complete=True CompletionsReached']);
  });

  test('a work queue (parallelism, no completions): complete once a pod succeeded and the others have ended', async () => {
    const env = await applied(job('  parallelism: 2', 'echo done'));
    expect(jobOf(env).spec.completions).toBeUndefined();
    expect(counts(env)).toBe('active 0 ready 0 succeeded 2 failed 0 terminating 0');
    expect(conditions(env)).toEqual(['SuccessCriteriaMet=True CompletionsReached', 'Complete=True CompletionsReached']);
  });

  test('podFailurePolicy: Ignore does not count a failure, FailJob fails the Job with the rule in the message', async () => {
    const policy = '  backoffLimit: 0\n  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onExitCodes: {operator: In, values: [3]}\n    - action: FailJob\n      onExitCodes: {containerName: pi, operator: NotIn, values: [3]}';
    const ignored = await applied(job(policy, 'exit 3'));
    expect(counts(ignored)).toBe('active 0 ready 0 succeeded 0 failed 0 terminating 0');
    await ignored.passAt(10_000);
    expect(pods(ignored)).toHaveLength(2);
    const failing = await applied(job(policy, 'exit 42'));
    const name = pods(failing)[0].metadata.name;
    expect(jobOf(failing).status.conditions.map((c: any) => c.message)).toEqual([
      `Container pi for pod default/${name} failed with exit code 42 matching FailJob rule at index 1`,
      `Container pi for pod default/${name} failed with exit code 42 matching FailJob rule at index 1`,
    ]);
    expect(conditions(failing)).toEqual(['FailureTarget=True PodFailurePolicy', 'Failed=True PodFailurePolicy']);
    expect(jobOf(failing).spec.podReplacementPolicy).toBe('Failed');
  });

  test('ttlSecondsAfterFinished: the Job and its pods are deleted that long after it finished', async () => {
    const env = await applied(job('  ttlSecondsAfterFinished: 30', 'echo done'));
    expect(conditions(env)).toContain('Complete=True CompletionsReached');
    await env.passAt(29_999);
    expect(pods(env)).toHaveLength(1);
    await env.passAt(30_000);
    await env.passAt(31_000);
    expect(state(env).list('Job')).toHaveLength(0);
    expect(pods(env)).toHaveLength(0);
  });
});
