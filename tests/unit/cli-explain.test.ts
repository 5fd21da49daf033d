import * as path from 'path';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { runCli, tempDir, type CliEnv } from '../helpers/cli';

const deploymentSchema = require('../../schemas/deployment.json');
const shared = require('../../schemas/definitions.json').definitions;

function setup(): CliEnv {
  const dir = tempDir();
  return { statePath: path.join(dir, 'state.json'), runtime: new FakeRuntime(), cwd: dir };
}

/** kubectl's description block: words wrapped at `width`, every line (also the last, empty one) indented. */
function block(text: string, width: number, indent: number): string {
  const pad = ' '.repeat(indent);
  const lines = text.split('\n').flatMap((line) => {
    const out: string[] = [];
    let cur = '';
    for (const w of line.split(' ')) {
      if (cur && (cur + ' ' + w).length > width) {
        out.push(cur);
        cur = w;
      } else cur = cur ? `${cur} ${w}` : w;
    }
    return [...out, cur];
  });
  return lines.map((l) => pad + l).join('\n');
}

describe('kctl explain', () => {
  const spec = deploymentSchema.definitions.DeploymentSpec.properties;
  const strategy = deploymentSchema.definitions.DeploymentStrategy;

  test('TYPE.FIELD: kubectl\'s layout (GROUP/KIND/VERSION, FIELD <type>, DESCRIPTION, FIELDS with types and enums)', async () => {
    expect(await runCli('explain deployment.spec.strategy', setup())).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n' +
        'FIELD: strategy <DeploymentStrategy>\n\n\n' +
        `DESCRIPTION:\n${block(`${spec.strategy.description}\n${strategy.description}\n`, 76, 4)}\n` +
        'FIELDS:\n' +
        `  rollingUpdate\t<RollingUpdateDeployment>\n${block(strategy.properties.rollingUpdate.description, 76, 4)}\n\n` +
        `  type\t<string>\n  enum: Recreate, RollingUpdate\n${block(strategy.properties.type.description, 76, 4)}\n\n\n`,
    });
  });

  test('--recursive: the tree of fields without descriptions', async () => {
    const out = (await runCli('explain deploy.spec.strategy --recursive', setup())).stdout;
    expect(out.slice(out.indexOf('FIELDS:'))).toBe('FIELDS:\n  rollingUpdate\t<RollingUpdateDeployment>\n    maxSurge\t<IntOrString>\n    maxUnavailable\t<IntOrString>\n  type\t<string>\n  enum: Recreate, RollingUpdate\n\n');
  });

  test('a resource: no FIELD line, its description, required fields marked', async () => {
    const out = (await runCli('explain deployments', setup())).stdout;
    expect(out.startsWith(`GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nDESCRIPTION:\n${block(`${deploymentSchema.description}\n`, 76, 4)}\nFIELDS:\n  apiVersion\t<string> -required-\n`)).toBe(true);
    expect(out.match(/^ {2}\S.*$/gm)).toEqual(['  apiVersion\t<string> -required-', '  kind\t<string> -required-', '  metadata\t<ObjectMeta> -required-', '  spec\t<DeploymentSpec> -required-', '  status\t<ObjectStatus>']);
  });

  test('types: arrays, maps, primitives; core kinds have no GROUP; a path goes through array items', async () => {
    const env = setup();
    const containers = (await runCli('explain pod.spec.containers', env)).stdout;
    expect(containers.split('\n').slice(0, 5)).toEqual(['KIND:       Pod', 'VERSION:    v1', '', 'FIELD: containers <[]Container>', '']);
    expect(containers).toContain(`\n${block(`${shared.PodSpec.properties.containers.description}\n${shared.Container.description}\n`, 76, 4)}\nFIELDS:\n`);
    expect(containers).toContain('\n  image\t<string> -required-\n');
    expect((await runCli('explain pod.spec.containers.resources', env)).stdout).toContain('\n  limits\t<map[string]Quantity>\n');
    expect((await runCli('explain pod.metadata', env)).stdout).toContain('\n  labels\t<map[string]string>\n');
    expect((await runCli('explain deployment.spec.replicas', env)).stdout).toBe(`GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n${block(`${spec.replicas.description}\n`, 76, 4)}\n\n`);
  });

  test('errors: unknown field (4), unknown type (2), no schema (4), no argument (2)', async () => {
    const env = setup();
    expect(await runCli('explain deployment.spec.replica', env)).toEqual({ code: 4, stdout: '', stderr: 'error: field "replica" does not exist\n' });
    expect(await runCli('explain widgets', env)).toEqual({ code: 2, stdout: '', stderr: 'error: the server doesn\'t have a resource type "widgets"\nhint: run `kctl api-resources` for the list\n' });
    expect(await runCli('explain replicasets', env)).toEqual({ code: 4, stdout: '', stderr: 'error: kctl has no schema for replicasets: kctl creates them itself, they are not written in manifests\n' });
    expect(await runCli('explain', env)).toEqual({ code: 2, stdout: '', stderr: 'error: You must specify the type of resource to explain.\nhint: run `kctl api-resources` for the list\n' });
  });
});

describe('kctl schema', () => {
  test('prints a self-contained JSON Schema that validates manifests on its own (for editors)', async () => {
    const result = await runCli('schema deployment', setup());
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('definitions.json');
    const schema = JSON.parse(result.stdout);
    expect(schema.title).toBe(deploymentSchema.title);
    const Ajv = require('ajv').default;
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema);
    const ok = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', resources: { limits: { cpu: '100m' } } }] } } } };
    expect(validate(ok)).toBe(true);
    expect(validate({ ...ok, spec: { ...ok.spec, replicas: 'two' } })).toBe(false);
  });

  test('every kind with a schema bundles; errors for none and for kinds without one', async () => {
    const env = setup();
    for (const kind of ['namespace', 'deployment', 'pod', 'service', 'configmap', 'secret', 'persistentvolumeclaim', 'horizontalpodautoscaler']) {
      const refs = [...(await runCli(`schema ${kind}`, env)).stdout.matchAll(/"\$ref": "([^"]*)"/g)].map((m) => m[1]);
      expect(refs.every((r) => r.startsWith('#/definitions/'))).toBe(true);
    }
    expect(await runCli('schema', env)).toEqual({ code: 2, stdout: '', stderr: 'error: You must specify the type of resource to print the schema of.\nhint: one of: namespace, deployment, daemonset, statefulset, pod, service, replicationcontroller, configmap, secret, persistentvolumeclaim, persistentvolume, storageclass, horizontalpodautoscaler, job, cronjob, ingress, ingressclass, customresourcedefinition\n' });
    expect((await runCli('schema rs', env)).code).toBe(4);
  });
});
