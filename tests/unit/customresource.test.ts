/**
 * CustomResourceDefinitions on the fake runtime: a CRD refused in the API server's words; once applied its kind is
 * served: objects validated against the version's openAPIV3Schema with line:col errors (unknown fields, types,
 * ranges, patterns, enums, required; nullable, int-or-string, preserve-unknown-fields), defaulted, listed with the
 * printer columns, reached by plural, singular, short name and plural.group, described, labelled, patched,
 * deleted; cluster-scoped kinds; `wait --for=condition=established`; deleting the CRD takes its objects.
 */
import { Store } from '../../src/store/store';
import { fakeCliEnv, runCli } from '../helpers/cli';

const crd = (opts: { name?: string; group?: string; kind?: string; scope?: string; versions?: string } = {}) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${opts.name ?? 'crontabs.stable.example.com'}
spec:
  group: ${opts.group ?? 'stable.example.com'}
  scope: ${opts.scope ?? 'Namespaced'}
  names:
    plural: crontabs
    singular: crontab
    kind: ${opts.kind ?? 'CronTab'}
    shortNames: [ct]
  versions:
${opts.versions ?? VERSIONS}`;

const VERSIONS = `  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [cronSpec]
            properties:
              cronSpec: {type: string, pattern: '^\\S+( \\S+){4}$'}
              image: {type: string}
              replicas: {type: integer, minimum: 1, maximum: 10, default: 1}
              port: {x-kubernetes-int-or-string: true}
              policy: {type: string, enum: [Allow, Forbid]}
              note: {type: string, nullable: true}
              extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
    additionalPrinterColumns:
    - {name: Spec, type: string, jsonPath: .spec.cronSpec}
    - {name: Replicas, type: integer, jsonPath: .spec.replicas}
    - {name: Image, type: string, jsonPath: .spec.image, priority: 1}
    - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
`;

const ct = (name: string, spec: string) => `apiVersion: stable.example.com/v1
kind: CronTab
metadata:
  name: ${name}
