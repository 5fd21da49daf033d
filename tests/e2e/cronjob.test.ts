/**
 * CronJobs on real Docker: with the controller running, the schedule makes a Job whose pod runs in a container
 * and completes, the CronJob records it; a manual run (create job --from) runs the same template now; deleting
 * the CronJob removes its Jobs and their containers. The schedule is every minute: the wait is bounded by the
 * next minute plus the pod's run.
 */
import { Kctl, eventually } from './harness';

jest.setTimeout(180_000);

const manifest = `apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          terminationGracePeriodSeconds: 1
          containers:
            - name: hello
              image: kctl-test/busybox:latest
              imagePullPolicy: IfNotPresent
              command: [sh, -c, 'echo Hello from the CronJob']
`;

describe('cronjobs on real Docker', () => {
  const k = new Kctl();
  afterAll(async () => {
    await k.run(['controller', 'stop', '--timeout', '20s']);
    await k.cleanup();
  });

  test('the schedule makes a Job that runs to completion; a manual run does too; delete takes them all', async () => {
    expect(await k.run(['apply', '-f', k.write('cj.yaml', manifest)])).toMatchObject({ code: 0, stdout: 'cronjob.batch/hello created\n', stderr: '' });
    expect((await k.run(['controller', 'start'])).code).toBe(0);
    const scheduled = await eventually(async () => {
      const out = await k.run(['get', 'jobs', '-o', 'json']);
      const done = JSON.parse(out.stdout).items.find((j: any) => j.status?.succeeded === 1);
      return done?.metadata.name as string | undefined;
    }, 450, 200);
    expect(scheduled).toMatch(/^hello-\d{8}$/);
    expect((await k.run(['logs', `job/${scheduled}`])).stdout).toBe('Hello from the CronJob\n');
    const status = JSON.parse((await k.run(['get', 'cronjob', 'hello', '-o', 'json'])).stdout).status;
    expect(status.lastScheduleTime).toBeDefined();
    expect(await eventually(async () => JSON.parse((await k.run(['get', 'cronjob', 'hello', '-o', 'json'])).stdout).status.lastSuccessfulTime, 50, 200)).toBeDefined();

    expect((await k.run(['create', 'job', 'manual', '--from=cronjob/hello'])).stdout).toBe('job.batch/manual created\n');
    expect((await k.run(['wait', '--for=condition=complete', 'job/manual', '--timeout=60s'])).code).toBe(0);
    expect((await k.run(['logs', 'job/manual'])).stdout).toBe('Hello from the CronJob\n');

    expect((await k.run(['delete', 'cronjob', 'hello'])).code).toBe(0);
    expect(await eventually(async () => ((await k.run(['get', 'jobs'])).stderr === 'No resources found in default namespace.\n' ? true : undefined), 100, 200)).toBe(true);
    expect(await eventually(async () => ((await k.containers()).length === 0 ? true : undefined), 100, 200)).toBe(true);
  });
});
