/**
 * The Job kind from the command line: apply (validation in the API server's words, defaults, generated selector
 * and labels, re-apply unchanged), get and describe as kubectl prints them, wait for complete and failed,
 * logs job/NAME, delete cascading to the pods, and create job as kubectl generates it.
 */
import { rfc1123z } from '../../src/printers/describe/common';
import { Store } from '../../src/store/store';
import { clockedCliEnv, fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';

const job = (spec: string, command = 'echo done', policy = '      restartPolicy: Never\n') => `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
${spec}  template:
    spec:
${policy}      containers:
      - name: pi
        image: kctl-test/busybox:latest
        command: [sh, -c, '${command}']
`;

const uidOf = (env: FakeCliEnv) => new Store(env.statePath).read().get('Job', 'default', 'pi')!.metadata.uid!;

describe('kctl apply of a Job', () => {
  test('refused as the API server refuses it: restartPolicy, a selector it did not generate, a manual one missing', async () => {
    const env = fakeCliEnv({
      'unset.yaml': job('', 'echo', ''),
      'always.yaml': job('', 'echo', '      restartPolicy: Always\n'),
      'selector.yaml': job('  selector:\n    matchLabels: {app: pi}\n'),
      'manual.yaml': job('  manualSelector: true\n'),
      'mode.yaml': job('  completionMode: Sometimes\n'),
    });
    expect(await runCli('apply -f unset.yaml', env)).toEqual({ code: 3, stdout: '', stderr: 'error: unset.yaml:7:5: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n' });
    expect((await runCli('apply -f always.yaml', env)).stderr).toBe('error: always.yaml:8:22: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n');
    expect((await runCli('apply -f selector.yaml', env)).stderr).toBe('error: selector.yaml:7:5: spec.selector: Invalid value: {"matchLabels":{"app":"pi"}}: `selector` not auto-generated\n');
    expect((await runCli('apply -f manual.yaml', env)).stderr).toBe('error: manual.yaml:5:1: spec.selector: Required value\n');
    expect((await runCli('apply -f mode.yaml', env)).stderr).toBe('error: mode.yaml:6:19: spec.completionMode: Unsupported value: "Sometimes": supported values: "NonIndexed", "Indexed"\n');
    expect((await runCli('get jobs', env)).stderr).toBe('No resources found in default namespace.\n');
  });

  test("the API server's defaults, the selector and labels generated from the uid; pods owned by the Job; re-applied unchanged", async () => {
    const env = fakeCliEnv({ 'job.yaml': job('') });
    expect(await runCli('apply -f job.yaml', env)).toEqual({ code: 0, stdout: 'job.batch/pi created\n', stderr: '' });
    const uid = uidOf(env);
    const spec = await runCli(['get', 'job', 'pi', '-o', 'jsonpath={.spec.completions} {.spec.parallelism} {.spec.backoffLimit} {.spec.completionMode} {.spec.suspend} {.spec.manualSelector} {.spec.podReplacementPolicy} {.spec.selector} {.spec.template.metadata.labels}'], env);
    const labels = `{"batch.kubernetes.io/controller-uid":"${uid}","batch.kubernetes.io/job-name":"pi","controller-uid":"${uid}","job-name":"pi"}`;
    expect(spec.stdout).toBe(`1 1 6 NonIndexed false false TerminatingOrFailed {"matchLabels":{"batch.kubernetes.io/controller-uid":"${uid}"}} ${labels}`);
    expect((await runCli('get job pi -o jsonpath={.metadata.labels}', env)).stdout).toBe(labels);
    const pod = new Store(env.statePath).read().list('Pod')[0];
    expect(pod.metadata.name).toMatch(/^pi-[a-z0-9]{5}$/);
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid, controller: true }]);
    expect(await runCli('apply -f job.yaml', env)).toEqual({ code: 0, stdout: 'job.batch/pi unchanged\n', stderr: '' });
    expect(await runCli('delete job pi', env)).toEqual({ code: 0, stdout: 'job.batch "pi" deleted\n', stderr: '' });
    expect((await runCli('get pods', env)).stderr).toBe('No resources found in default namespace.\n');
  });

  test('apply returns once the work is under way; a Job that has failed already fails it, with the reason', async () => {
    const env = fakeCliEnv({ 'run.yaml': job('', 'sleep 1000'), 'fail.yaml': job('  backoffLimit: 0\n', 'exit 1').replace('name: pi', 'name: bad') });
    expect(await runCli('apply -f run.yaml', env)).toEqual({ code: 0, stdout: 'job.batch/pi created\n', stderr: '' });
    expect((await runCli('get pods --no-headers', env)).stdout).toMatch(/^pi-\w{5} +1\/1 +Running/);
    const failed = await runCli('apply -f fail.yaml', env);
    expect(failed.stdout).toBe('job.batch/bad created\n');
    expect(failed.stderr).toBe('error: job "bad" failed: BackoffLimitExceeded: Job has reached the specified backoff limit\nhint: see `kctl describe job bad`\n');
    expect(failed.code).not.toBe(0);
  });
});

