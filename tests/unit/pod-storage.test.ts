/**
 * A pod's own storage lives as long as the pod: the files of its configMap volume and its emptyDir stay while
 * it runs (the sweep of storage left behind by pods that are gone must not take them), and go with the pod.
 */
import * as fs from 'fs';
import * as path from 'path';
import { clockedCliEnv, runCli } from '../helpers/cli';

const POD = `apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {greeting: hello}
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: web
      image: kctl-demo/web:v1
      volumeMounts: [{name: settings, mountPath: /etc/settings}, {name: cache, mountPath: /cache}]
  volumes:
    - {name: settings, configMap: {name: settings}}
    - {name: cache, emptyDir: {}}
`;

/** The contents of the files named `name` anywhere under `dir`. */
function filesNamed(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesNamed(p, name);
    return e.name === name ? [fs.readFileSync(p, 'utf8')] : [];
  });
}

test('the projected files and the emptyDir of a running pod stay pass after pass, and go with the pod', async () => {
  const env = clockedCliEnv({ 'pod.yaml': POD });
  expect((await runCli('apply -f pod.yaml --wait=false', env)).code).toBe(0);
  for (const ms of [0, 1000, 2000, 3000]) await env.passAt(ms);
  expect((await runCli('get pod web -o jsonpath={.status.phase}', env)).stdout).toBe('Running');
  expect(filesNamed(path.dirname(env.statePath), 'greeting')).toEqual(['hello']);
  expect(await env.runtime.listVolumes({})).toEqual([expect.stringMatching(/-cache$/)]);

  expect((await runCli('delete pod web --wait=false', env)).code).toBe(0);
  for (const ms of [4000, 5000]) await env.passAt(ms);
  expect((await runCli('get pods', env)).stderr).toBe('No resources found in default namespace.\n');
  expect(filesNamed(path.dirname(env.statePath), 'greeting')).toEqual([]);
  expect(await env.runtime.listVolumes({})).toEqual([]);
});
