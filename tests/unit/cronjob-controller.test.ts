/**
 * The cronjob controller on the fake runtime, pass by pass on a clock the test moves: a Job per scheduled
 * minute named after it, status.active and lastScheduleTime, missed times caught up with one Job (or skipped
 * past startingDeadlineSeconds), concurrencyPolicy Forbid and Replace, suspend, the history limits, and
 * deletion cascading to the Jobs.
 */
import { Store } from '../../src/store/store';
import { clockedCliEnv, runCli, T0, type ClockedCliEnv } from '../helpers/cli';

const MIN = 60_000;

const cronJob = (spec: string, command = 'echo done') => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick
spec:
  schedule: "*/5 * * * *"
  timeZone: Etc/UTC
${spec}  jobTemplate:
    metadata:
      labels: {app: tick}
    spec:
      template:
        spec:
          restartPolicy: Never
          terminationGracePeriodSeconds: 0
          containers:
          - name: tick
            image: kctl-test/busybox:latest
            imagePullPolicy: IfNotPresent
            command: [sh, -c, '${command}']
`;

async function applied(yaml: string): Promise<ClockedCliEnv> {
  const env = clockedCliEnv({ 'cj.yaml': yaml });
  env.setTime(0);
  expect(await runCli('apply -f cj.yaml', env)).toMatchObject({ code: 0, stdout: 'cronjob.batch/tick created\n', stderr: '' });
  return env;
}

const state = (env: ClockedCliEnv) => new Store(env.statePath).read();
const cj = (env: ClockedCliEnv) => state(env).get('CronJob', 'default', 'tick')!;
/** A Job's name as minutes after T0: tick-<minutes since 1970> -> tick+5m. */
const short = (text: string) => text.replace(/tick-(\d+)/g, (_, n) => `tick+${Number(n) - T0 / MIN}m`);
/** Jobs with the conditions that are True (or running). */
const jobs = (env: ClockedCliEnv) =>
  state(env)
    .list('Job')
    .map((j) => `${short(j.metadata.name)} ${(j.status?.conditions ?? []).filter((c: any) => c.status === 'True').map((c: any) => c.type).join(',') || 'running'}`);
const jobNames = (env: ClockedCliEnv) => jobs(env).map((j) => j.split(' ')[0]);
const events = (env: ClockedCliEnv) => state(env).data.events.filter((e) => e.involvedObject.kind === 'CronJob').map((e) => `${e.type} ${e.reason} ${short(e.message)}${e.count > 1 ? ` x${e.count}` : ''}`);

describe('the cronjob controller', () => {
  test('one Job per scheduled time, named after its minute, owned by the CronJob; status says what ran', async () => {
    const env = await applied(cronJob(''));
    await env.passAt(4 * MIN);
    expect(jobs(env)).toEqual([]);
    await env.passAt(5 * MIN + 30_000);
    const job = state(env).get('Job', 'default', `tick-${T0 / MIN + 5}`)!;
    expect(job.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'tick', uid: cj(env).metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(job.metadata.labels).toEqual({ app: 'tick' });
    expect(job.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-01T00:05:00Z' });
    expect(job.spec.backoffLimit).toBe(6);
    expect(cj(env).status.lastScheduleTime).toBe('2026-01-01T00:05:00Z');
    // Another pass in the same minute makes no second Job; the finished one leaves status.active.
    await env.passAt(5 * MIN + 45_000);
    expect(jobs(env)).toEqual(['tick+5m SuccessCriteriaMet,Complete']);
    expect(cj(env).status.active).toBeUndefined();
    expect(cj(env).status.lastSuccessfulTime).toBeDefined();
    expect(events(env)).toEqual(['Normal SuccessfulCreate Created job tick+5m', 'Normal SawCompletedJob Saw completed job: tick+5m, condition: Complete']);
    const out = await runCli('get cronjobs', env);
    expect(out.stdout).toBe('NAME   SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\ntick   */5 * * * *   Etc/UTC    False     0        45s             5m45s\n');
  });

  test('after a gap (no controller ran) one Job for the latest missed time; past startingDeadlineSeconds none', async () => {
    const env = await applied(cronJob(''));
    await env.passAt(23 * MIN);
    expect(jobNames(env)).toEqual(['tick+20m']);
    const late = await applied(cronJob('  startingDeadlineSeconds: 60\n'));
    await late.passAt(23 * MIN);
    expect(jobs(late)).toEqual([]);
    await late.passAt(25 * MIN + 59_000);
    expect(jobNames(late)).toEqual(['tick+25m']);
  });

  test('Forbid skips a time while the previous Job runs; Replace deletes it and starts the new one', async () => {
    const forbid = await applied(cronJob('  concurrencyPolicy: Forbid\n', 'sleep 100000'));
    await forbid.passAt(5 * MIN);
    await forbid.passAt(10 * MIN);
    await forbid.passAt(10 * MIN + 10_000);
    expect(jobs(forbid)).toEqual(['tick+5m running']);
    expect(events(forbid)).toContain('Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid');
    expect(events(forbid).filter((e) => e.includes('JobAlreadyActive'))).toHaveLength(1);

    const replace = await applied(cronJob('  concurrencyPolicy: Replace\n', 'sleep 100000'));
    await replace.passAt(5 * MIN);
    await replace.passAt(10 * MIN);
    expect(jobs(replace)).toEqual(['tick+10m running']);
    expect(cj(replace).status.active.map((r: any) => short(r.name))).toEqual(['tick+10m']);
    expect(events(replace)).toContain('Normal SuccessfulDelete Deleted job tick+5m');
  });

  test('history limits keep the newest finished Jobs; suspend makes none; delete takes the Jobs and their pods', async () => {
    const env = await applied(cronJob('  successfulJobsHistoryLimit: 1\n'));
    for (const m of [5, 10, 15]) {
      await env.passAt(m * MIN);
      await env.passAt(m * MIN + 30_000);
    }
    expect(jobNames(env)).toEqual(['tick+15m']);
    expect(events(env)).toContain('Normal SuccessfulDelete Deleted job tick+5m');
    expect(await runCli(['patch', 'cronjob', 'tick', '-p', '{"spec":{"suspend":true}}'], env)).toMatchObject({ code: 0 });
    await env.passAt(20 * MIN);
    expect(jobs(env)).toHaveLength(1);
    expect((await runCli('get cj tick -o jsonpath={.spec.suspend}', env)).stdout).toBe('true');
    expect(await runCli('delete cronjob tick', env)).toMatchObject({ code: 0, stdout: 'cronjob.batch "tick" deleted\n' });
    expect(state(env).list('Job')).toEqual([]);
    expect(state(env).list('Pod')).toEqual([]);
  });
});
