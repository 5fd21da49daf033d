/**
 * A paused Deployment still trims its old ReplicaSets to revisionHistoryLimit (Kubernetes' sync does the
 * cleanup while paused too): pausing stops rollouts, not the bookkeeping.
 */
import { fakeCliEnv, runCli } from '../helpers/cli';

const WEB = (image: string, spec = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
${spec}  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: ${image}}]
`;

test('lowering revisionHistoryLimit while paused removes the oldest ReplicaSets at once', async () => {
  const env = fakeCliEnv({
    'v1.yaml': WEB('kctl-demo/web:v1'),
    'v2.yaml': WEB('kctl-demo/web:v2'),
    'v3.yaml': WEB('kctl-demo/web:v3'),
    'v3-paused.yaml': WEB('kctl-demo/web:v3', '  paused: true\n  revisionHistoryLimit: 1\n'),
  });
  const kctl = (line: string) => runCli(line, env);
  for (const v of ['v1', 'v2', 'v3']) expect((await kctl(`apply -f ${v}.yaml`)).code).toBe(0);
  const history = (revisions: string) => `deployment.apps/web \nREVISION  CHANGE-CAUSE\n${revisions}\n`;
  expect((await kctl('rollout history deployment/web')).stdout).toBe(history('1         <none>\n2         <none>\n3         <none>\n'));

  expect(await kctl('apply -f v3-paused.yaml')).toEqual({ code: 0, stdout: 'deployment.apps/web configured\n', stderr: '' });
  expect((await kctl('get deployment web -o jsonpath={.spec.paused}')).stdout).toBe('true');
  expect((await kctl('rollout history deployment/web')).stdout).toBe(history('2         <none>\n3         <none>\n'));
  expect((await kctl('get rs -o jsonpath={.items[*].spec.replicas}')).stdout).toBe('2 0');
});
