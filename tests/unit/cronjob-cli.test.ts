/**
 * The CronJob kind from the command line: apply refused in the API server's words (name length, schedule,
 * TZ= in the schedule, time zone, policy, a job template with a selector or restartPolicy Always), defaults,
 * get and describe as kubectl prints them, and `create job --from=cronjob/NAME` as kubectl generates it.
 */
import { Store } from '../../src/store/store';
import { fakeCliEnv, runCli } from '../helpers/cli';

const cronJob = (name: string, spec: string, template = '') => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
${spec}  jobTemplate:
    spec:
${template}      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: hello
            image: kctl-test/busybox:latest
            command: [sh, -c, 'echo hello']
`;

describe('kctl apply of a CronJob', () => {
  test('refused as the API server refuses it, and nothing is stored', async () => {
    const env = fakeCliEnv({
      'bad.yaml': cronJob('a'.repeat(53), '  schedule: "61 * * * *"\n  timeZone: Mars/Base\n  concurrencyPolicy: Sometimes\n', '      selector: {matchLabels: {a: b}}\n'),
      'tz.yaml': cronJob('tz', '  schedule: "CRON_TZ=UTC 0 * * * *"\n'),
      'fields.yaml': cronJob('fields', '  schedule: "* * * *"\n  timeZone: Local\n'),
      'always.yaml': cronJob('always', '  schedule: "@daily"\n').replace('restartPolicy: OnFailure', 'restartPolicy: Always'),
      'missing.yaml': cronJob('missing', ''),
    });
    expect(await runCli('apply -f bad.yaml', env)).toEqual({
      code: 3,
      stdout: '',
      stderr: [
        `error: bad.yaml:4:9: metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`,
        'error: bad.yaml:6:13: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
        'error: bad.yaml:7:13: spec.timeZone: Invalid value: "Mars/Base": unknown time zone Mars/Base',
        'error: bad.yaml:8:22: spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
        'error: bad.yaml:11:17: spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` will be auto-generated',
        '',
      ].join('\n'),
    });
    expect((await runCli('apply -f tz.yaml', env)).stderr).toBe('error: tz.yaml:6:13: spec.schedule: Invalid value: "CRON_TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead\n');
    expect((await runCli('apply -f fields.yaml', env)).stderr).toBe(
      'error: fields.yaml:6:13: spec.schedule: Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]\n' +
        'error: fields.yaml:7:13: spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones\n',
    );
    expect((await runCli('apply -f always.yaml', env)).stderr).toBe('error: always.yaml:11:26: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n');
    expect((await runCli('apply -f missing.yaml', env)).stderr).toBe('error: missing.yaml:5:1: spec.schedule: Required value\n');
    expect((await runCli('get cronjobs', env)).stderr).toBe('No resources found in default namespace.\n');
  });

  test("the API server's defaults; get, get -o wide and describe in kubectl's layout", async () => {
    const env = fakeCliEnv({ 'cj.yaml': cronJob('hello', '  schedule: "*/5 * * * *"\n  startingDeadlineSeconds: 30\n') });
    expect(await runCli('apply -f cj.yaml', env)).toEqual({ code: 0, stdout: 'cronjob.batch/hello created\n', stderr: '' });
    const spec = (await runCli(['get', 'cj', 'hello', '-o', 'jsonpath={.spec.concurrencyPolicy} {.spec.suspend} {.spec.successfulJobsHistoryLimit} {.spec.failedJobsHistoryLimit} {.spec.jobTemplate.spec.template.spec.dnsPolicy}'], env)).stdout;
    expect(spec).toBe('Allow false 3 1 ClusterFirst');
    expect((await runCli('get cronjob.batch -o name', env)).stdout).toBe('cronjob.batch/hello\n');
    expect((await runCli('get cj -o wide', env)).stdout).toMatch(/^NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE   CONTAINERS   IMAGES                     SELECTOR\nhello   \*\/5 \* \* \* \*   <none>     False     0        <none>          \d+s  +hello        kctl-test\/busybox:latest   <none>\n$/);
    const describe = (await runCli('describe cronjob hello', env)).stdout;
    expect(describe).toMatch(/^Name:                          hello\nNamespace:                     default\nLabels:                        <none>\nAnnotations:                   <none>\nSchedule:                      \*\/5 \* \* \* \*\nConcurrency Policy:            Allow\nSuspend:                       False\nSuccessful Job History Limit:  3\nFailed Job History Limit:      1\nStarting Deadline Seconds:     30s\nSelector:                      <unset>\nParallelism:                   <unset>\nCompletions:                   <unset>\nPod Template:\n/);
    // Go's tabwriter aligns these with the pod template's last lines, as kubectl prints them.
    expect(describe).toMatch(/\n  Volumes:           <none>\n  Node-Selectors:    <none>\n  Tolerations:       <none>\nLast Schedule Time:  <unset>\nActive Jobs:         <none>\nEvents:              <none>\n$/);
    expect((await runCli('apply -f cj.yaml', env)).stdout).toBe('cronjob.batch/hello unchanged\n');
  });
});

