import * as fs from 'fs';
import * as path from 'path';
import { diffLines, unifiedDiff } from '../../src/util/unified-diff';
import { runCli, fakeCliEnv, type CliEnv } from '../helpers/cli';

const NOW = new Date('2024-05-01T12:00:00.000Z');
const LIVE = `/tmp/LIVE-${process.pid}`;
const MERGED = `/tmp/MERGED-${process.pid}`;

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: kctl-demo/web:v1
`;

function setup(): CliEnv {
  const v2 = WEB.replace('replicas: 2', 'replicas: 3').replace(':v1', ':v2').replace('  name: web\n', '  name: web\n  labels: {tier: front}\n');
  return fakeCliEnv({ 'web.yaml': WEB, 'web-v2.yaml': v2 }, { now: () => NOW, env: { TMPDIR: '/tmp' } });
}

describe('kctl diff', () => {
  test('an object apply would create: the whole object, against an empty LIVE file; exit 1', async () => {
    const env = setup();
    expect(await runCli('diff -f web.yaml', env)).toEqual({
      code: 1,
      stderr: '',
      stdout: `diff -u -N ${LIVE}/apps.v1.Deployment.default.web ${MERGED}/apps.v1.Deployment.default.web
--- ${LIVE}/apps.v1.Deployment.default.web\t1970-01-01 00:00:00.000000000 +0000
+++ ${MERGED}/apps.v1.Deployment.default.web\t2024-05-01 12:00:00.000000000 +0000
@@ -0,0 +1,32 @@
+apiVersion: apps/v1
+kind: Deployment
+metadata:
+  name: web
+  namespace: default
+spec:
+  minReadySeconds: 0
+  progressDeadlineSeconds: 600
+  replicas: 2
+  revisionHistoryLimit: 10
+  selector:
+    matchLabels:
+      app: web
+  strategy:
+    rollingUpdate:
+      maxSurge: 25%
+      maxUnavailable: 25%
+    type: RollingUpdate
+  template:
+    metadata:
+      labels:
+        app: web
+    spec:
+      containers:
+      - image: kctl-demo/web:v1
+        imagePullPolicy: IfNotPresent
+        name: web
+        terminationMessagePath: /dev/termination-log
+        terminationMessagePolicy: File
+      dnsPolicy: ClusterFirst
+      restartPolicy: Always
+      terminationGracePeriodSeconds: 30
`,
    });
    expect((await runCli('get deployments', env)).stderr).toBe('No resources found in default namespace.\n');
  });

  test('no difference after apply: exit 0 and no output', async () => {
    const env = setup();
    expect((await runCli('apply -f web.yaml --wait=false', env)).code).toBe(0);
    expect(await runCli('diff -f web.yaml', env)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('changes: hunks with 3 lines of context; status, generation, resourceVersion and last-applied left out', async () => {
    const env = setup();
    await runCli('apply -f web.yaml --wait=false', env);
    const { uid, creationTimestamp } = JSON.parse(fs.readFileSync(env.statePath, 'utf8')).objects['Deployment/default/web'].metadata;
    const result = await runCli('diff -f web-v2.yaml', env);
    expect(result).toEqual({
      code: 1,
      stderr: '',
      stdout: `diff -u -N ${LIVE}/apps.v1.Deployment.default.web ${MERGED}/apps.v1.Deployment.default.web
--- ${LIVE}/apps.v1.Deployment.default.web\t2024-05-01 12:00:00.000000000 +0000
+++ ${MERGED}/apps.v1.Deployment.default.web\t2024-05-01 12:00:00.000000000 +0000
@@ -4,13 +4,15 @@
   annotations:
     deployment.kubernetes.io/revision: "1"
   creationTimestamp: "${creationTimestamp}"
+  labels:
+    tier: front
   name: web
   namespace: default
   uid: ${uid}
 spec:
   minReadySeconds: 0
   progressDeadlineSeconds: 600
-  replicas: 2
+  replicas: 3
   revisionHistoryLimit: 10
   selector:
     matchLabels:
@@ -26,7 +28,7 @@
         app: web
     spec:
       containers:
-      - image: kctl-demo/web:v1
+      - image: kctl-demo/web:v2
         imagePullPolicy: IfNotPresent
         name: web
         terminationMessagePath: /dev/termination-log