describe('get, describe, wait, logs', () => {
  test('get jobs: NAME STATUS COMPLETIONS DURATION AGE, -o wide adds CONTAINERS IMAGES SELECTOR', async () => {
    const env = clockedCliEnv({ 'job.yaml': job('  completions: 2\n  parallelism: 2\n'), 'queue.yaml': job('  parallelism: 3\n  suspend: true\n', 'sleep 1000').replace('name: pi', 'name: queue') });
    env.setTime(0);
    await runCli('apply -f job.yaml -f queue.yaml --wait=false', env);
    env.setTime(75_000);
    const uid = uidOf(env);
    expect(await runCli('get jobs', env)).toEqual({ code: 0, stdout: 'NAME    STATUS      COMPLETIONS   DURATION   AGE\npi      Complete    2/2           0s         75s\nqueue   Suspended   0/1 of 3                 75s\n', stderr: '' });
    expect((await runCli('get job pi -o wide', env)).stdout).toBe(
      `NAME   STATUS     COMPLETIONS   DURATION   AGE   CONTAINERS   IMAGES                     SELECTOR\npi     Complete   2/2           0s         75s   pi           kctl-test/busybox:latest   batch.kubernetes.io/controller-uid=${uid}\n`,
    );
  });

  test("describe job: kubectl's layout, with the job controller's events", async () => {
    const env = clockedCliEnv({ 'job.yaml': job('  completions: 2\n  ttlSecondsAfterFinished: 600\n') });
    env.setTime(0);
    await runCli('apply -f job.yaml --wait=false', env);
    await env.passAt(1000);
    env.setTime(5000);
    const uid = uidOf(env);
    const out = (await runCli('describe job pi', env)).stdout.replaceAll(uid, 'UID').replace(/pi-\w{5}/g, 'pi-*');
    expect(out).toBe(`Name:                        pi
Namespace:                   default
Selector:                    batch.kubernetes.io/controller-uid=UID
Labels:                      batch.kubernetes.io/controller-uid=UID
                             batch.kubernetes.io/job-name=pi
                             controller-uid=UID
                             job-name=pi
Annotations:                 <none>
Parallelism:                 1
Completions:                 2
Completion Mode:             NonIndexed
Suspend:                     false
Backoff Limit:               6
TTL Seconds After Finished:  600
Start Time:                  ${rfc1123z('2026-01-01T00:00:00Z')}
Completed At:                ${rfc1123z('2026-01-01T00:00:01Z')}
Duration:                    1s
Pods Statuses:               0 Active (0 Ready) / 2 Succeeded / 0 Failed
Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=UID
           batch.kubernetes.io/job-name=pi
           controller-uid=UID
           job-name=pi
  Containers:
   pi:
    Image:      kctl-test/busybox:latest
    Port:       <none>
    Host Port:  <none>
    Command:
      sh
      -c
      echo done
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From  Message
  ----    ------            ----  ----  -------
  Normal  SuccessfulCreate  5s    kctl  Created pod: pi-*
  Normal  SuccessfulCreate  5s    kctl  Created pod: pi-*
  Normal  Completed         4s    kctl  Job completed
`);
  });

  test('wait --for=condition=complete and =failed; a finished Job ends a wait it cannot meet; logs job/NAME', async () => {
    const env = fakeCliEnv({ 'ok.yaml': job('  completions: 2\n'), 'bad.yaml': job('  backoffLimit: 0\n', 'exit 1').replace('name: pi', 'name: bad') });
    await runCli('apply -f ok.yaml --wait=false', env);
    expect(await runCli('wait --for=condition=complete job/pi --timeout=30s', env)).toEqual({ code: 0, stdout: 'job.batch/pi condition met\n', stderr: '' });
    expect((await runCli('logs job/pi', env)).stdout).toBe('done\n');
    await runCli('apply -f bad.yaml --wait=false', env);
    expect(await runCli('wait --for=condition=failed job/bad --timeout=30s', env)).toEqual({ code: 0, stdout: 'job.batch/bad condition met\n', stderr: '' });
    expect(await runCli('wait --for=condition=complete job/bad --timeout=30s', env)).toEqual({ code: 1, stdout: '', stderr: 'error: job.batch/bad has finished (phase Failed): the condition can no longer be met\n' });
  });
});