describe('kctl create job --from=cronjob/NAME', () => {
  test("runs the job template now, annotated as a manual run and controlled by the CronJob; errors in kubectl's words", async () => {
    const env = fakeCliEnv({ 'cj.yaml': cronJob('hello', '  schedule: "@hourly"\n') });
    await runCli('apply -f cj.yaml', env);
    const dry = await runCli('create job once --from=cronjob/hello --dry-run=client -o json', env);
    const uid = new Store(env.statePath).read().get('CronJob', 'default', 'hello')!.metadata.uid;
    expect(JSON.parse(dry.stdout).metadata).toEqual({
      name: 'once',
      creationTimestamp: null,
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid, controller: true }],
    });
    expect(await runCli('create job once --from=cronjob/hello', env)).toEqual({ code: 0, stdout: 'job.batch/once created\n', stderr: '' });
    expect(await runCli('wait --for=condition=complete job/once', env)).toMatchObject({ code: 0 });
    expect((await runCli('logs job/once', env)).stdout).toBe('hello\n');
    expect(await runCli('create job x --from=cronjob/nope', env)).toEqual({ code: 4, stdout: '', stderr: 'error: cronjobs.batch "nope" not found\n' });
    expect(await runCli('create job x --from=deployment/web', env)).toEqual({ code: 2, stdout: '', stderr: 'error: from must be an existing cronjob: deployment/web\n' });
    // The CronJob takes its Jobs with it.
    await runCli('delete cronjob hello', env);
    expect((await runCli('get jobs', env)).stderr).toBe('No resources found in default namespace.\n');
  });
});

describe('kctl create cronjob', () => {
  test('prints what kubectl generates (v1.32: yaml.v2 quoting), creates it, and needs --image and --schedule', async () => {
    const env = fakeCliEnv();
    // kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *" --dry-run=client -o yaml -- sh -c 'echo hi: there'
    const kubectl = `apiVersion: batch/v1
kind: CronJob
metadata:
  creationTimestamp: null
  name: my-job
spec:
  jobTemplate:
    metadata:
      creationTimestamp: null
      name: my-job
    spec:
      template:
        metadata:
          creationTimestamp: null
        spec:
          containers:
          - command:
            - sh
            - -c
            - 'echo hi: there'
            image: busybox
            name: my-job
            resources: {}
          restartPolicy: OnFailure
  schedule: '*/1 * * * *'
status: {}
`;
    expect(await runCli(['create', 'cronjob', 'my-job', '--image=busybox', '--schedule=*/1 * * * *', '--dry-run=client', '-o', 'yaml', '--', 'sh', '-c', 'echo hi: there'], env)).toEqual({ code: 0, stdout: kubectl, stderr: '' });
    expect(await runCli(['create', 'cj', 'tick', '--image=busybox', '--schedule=@hourly', '--restart=Never'], env)).toEqual({ code: 0, stdout: 'cronjob.batch/tick created\n', stderr: '' });
    expect((await runCli('get cj tick -o jsonpath={.spec.jobTemplate.spec.template.spec.restartPolicy}', env)).stdout).toBe('Never');
    expect(await runCli('create cronjob x', env)).toEqual({ code: 2, stdout: '', stderr: 'error: required flag(s) "image", "schedule" not set\n' });
    expect((await runCli(['create', 'cronjob', 'x', '--image=a', '--schedule=* * * * *', '--restart=Always'], env)).stderr).toBe('error: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n');
  });
});