`,
    });
    // nothing was written: the stored object is still v1
    expect((await runCli("get deploy web -o jsonpath={.spec.template.spec.containers[0].image}", env)).stdout).toBe('kctl-demo/web:v1');
  });

  test('secret values are masked', async () => {
    const env = setup();
    const secret = (v: string) => `apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\ndata: {password: ${v}, user: YWRtaW4=}\n`;
    fs.writeFileSync(path.join(env.cwd, 's1.yaml'), secret('czNjcjN0'));
    fs.writeFileSync(path.join(env.cwd, 's2.yaml'), secret('bjN3'));
    await runCli('apply -f s1.yaml --wait=false', env);
    const out = (await runCli('diff -f s2.yaml', env)).stdout;
    expect(out.split('\n').filter((l) => /^[-+ ] {2}(password|user)/.test(l))).toEqual(["-  password: '*** (before)'", "+  password: '*** (after)'", "   user: '***'"]);
  });

  test('objects are listed by file name, as diff -u -N lists a directory', async () => {
    const env = setup();
    fs.writeFileSync(path.join(env.cwd, 'both.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a-config}\ndata: {k: v}\n---\n${WEB}`);
    const headers = (await runCli('diff -f both.yaml', env)).stdout.split('\n').filter((l) => l.startsWith('diff '));
    expect(headers).toEqual([
      `diff -u -N ${LIVE}/apps.v1.Deployment.default.web ${MERGED}/apps.v1.Deployment.default.web`,
      `diff -u -N ${LIVE}/v1.ConfigMap.default.a-config ${MERGED}/v1.ConfigMap.default.a-config`,
    ]);
  });

  test('errors exit above 1: a missing file (2), an invalid manifest (3), a missing namespace (4)', async () => {
    const env = setup();
    expect(await runCli('diff -f nothere.yaml', env)).toEqual({ code: 2, stdout: '', stderr: 'error: the path "nothere.yaml" does not exist\n' });
    fs.writeFileSync(path.join(env.cwd, 'bad.yaml'), WEB.replace('replicas: 2', 'replicas: -1'));
    const invalid = await runCli('diff -f bad.yaml', env);
    expect(invalid.code).toBe(3);
    expect(invalid.stderr).toBe('error: bad.yaml:6:13: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');
    expect(await runCli('diff -f web.yaml -n prod', env)).toEqual({ code: 4, stdout: '', stderr: 'error: namespaces "prod" not found\nhint: create it first: kctl create namespace prod\n' });
    expect(await runCli('diff', env)).toEqual({ code: 2, stdout: '', stderr: 'error: must specify one of -f and -k\n' });
  });
});

describe('unified diff', () => {
  const text = (lines: string[]) => lines.map((l) => `${l}\n`).join('');

  test('equal texts give no diff', () => {
    expect(unifiedDiff({ oldText: 'a\nb\n', newText: 'a\nb\n', oldHeader: 'a', newHeader: 'b' })).toBe('');
  });

  test('distant changes make separate hunks, near ones share one; single-line ranges drop the count', () => {
    const old = Array.from({ length: 20 }, (_, i) => `line${i + 1}`);
    const changed = old.map((l) => (l === 'line2' || l === 'line18' ? `${l}!` : l));
    expect(unifiedDiff({ oldText: text(old), newText: text(changed), oldHeader: 'a', newHeader: 'b' })).toBe(
      `--- a\n+++ b\n@@ -1,5 +1,5 @@\n line1\n-line2\n+line2!\n line3\n line4\n line5\n@@ -15,6 +15,6 @@\n line15\n line16\n line17\n-line18\n+line18!\n line19\n line20\n`,
    );
    const near = old.map((l) => (l === 'line5' || l === 'line11' ? `${l}!` : l));
    expect(unifiedDiff({ oldText: text(old), newText: text(near), oldHeader: 'a', newHeader: 'b' }).match(/^@@.*/gm)).toEqual(['@@ -2,13 +2,13 @@']);
    expect(unifiedDiff({ oldText: 'x\n', newText: 'y\n', oldHeader: 'a', newHeader: 'b' })).toBe('--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n');
    expect(unifiedDiff({ oldText: 'x\n', newText: '', oldHeader: 'a', newHeader: 'b' })).toBe('--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n');
  });

  test('the edit script is a shortest one and turns a into b', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: rand(25) }, () => 'abcd'[rand(4)]);
      const b = Array.from({ length: rand(25) }, () => 'abcd'[rand(4)]);
      const ops = diffLines(a, b);
      expect(ops.filter((o) => o.op !== '+').map((o) => o.line)).toEqual(a);
      expect(ops.filter((o) => o.op !== '-').map((o) => o.line)).toEqual(b);
      expect(ops.filter((o) => o.op !== ' ').length).toBe(a.length + b.length - 2 * lcsLength(a, b));
    }
  });
});

function lcsLength(a: string[], b: string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i][j] = a[i - 1] === b[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
  return dp[a.length][b.length];
}
