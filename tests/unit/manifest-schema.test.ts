/** The JSON Schemas: kubectl-style errors from ajv, unknown-field suggestions, schema hygiene, the precompiled module. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KINDS } from '../../src/api/kinds';
import { ValidationError } from '../../src/errors';
import { loadManifests, validateObject } from '../../src/manifest/load';
import { IGNORED_CONTAINER_FIELDS, IGNORED_POD_SPEC_FIELDS } from '../../src/kinds/pod/ignored-fields';
import { IGNORED_PVC_SPEC_FIELDS } from '../../src/kinds/persistentvolumeclaim/ignored-fields';
import { IGNORED_SERVICE_SPEC_FIELDS } from '../../src/kinds/service/ignored-fields';
import { generateValidatorsModule, schemaValidator } from '../../src/manifest/validators';
import { FIXTURES, problemsOf } from '../fixtures/manifests/load-helpers';

const SCHEMAS = path.join(__dirname, '..', '..', 'schemas');
const readSchema = (name: string) => JSON.parse(fs.readFileSync(path.join(SCHEMAS, `${name}.json`), 'utf8'));

describe('schema errors', () => {
  test('wrong types, with the value position', async () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      '  labels: [app]',
      'spec:',
      '  replicas: "3"',
      '  paused: "no"',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx',
      '        args: [--port, 8080]',
      '        ports:',
      '        - containerPort: "80"',
      '        readinessProbe:',
      '          httpGet: {port: [80]}',
      '',
    ].join('\n');
    expect(await problemsOf(text)).toEqual([
      'web.yaml:5:11: metadata.labels: must be an object',
      'web.yaml:7:13: spec.replicas: must be an integer',
      'web.yaml:8:11: spec.paused: must be a boolean',
      'web.yaml:18:24: spec.template.spec.containers[0].args[1]: must be a string',
      'web.yaml:20:26: spec.template.spec.containers[0].ports[0].containerPort: must be an integer',
      'web.yaml:22:27: spec.template.spec.containers[0].readinessProbe.httpGet.port: must be an integer or a string',
    ]);
  });

  test('unknown fields: did you mean the closest allowed name, at the key position; no suggestion when nothing is close', async () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      '  lables: {app: web}',
      'spec:',
      '  replica: 3',
      '  selector:',
      '    matchLabel: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx',
      '        imagePulPolicy: Always',
      '        volumeMount: []',
      '        contianerPort: 80',
      '        healthcheck: {}',
      'extra: true',
      '',
    ].join('\n');
    expect(await problemsOf(text)).toEqual([
      'web.yaml:5:3: metadata.lables: unknown field "lables", did you mean "labels"?',
      'web.yaml:7:3: spec.replica: unknown field "replica", did you mean "replicas"?',
      'web.yaml:9:5: spec.selector.matchLabel: unknown field "matchLabel", did you mean "matchLabels"?',
      'web.yaml:9:5: spec.selector: Invalid value: {"matchLabel":{"app":"web"}}: empty selector is invalid for deployment',
      'web.yaml:17:9: spec.template.spec.containers[0].imagePulPolicy: unknown field "imagePulPolicy", did you mean "imagePullPolicy"?',
      'web.yaml:18:9: spec.template.spec.containers[0].volumeMount: unknown field "volumeMount", did you mean "volumeMounts"?',
      'web.yaml:19:9: spec.template.spec.containers[0].contianerPort: unknown field "contianerPort"',
      'web.yaml:20:9: spec.template.spec.containers[0].healthcheck: unknown field "healthcheck"',
      'web.yaml:21:1: extra: unknown field "extra"',
    ]);
  });

  test('missing required fields point at the parent', async () => {
    const text = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', '      containers:', '      - name: web', ''].join('\n');
    expect(await problemsOf(text)).toEqual([
      'web.yaml:5:1: spec.selector: Required value',
      'web.yaml:9:9: spec.template.spec.containers[0].image: Required value',
    ]);
  });
});

describe('validateObject (kctl edit, kctl create)', () => {
  test('returns the object and its warnings; problems are lines without positions', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeSelector: { a: 'b' }, containers: [{ name: 'c', image: 'i' }] } };
    expect(validateObject(pod)).toEqual({ object: pod, warnings: ['Warning: spec.nodeSelector is ignored by kctl (one Docker host)'] });
    expect(validateObject(pod, 'pod.yaml').warnings).toEqual(['Warning: pod.yaml: spec.nodeSelector is ignored by kctl (one Docker host)']);
  });

  test('throws a ValidationError with every problem', () => {
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Bad_Name', labelz: {} } };
    const e = (() => {
      try {
        validateObject(ns, '/tmp/kctl-edit-1.yaml');
      } catch (err) {
        return err;
      }
    })() as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.exitCode).toBe(3);
    expect(e.problems).toEqual([
      '/tmp/kctl-edit-1.yaml: metadata.labelz: unknown field "labelz", did you mean "labels"?',
      `/tmp/kctl-edit-1.yaml: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`,
    ]);
  });

  test('refuses prototype keys of parsed JSON and non-objects', () => {
    const parsed = JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"__proto__":"x"}}');
    expect(() => validateObject(parsed)).toThrow(new ValidationError(['data: key "__proto__" is not allowed']));
    expect(() => validateObject('text')).toThrow(new ValidationError(['expected a Kubernetes object (a mapping with apiVersion, kind and metadata), found a string']));
  });
});

describe('schema files', () => {
  const kindSchemas = KINDS.flatMap((k) => (k.schema ? [k.schema] : []));

  test('one draft-07 schema per applicable kind, plus the shared definitions', () => {
    expect(KINDS.filter((k) => k.applicable).map((k) => k.schema)).toEqual(kindSchemas);
    const files = fs.readdirSync(SCHEMAS).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual([...kindSchemas, 'definitions'].map((s) => `${s}.json`).sort());
    for (const f of files) expect(JSON.parse(fs.readFileSync(path.join(SCHEMAS, f), 'utf8')).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  test('every field has a description (for kctl explain and editors)', () => {
    const missing: string[] = [];
    const visit = (node: any, where: string) => {
      if (!node || typeof node !== 'object') return;
      for (const [name, prop] of Object.entries<any>(node.properties ?? {})) {
        if (!prop.description && !prop.$ref) missing.push(`${where}.${name}`);
        visit(prop, `${where}.${name}`);
      }
      for (const [name, def] of Object.entries<any>(node.definitions ?? {})) {
        if (!def.description) missing.push(`${where}#${name}`);
        visit(def, `${where}#${name}`);
      }
      visit(node.items, `${where}[]`);
    };
    for (const s of [...kindSchemas, 'definitions']) visit(readSchema(s), s);
    expect(missing).toEqual([]);
  });

  test('fields kctl ignores with a warning are described as such', () => {
    const defs = readSchema('definitions').definitions;
    const described = (props: Record<string, any>, fields: Record<string, unknown>) =>
      Object.keys(fields).filter((f) => !String(props[f]?.description).includes('Ignored by kctl'));
    expect(described(defs.PodSpec.properties, IGNORED_POD_SPEC_FIELDS)).toEqual([]);
    expect(described(defs.Container.properties, IGNORED_CONTAINER_FIELDS)).toEqual([]);
    expect(described(readSchema('service').definitions.ServiceSpec.properties, IGNORED_SERVICE_SPEC_FIELDS)).toEqual([]);
    expect(described(readSchema('persistentvolumeclaim').definitions.PersistentVolumeClaimSpec.properties, IGNORED_PVC_SPEC_FIELDS)).toEqual([]);
  });

  test('the precompiled standalone module validates exactly like the compiled schemas', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kctl-validators-'));
    try {
      const file = path.join(dir, 'precompiled-validators.js');
      fs.writeFileSync(file, generateValidatorsModule());
      const precompiled = require(file);
      const { objects } = await loadManifests(['good'], { cwd: FIXTURES });
      const broken = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x', lables: {} }, spec: { replicas: '1', template: {} } };
      const cases: [string, unknown][] = [...objects.map((o) => [o.obj.kind.toLowerCase(), o.obj] as [string, unknown]), ['deployment', broken]];
      for (const [schema, obj] of cases) {
        const compiled = schemaValidator(schema);
        expect(precompiled[schema](obj)).toBe(compiled(obj));
        expect(precompiled[schema].errors).toEqual(compiled.errors);
      }
      expect(precompiled.deployment(broken)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
