/**
 * A Job on real Docker: three Indexed completions, two at a time, sharing a claim; index 1 fails on its first
 * attempt (it leaves a mark on the claim), is replaced after the back-off and succeeds. Index 0 finishes only
 * once the retry of index 1 runs (bounded at 60 s): a success before the retry would reset the back-off, as in
 * Kubernetes, and the test would race the order in which the first two pods end. `kctl wait
 * --for=condition=complete` reconciles until the Job is Complete; the finished pods and their logs are kept.
 */
import { Kctl } from './harness';

jest.setTimeout(180_000);

const MANIFEST = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: marks
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Mi
---
apiVersion: batch/v1
kind: Job
metadata:
  name: work
spec:
  completions: 3
  parallelism: 2
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: work
        image: kctl-test/busybox
        imagePullPolicy: Never
        command:
        - sh
        - -c
        - |
          case "$JOB_COMPLETION_INDEX" in
          1) if mkdir /marks/tried 2>/dev/null; then echo "index 1 fails once"; exit 1; fi; touch /marks/retried ;;
          0) i=0; while [ ! -e /marks/retried ] && [ $i -lt 120 ]; do sleep 0.5; i=$((i+1)); done ;;
          esac
          echo "index $JOB_COMPLETION_INDEX done"
        volumeMounts:
        - {name: marks, mountPath: /marks}
      volumes:
      - name: marks
        persistentVolumeClaim: {claimName: marks}
`;

describe('a Job on real Docker', () => {
  const k = new Kctl();
  afterAll(() => k.cleanup());

  test('completions 3, parallelism 2, index 1 failing once: replaced after the back-off, then Complete', async () => {
    k.write('job.yaml', MANIFEST);
    expect(await k.run(['apply', '-f', 'job.yaml'])).toMatchObject({ code: 0, stdout: 'persistentvolumeclaim/marks created\njob.batch/work created\n' });
    expect(await k.run(['wait', '--for=condition=complete', 'job/work', '--timeout=120s'])).toEqual({ code: 0, stdout: 'job.batch/work condition met\n', stderr: '' });
    const status = await k.run(['get', 'job', 'work', '-o', 'jsonpath={.status.succeeded} {.status.failed} {.status.completedIndexes} {.status.conditions[*].type}']);
    expect(status.stdout).toBe('3 1 0-2 SuccessCriteriaMet Complete');
    expect((await k.run(['get', 'jobs', '--no-headers'])).stdout).toMatch(/^work +Complete +3\/3 +\d+s +\d+s\n$/);
    const pods = (await k.run(['get', 'pods', '--no-headers'])).stdout.trim().split('\n').map((l) => l.split(/ +/));
    expect(pods.map(([name, , status]) => `${name.replace(/-\w{5}$/, '')} ${status}`).sort()).toEqual(['work-0 Completed', 'work-1 Completed', 'work-1 Error', 'work-2 Completed']);
    const failed = pods.find(([, , status]) => status === 'Error')![0];
    expect((await k.run(['logs', failed])).stdout).toBe('index 1 fails once\n');
    // The replacement of the failed pod was made no sooner than 10 s after it failed (the job back-off).
    const failedAt = (await k.run(['get', 'pod', failed, '-o', 'jsonpath={.status.containerStatuses[0].state.terminated.finishedAt}'])).stdout;
    const retry = pods.find(([name, , status]) => name.startsWith('work-1-') && status === 'Completed')![0];
    const retriedAt = (await k.run(['get', 'pod', retry, '-o', 'jsonpath={.metadata.creationTimestamp}'])).stdout;
    expect(Date.parse(retriedAt) - Date.parse(failedAt)).toBeGreaterThanOrEqual(9_000);
    const logs = await Promise.all(pods.filter(([, , s]) => s === 'Completed').map(([name]) => k.run(['logs', name])));
    expect(logs.map((l) => l.stdout).sort()).toEqual(['index 0 done\n', 'index 1 done\n', 'index 2 done\n']);
    expect(await k.run(['delete', 'job', 'work'])).toMatchObject({ code: 0, stdout: 'job.batch "work" deleted\n' });
    expect(await k.run(['get', 'pods'])).toMatchObject({ stderr: 'No resources found in default namespace.\n' });
  });
});