spec:
${spec}`;

describe('CustomResourceDefinition', () => {
  test('refused as the API server refuses it', async () => {
    const env = fakeCliEnv({
      'name.yaml': crd({ name: 'crontab.stable.example.com' }),
      'group.yaml': crd({ name: 'crontabs.example', group: 'example' }),
      'storage.yaml': crd({ versions: VERSIONS + VERSIONS.replace('name: v1', 'name: v2') }),
      'schema.yaml': crd({ versions: '  - {name: v1, served: true, storage: true}\n' }),
      'clash.yaml': crd({ kind: 'Deployment' }),
      'regex.yaml': crd({ versions: VERSIONS.replace(/pattern: '[^']*'/, "pattern: '(['") }),
    });
    expect(await runCli('apply -f name.yaml', env)).toEqual({ code: 3, stdout: '', stderr: 'error: name.yaml:4:9: metadata.name: Invalid value: "crontab.stable.example.com": must be spec.names.plural+"."+spec.group\n' });
    expect((await runCli('apply -f group.yaml', env)).stderr).toBe('error: group.yaml:6:10: spec.group: Invalid value: "example": should be a domain with at least one dot\n');
    expect((await runCli('apply -f storage.yaml', env)).stderr).toBe('error: storage.yaml:14:3: spec.versions: Invalid value: ["v1","v2"]: must have exactly one version marked as storage version\n');
    expect((await runCli('apply -f schema.yaml', env)).stderr).toBe('error: schema.yaml:14:5: spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required\n');
    expect((await runCli('apply -f clash.yaml', env)).stderr).toBe('error: clash.yaml:11:11: spec.names.kind: Invalid value: "Deployment": kctl serves kind Deployment itself and keys objects by kind: choose another kind name\n');
    expect((await runCli('apply -f regex.yaml', env)).stderr).toMatch(/^error: regex\.yaml:\d+:\d+: spec\.versions\[0\]\.schema\.openAPIV3Schema: Invalid value: .*Invalid regular expression/);
    expect((await runCli('get crd', env)).stderr).toBe('No resources found\n');
  });

  test('an object of a kind no CRD defines yet: ensure CRDs are installed first', async () => {
    const env = fakeCliEnv({ 'ct.yaml': ct('a', '  cronSpec: "* * * * *"\n') });
    expect((await runCli('apply -f ct.yaml', env)).stderr).toMatch(/^error: ct\.yaml:2:7: no matches for kind "CronTab" in version "stable.example.com\/v1" \(ensure CRDs are installed first\)\n/);
  });
});

describe('custom objects', () => {
  async function served() {
    const env = fakeCliEnv({ 'crd.yaml': crd() });
    expect(await runCli('apply -f crd.yaml', env)).toMatchObject({ code: 0, stdout: 'customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n' });
    return env;
  }

  test('validated against the schema with line:col, nothing stored on an error', async () => {
    const env = await served();
    env.write('bad.yaml', ct('bad', '  cronSpec: "* * * *"\n  image: 5\n  replicas: 20\n  policy: Sometimes\n  port: [1]\n  extar: x\n'));
    expect(await runCli('apply -f bad.yaml', env)).toEqual({
      code: 3,
      stdout: '',
      stderr: [
        "error: bad.yaml:6:13: spec.cronSpec: Invalid value: \"* * * *\": should match '^\\S+( \\S+){4}$'",
        'error: bad.yaml:7:10: spec.image: must be a string',
        'error: bad.yaml:8:13: spec.replicas: Invalid value: 20: must be between 1 and 10, inclusive',
        'error: bad.yaml:9:11: spec.policy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid"',
        'error: bad.yaml:10:9: spec.port: must be an integer',
        'error: bad.yaml:10:9: spec.port: must be a string',
        'error: bad.yaml:11:3: spec.extar: unknown field "extar", did you mean "extra"?',
        '',
      ].join('\n'),
    });
    env.write('missing.yaml', ct('m', '  image: x\n'));
    expect((await runCli('apply -f missing.yaml', env)).stderr).toBe('error: missing.yaml:5:1: spec.cronSpec: Required value\n');
    expect((await runCli('get crontabs', env)).stderr).toBe('No resources found in default namespace.\n');
  });

  test('defaulted, stored, listed with the printer columns, and reached by every name', async () => {
    const env = await served();
    env.write('ct.yaml', ct('nightly', '  cronSpec: "0 3 * * *"\n  image: backup:1\n  port: http\n  note: null\n  extra: {anything: [1, 2]}\n'));
    expect(await runCli('apply -f ct.yaml', env)).toMatchObject({ code: 0, stdout: 'crontab.stable.example.com/nightly created\n', stderr: '' });
    const stored = new Store(env.statePath).read().get('CronTab', 'default', 'nightly')!;
    expect(stored.spec).toEqual({ cronSpec: '0 3 * * *', image: 'backup:1', port: 'http', note: null, extra: { anything: [1, 2] }, replicas: 1 });
    expect((await runCli('get crontabs', env)).stdout).toMatch(/^NAME      SPEC        REPLICAS   AGE\nnightly   0 3 \* \* \*   1          \d+s\n$/);
    expect((await runCli('get ct -o wide', env)).stdout).toMatch(/^NAME      SPEC        REPLICAS   IMAGE      AGE\nnightly   0 3 \* \* \*   1          backup:1   \d+s\n$/);
    for (const name of ['crontab', 'CronTab', 'crontabs.stable.example.com', 'ct']) expect((await runCli(`get ${name} nightly -o name`, env)).stdout).toBe('crontab.stable.example.com/nightly\n');
    expect(await runCli('apply -f ct.yaml', env)).toMatchObject({ code: 0, stdout: 'crontab.stable.example.com/nightly unchanged\n' });
    expect((await runCli('describe ct nightly', env)).stdout).toMatch(/^Name:         nightly\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\nAPI Version:  stable.example.com\/v1\nKind:         CronTab\nSpec:\n  Cron Spec|CronSpec/);
    expect((await runCli('label ct nightly tier=ops', env)).stdout).toBe('crontab.stable.example.com/nightly labeled\n');
    expect((await runCli(['patch', 'ct', 'nightly', '--type=merge', '-p', '{"spec":{"replicas":3}}'], env)).stdout).toBe('crontab.stable.example.com/nightly patched\n');
    expect((await runCli('get ct -l tier=ops -o jsonpath={.items[*].spec.replicas}', env)).stdout).toBe('3');
    expect((await runCli('wait --for=condition=established crd/crontabs.stable.example.com --timeout=5s', env)).stdout).toBe('customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com condition met\n');
    expect((await runCli('delete ct nightly', env)).stdout).toBe('crontab.stable.example.com "nightly" deleted\n');
  });

  test('a cluster-scoped kind has no namespace; deleting the CRD takes its objects with it', async () => {
    const env = fakeCliEnv({ 'crd.yaml': crd({ scope: 'Cluster' }), 'ct.yaml': ct('global', '  cronSpec: "* * * * *"\n') });
    expect((await runCli('apply -f crd.yaml', env)).code).toBe(0);
    expect((await runCli('apply -f ct.yaml', env)).code).toBe(0);
    expect(new Store(env.statePath).read().get('CronTab', undefined, 'global')!.metadata.namespace).toBeUndefined();
    expect((await runCli('get ct -A --no-headers', env)).stdout).toMatch(/^global\s/);
    expect((await runCli('delete crd crontabs.stable.example.com', env)).code).toBe(0);
    expect(new Store(env.statePath).read().list('CronTab')).toEqual([]);
    expect((await runCli('get ct', env)).stderr).toBe('error: the server doesn\'t have a resource type "ct"\nhint: run `kctl api-resources` for the list\n');
  });
});
