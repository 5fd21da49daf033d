/**
 * A Deployment whose spec the controller cannot act on (a strategy type edited into the state file by hand)
 * ends a command waiting on it at once, with the InvalidSpec condition's message and exit 1, instead of
 * waiting until --timeout for a spec that is never observed.
 */
import * as fs from 'fs';
import { ExitCode } from '../../src/errors';
import { kindDefinition } from '../../src/kinds/registry';
import { State } from '../../src/store/state';
import { runCli, fakeCliEnv } from '../helpers/cli';

const MESSAGE = 'spec.strategy.type: Unsupported value: "Foo": supported values: "Recreate", "RollingUpdate"';
const FAILURE = `error: deployment "web" has an invalid spec: ${MESSAGE}\n`;

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

/** A rolled-out Deployment, then its strategy type edited by hand in the state file. */
async function handEdited(type = 'Foo') {
  const env = fakeCliEnv({ 'web.yaml': WEB });
  const kctl = (line: string) => runCli(line, env);
  expect((await kctl('apply -f web.yaml')).code).toBe(0);
  editStrategy(env.statePath, type);
  return { env, kctl };
}

function editStrategy(statePath: string, type: string): void {
  const data = JSON.parse(fs.readFileSync(statePath, 'utf8'));
  data.objects['Deployment/default/web'].spec.strategy = { type };
  fs.writeFileSync(statePath, JSON.stringify(data));
}

test('a mutating command stops waiting at once with the condition message (exit 1)', async () => {
  const { kctl } = await handEdited();
  expect(await kctl('scale deployment/web --replicas 3 --timeout 5s')).toEqual({ code: ExitCode.RolloutFailed, stdout: 'deployment.apps/web scaled\n', stderr: FAILURE });
});

test('rollout status fails at once with the condition message (exit 1), also before a change of spec', async () => {
  const { kctl } = await handEdited();
  expect(await kctl('rollout status deployment/web --timeout 5s')).toEqual({ code: ExitCode.RolloutFailed, stdout: '', stderr: FAILURE });
  expect((await kctl('scale deployment/web --replicas 3 --wait=false')).code).toBe(0);
  expect(await kctl('rollout status deployment/web --timeout 5s')).toEqual({ code: ExitCode.RolloutFailed, stdout: '', stderr: FAILURE });
});

test('a spec fixed since is judged again, not failed on the condition the controller has yet to clear', async () => {
  const { env, kctl } = await handEdited();
  expect((await kctl('reconcile --wait=false')).code).toBe(0);
  editStrategy(env.statePath, 'Recreate');
  const data = JSON.parse(fs.readFileSync(env.statePath, 'utf8'));
  const dep = data.objects['Deployment/default/web'];
  expect(dep.status.conditions.map((c: any) => c.type)).toContain('InvalidSpec');
  const deployment = kindDefinition('Deployment')!;
  expect(deployment.rollout!.status(dep)).toEqual({ message: 'deployment "web" successfully rolled out', done: true, failed: false });
  expect(deployment.converged!(new State(data), dep).failure).toBeUndefined();
  expect(await kctl('rollout status deployment/web --timeout 5s')).toEqual({ code: 0, stdout: 'deployment "web" successfully rolled out\n', stderr: '' });
});
