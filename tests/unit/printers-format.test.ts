import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { KObject } from '../../src/api/types';
import { KctlError, UsageError } from '../../src/errors';
import { printObjects, type PrintOptions } from '../../src/printers';

const now = new Date('2024-05-01T12:00:00Z');
const print = (objects: KObject[], opts: Partial<PrintOptions> = {}) => printObjects(objects, { now, colour: false, ...opts });

function cm(name: string, namespace: string, labels: Record<string, string> | undefined, data: Record<string, string>): KObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, creationTimestamp: '2024-05-01T11:55:00Z', ...(labels ? { labels } : {}) }, data };
}

const a = cm('a', 'default', { app: 'web', 'app.kubernetes.io/name': 'shop' }, { k: 'v' });
const b = cm('b', 'team', undefined, { x: '1', y: '2' });
const deploy: KObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: '2024-05-01T11:55:00Z' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
  status: { replicas: 2, readyReplicas: 2, updatedReplicas: 2, availableReplicas: 2 },
};
const ns: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', creationTimestamp: '2024-05-01T11:55:00Z' }, status: { phase: 'Active' } };

describe('table decorations', () => {
  test('-A puts NAMESPACE first (not for cluster-scoped kinds)', () => {
    expect(print([a, b], { allNamespaces: true })).toBe(
      'NAMESPACE   NAME   DATA   AGE\n' +
      'default     a      1      5m\n' +
      'team        b      2      5m\n',
    );
    expect(print([ns], { allNamespaces: true })).toBe('NAME   STATUS   AGE\nteam   Active   5m\n');
  });

  test('-L adds a column per key, headed by its last segment; --show-labels adds LABELS last', () => {
    expect(print([a, b], { labelColumns: ['app', 'app.kubernetes.io/name'], showLabels: true })).toBe(
      'NAME   DATA   AGE   APP   NAME   LABELS\n' +
      'a      1      5m    web   shop   app=web,app.kubernetes.io/name=shop\n' +
      'b      2      5m                 <none>\n',
    );
  });

  test('several kinds: kind/name names, one table per kind, a blank line between them', () => {
    expect(print([deploy, a, b], { kindHeaderPrefix: true })).toBe(
      'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n' +
      'deployment.apps/web   2/2     2            2           5m\n' +
      '\n' +
      'NAME          DATA   AGE\n' +
      'configmap/a   1      5m\n' +
      'configmap/b   2      5m\n',
    );
    expect(print([deploy, a], { kindHeaderPrefix: true, noHeaders: true })).toBe('deployment.apps/web   2/2   2     2     5m\nconfigmap/a   1     5m\n');
  });

  test('no objects: nothing', () => {
    expect(print([])).toBe('');
  });
});

describe('-o name, json, yaml', () => {
  test('name', () => {
    expect(print([deploy, a, ns], { output: 'name' })).toBe('deployment.apps/web\nconfigmap/a\nnamespace/team\n');
  });

  test('json of one object: the object, keys sorted, 4-space indent', () => {
    expect(print([a], { output: 'json' })).toBe(
      [
        '{',
        '    "apiVersion": "v1",',
        '    "data": {',
        '        "k": "v"',
        '    },',
        '    "kind": "ConfigMap",',
        '    "metadata": {',
        '        "creationTimestamp": "2024-05-01T11:55:00Z",',
        '        "labels": {',
        '            "app": "web",',
        '            "app.kubernetes.io/name": "shop"',
        '        },',
        '        "name": "a",',
        '        "namespace": "default"',
        '    }',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('json of several objects (or with list: true): a v1 List', () => {
    const expected = [
      '{',
      '    "apiVersion": "v1",',
      '    "items": [',
      '        {',
      '            "apiVersion": "v1",',
      '            "data": {',
      '                "x": "1",',
      '                "y": "2"',
      '            },',
      '            "kind": "ConfigMap",',
      '            "metadata": {',
      '                "creationTimestamp": "2024-05-01T11:55:00Z",',
      '                "name": "b",',
      '                "namespace": "team"',
      '            }',
      '        }',
      '    ],',
      '    "kind": "List",',
      '    "metadata": {',
      '        "resourceVersion": ""',
      '    }',
      '}',
      '',
    ].join('\n');
    expect(print([b], { output: 'json', list: true })).toBe(expected);
    expect(print([], { output: 'json' })).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
  });

  test('yaml: sorted keys, lists flush with their key, strings that read as other types quoted', () => {
    const obj: KObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', annotations: { 'deployment.kubernetes.io/revision': '1', enabled: 'yes' } },
      data: { script: 'echo hi\necho there\n', empty: '' },
      spec: { ports: [{ port: 80, name: 'http' }] },
    };
    expect(print([obj], { output: 'yaml' })).toBe(
      [
        'apiVersion: v1',
        'data:',
        '  empty: ""',
        '  script: |',
        '    echo hi',
        '    echo there',
        'kind: ConfigMap',
        'metadata:',
        '  annotations:',
        '    deployment.kubernetes.io/revision: "1"',
        '    enabled: "yes"',
        '  name: c',
        'spec:',
        '  ports:',
        '  - name: http',
        '    port: 80',
        '',
      ].join('\n'),
    );
    expect(print([a, b], { output: 'yaml' })).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n[\s\S]*\nkind: List\nmetadata:\n  resourceVersion: ""\n$/);
  });
});

describe('-o jsonpath', () => {
  test('runs against the List for several objects, the object for one; no newline added', () => {
    expect(print([a, b], { output: 'jsonpath={.items[*].metadata.name}' })).toBe('a b');
    expect(print([a], { output: 'jsonpath={.metadata.name}' })).toBe('a');
    expect(print([a, b], { output: 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}' })).toBe('default/a\nteam/b\n');
  });

  test('jsonpath-as-json', () => {
    expect(print([a, b], { output: 'jsonpath-as-json={.items[*].metadata.name}' })).toBe('[\n    "a",\n    "b"\n]\n');
  });

  test('jsonpath-file reads the template from a file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kctl-printers-')), 'tpl');
    fs.writeFileSync(file, '{.metadata.name}');
    try {
      expect(print([a], { output: `jsonpath-file=${file}` })).toBe('a');
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true });
    }
  });

  test('a template that does not parse is a usage error in kubectl words', () => {
    expect(() => print([a], { output: 'jsonpath={.metadata.name' })).toThrow(new UsageError('error parsing jsonpath {.metadata.name, unclosed action'));
    expect(() => print([], { output: 'jsonpath=' })).toThrow(new UsageError('template format specified but no template given'));
  });

  test('missing keys print nothing unless --allow-missing-template-keys=false', () => {
    expect(print([a], { output: 'jsonpath={.spec.replicas}' })).toBe('');
    const run = () => print([a], { output: 'jsonpath={.spec.replicas}', allowMissingTemplateKeys: false });
    expect(run).toThrow(KctlError);
    expect(run).toThrow('error executing jsonpath "{.spec.replicas}": Error executing template: spec is not found');
  });
});

