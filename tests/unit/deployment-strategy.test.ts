/**
 * Rollout strategies come from a table (src/controllers/deployment/strategies.ts): a type that is not in it is
 * refused at apply, and one edited into the state file by hand is reported on the Deployment, not rolled out.
 */
import * as fs from 'fs';
import * as path from 'path';
import { STRATEGY_TYPES } from '../../src/kinds/deployment/controller/strategies';
import { ExitCode } from '../../src/errors';
import { runCli, fakeCliEnv } from '../helpers/cli';
import { Sim, deployment, setImage } from './rollout-sim';

const MESSAGE = 'spec.strategy.type: Unsupported value: "Foo": supported values: "Recreate", "RollingUpdate"';

test('the Deployment schema accepts exactly the types in the table', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schemas/deployment.json'), 'utf8'));
  expect(schema.definitions.DeploymentStrategy.properties.type.enum).toEqual(STRATEGY_TYPES);
});

test('apply refuses an unknown strategy type with the field and its line (exit 3)', async () => {
  const env = fakeCliEnv();
  env.write('web.yaml', `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  strategy:
    type: Foo
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: kctl-demo/web:v1
`);
  expect(await runCli('apply -f web.yaml', env)).toEqual({ code: ExitCode.Validation, stdout: '', stderr: `error: web.yaml:9:11: ${MESSAGE}\n` });
});

describe('a state file edited by hand to an unknown strategy type', () => {
  function editedSim(): Sim {
    const sim = new Sim();
    sim.create(deployment({ name: 'web' }));
    sim.create(deployment({ name: 'api' }));
    sim.runUntil(() => sim.settled('web') && sim.settled('api'));
    // No Sim.edit: a hand edit of the file does not raise the generation either.
    sim.state.put({ ...sim.deployment('web'), spec: { ...sim.deployment('web').spec, strategy: { type: 'Foo' } } });
    sim.edit('web', setImage('web:v2'));
    sim.edit('api', setImage('api:v2'));
    return sim;
  }

  test('leaves its ReplicaSets alone and says why, with a condition and one event', () => {
    const sim = editedSim();
    const replicaSets = () => sim.replicaSets(sim.deployment('web')).map((rs) => [rs.metadata.name, rs.spec.replicas, rs.metadata.annotations]);
    const before = replicaSets();
    const eventsBefore = sim.events(sim.deployment('web'));
    const editedAt = sim.now;
    for (let i = 0; i < 5; i++) sim.tick();

    const web = sim.deployment('web');
    expect(replicaSets()).toEqual(before);
    expect(sim.imagesOf(sim.activePods(web))).toEqual(['web:v1', 'web:v1', 'web:v1']);
    const at = new Date(editedAt.getTime() + 1000).toISOString().replace('.000Z', 'Z');
    expect(web.status.conditions.find((c: any) => c.type === 'InvalidSpec')).toEqual({ type: 'InvalidSpec', status: 'True', lastUpdateTime: at, lastTransitionTime: at, reason: 'InvalidSpec', message: MESSAGE });
    expect(web.status.observedGeneration).toBe(web.metadata.generation - 1);
    const warnings = sim.state.eventsFor(web).filter((e) => e.type === 'Warning');
    expect(warnings.map((e) => [e.reason, e.message, e.count])).toEqual([['InvalidSpec', MESSAGE, 1]]);
    expect(sim.events(web)).toEqual([...eventsBefore, MESSAGE]);
  });

  test('the other Deployments roll out as usual', () => {
    const sim = editedSim();
    sim.runUntil(() => sim.settled('api'));
    expect(sim.imagesOf(sim.activePods(sim.deployment('api')))).toEqual(['api:v2', 'api:v2', 'api:v2']);
  });

  test('a valid type again clears the condition and the rollout goes on', () => {
    const sim = editedSim();
    sim.tick();
    sim.state.put({ ...sim.deployment('web'), spec: { ...sim.deployment('web').spec, strategy: { type: 'Recreate' } } });
    sim.runUntil(() => sim.settled('web'));
    const web = sim.deployment('web');
    expect(web.status.conditions.map((c: any) => c.type)).not.toContain('InvalidSpec');
    expect(sim.imagesOf(sim.activePods(web))).toEqual(['web:v2', 'web:v2', 'web:v2']);
  });
});