describe('kctl create job', () => {
  test('--dry-run=client -o yaml is what kubectl create job prints, byte for byte', async () => {
    const env = fakeCliEnv();
    expect(await runCli(['create', 'job', 'pi', '--image=perl:5.34', '--dry-run=client', '-o', 'yaml', '--', 'perl', '-Mbignum=bpi', '-wle', 'print bpi(20)'], env)).toEqual({
      code: 0,
      stdout: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  creationTimestamp: null\n  name: pi\nspec:\n  template:\n    metadata:\n      creationTimestamp: null\n    spec:\n      containers:\n      - command:\n        - perl\n        - -Mbignum=bpi\n        - -wle\n        - print bpi(20)\n        image: perl:5.34\n        name: pi\n        resources: {}\n      restartPolicy: Never\nstatus: {}\n',
      stderr: '',
    });
    expect((await runCli('create job x --image=busybox --dry-run=client -o yaml', env)).stdout).toBe(
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  creationTimestamp: null\n  name: x\nspec:\n  template:\n    metadata:\n      creationTimestamp: null\n    spec:\n      containers:\n      - image: busybox\n        name: x\n        resources: {}\n      restartPolicy: Never\nstatus: {}\n',
    );
    expect((await runCli('get jobs', env)).stderr).toBe('No resources found in default namespace.\n');
  });

  test('creates and runs it; errors in kubectl words', async () => {
    const env = fakeCliEnv();
    expect(await runCli("create job hi --image=kctl-test/busybox:latest -- sh -c 'echo hi'", env)).toEqual({ code: 0, stdout: 'job.batch/hi created\n', stderr: '' });
    expect(await runCli('wait --for=condition=complete job/hi', env)).toMatchObject({ code: 0, stdout: 'job.batch/hi condition met\n' });
    expect((await runCli('logs job/hi', env)).stdout).toBe('hi\n');
    expect(await runCli('create job x', env)).toEqual({ code: 2, stdout: '', stderr: 'error: either --image or --from must be specified\n' });
    expect(await runCli('create job x --image=a --from=cronjob/y', env)).toEqual({ code: 2, stdout: '', stderr: 'error: either --image or --from must be specified\n' });
    expect(await runCli('create job hi --image=busybox', env)).toEqual({ code: 5, stdout: '', stderr: 'error: jobs.batch "hi" already exists\n' });
  });
});