describe('-o custom-columns', () => {
  test('values by path, <none> when missing, several joined by commas, braces optional', () => {
    const pod: KObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { app: 'web' } },
      spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox' }] },
    };
    expect(print([pod, { ...pod, metadata: { name: 'q' }, spec: { containers: [{ name: 'a', image: 'redis' }] } }], {
      output: 'custom-columns=NAME:.metadata.name,IMAGES:{.spec.containers[*].image},APP:metadata.labels.app,LABELS:.metadata.labels',
    })).toBe(
      'NAME   IMAGES          APP      LABELS\n' +
      'p      nginx,busybox   web      map[app:web]\n' +
      'q      redis           <none>   <none>\n',
    );
  });

  test('--no-headers, and the file form (a line of headers, a line of paths)', () => {
    expect(print([a, b], { output: 'custom-columns=N:.metadata.name', noHeaders: true })).toBe('a\nb\n');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kctl-printers-')), 'cols');
    fs.writeFileSync(file, 'NAME   NAMESPACE\n.metadata.name   {.metadata.namespace}\n');
    try {
      expect(print([a, b], { output: `custom-columns-file=${file}` })).toBe('NAME   NAMESPACE\na      default\nb      team\n');
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true });
    }
  });

  test('bad specs', () => {
    expect(() => print([a], { output: 'custom-columns=NAME' })).toThrow(new UsageError('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>'));
    expect(() => print([a], { output: 'custom-columns=' })).toThrow(new UsageError('custom-columns format specified but no custom columns given'));
  });
});

describe('--sort-by', () => {
  const named = (name: string, replicas?: number): KObject => ({ ...deploy, metadata: { ...deploy.metadata, name }, spec: { ...deploy.spec, replicas }, status: {} });
  const names = (objects: KObject[], sortBy: string) => print(objects, { sortBy, output: 'name' });

  test('strings in natural order, numbers by value, objects without the field first', () => {
    const objects = [named('web-10', 3), named('web-2', 10), named('web-1'), named('api', 1)];
    expect(names(objects, '.metadata.name')).toBe('deployment.apps/api\ndeployment.apps/web-1\ndeployment.apps/web-2\ndeployment.apps/web-10\n');
    expect(names(objects, '{.spec.replicas}')).toBe('deployment.apps/web-1\ndeployment.apps/api\ndeployment.apps/web-10\ndeployment.apps/web-2\n');
  });

  test('sorts tables within each kind', () => {
    expect(print([named('b', 1), a, named('a', 1)], { sortBy: '.metadata.name', noHeaders: true })).toBe('a     0/1   0     0     5m\nb     0/1   0     0     5m\na     1     5m\n');
  });

  test('a field no object has is an error, as in kubectl', () => {
    expect(() => names([a, b], '.spec.nothing')).toThrow(new UsageError('couldn\'t find any field with path "{.spec.nothing}" in the list of objects'));
  });
});

test('an unknown -o lists the formats kctl supports', () => {
  expect(() => print([a], { output: 'xyz' })).toThrow(
    new UsageError('unable to match a printer suitable for the output format "xyz", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'),
  );
});
