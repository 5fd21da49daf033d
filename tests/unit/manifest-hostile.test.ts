/** Hostile and broken input: each is a clear error line and exit code 3, never a crash or a stack trace. */
import { UsageError, ValidationError } from '../../src/errors';
import { loadManifests } from '../../src/manifest/load';
import { MAX_FILE_BYTES } from '../../src/manifest/sources';
import { loadText, problems, problemsOf, stdinOf, tempDir } from '../fixtures/manifests/load-helpers';

describe('malformed YAML', () => {
  test('syntax errors carry the parser\'s line and column; one per document', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n   x: 1\n- y\n---\napiVersion: v1\nkind: "ConfigMap\n';
    expect(await problemsOf(text)).toEqual([
      'web.yaml:4:9: Nested mappings are not allowed in compact mappings',
      'web.yaml:10:1: Missing closing "quote',
    ]);
  });

  test('tabs as indentation', async () => {
    expect(await problemsOf('apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n')).toEqual([
      'web.yaml:4:1: Tabs are not allowed as indentation',
    ]);
  });

  test('an alias to an anchor that does not exist', async () => {
    expect(await problemsOf('apiVersion: v1\nkind: ConfigMap\nmetadata: *meta\n')).toEqual(['web.yaml:3:11: unknown YAML alias *meta: no anchor &meta before it']);
  });

  test('duplicate keys are refused (yaml uniqueKeys)', async () => {
    expect(await problemsOf('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n')).toEqual(['web.yaml:5:3: Map keys must be unique']);
  });

  test('a "billion laughs" alias bomb is refused before it expands', async () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      '',
    ].join('\n');
    expect(await problemsOf(bomb)).toEqual(['web.yaml:1:1: too many YAML aliases (more than 100 expansions), refusing a possible "billion laughs" document']);
  });

  test('nesting deeper than any manifest is refused before the parser recurses (flow and block)', async () => {
    const flow = '['.repeat(50_000) + ']'.repeat(50_000);
    expect(await problemsOf(flow)).toEqual(['web.yaml:1:101: nesting is too deep (more than 100 levels)']);
    const block = Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n';
    expect(await problemsOf(block)).toEqual(['web.yaml:101:101: nesting is too deep (more than 100 levels)']);
  });
});

describe('files that are not manifests', () => {
  test('a file over the size cap', async () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 512 * 1024, 'a');
    expect(await problemsOf(big)).toEqual(['web.yaml: file is too large (10.5 MB; the limit is 10 MB)']);
  });

  test('stdin over the size cap stops reading', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const stdin = require('stream').Readable.from(Array.from({ length: 12 }, () => chunk));
    expect(await problems(loadManifests(['-'], { cwd: '/', stdin }))).toEqual(['STDIN: file is too large (more than 10 MB; the limit is 10 MB)']);
  });

  test('binary garbage (NUL bytes)', async () => {
    expect(await problemsOf(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]))).toEqual([
      'web.yaml: file is binary (NUL byte at offset 6), not YAML or JSON',
    ]);
  });

  test('invalid UTF-8', async () => {
    const text = Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    expect(await problemsOf(text)).toEqual(['web.yaml: file is not valid UTF-8 (line 4, column 9)']);
  });

  test('a UTF-8 byte order mark and CRLF line endings are fine', async () => {
    const text = '\uFEFFapiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: a\r\n';
    const r = await loadText(text);
    expect(r.objects.map((o) => o.obj.metadata.name)).toEqual(['a']);
  });

  test('documents that are not objects', async () => {
    expect(await problemsOf('"just a string"\n---\n- a\n- b\n---\n42\n---\ntrue\n')).toEqual([
      'web.yaml:1:1: expected a Kubernetes object (a mapping with apiVersion, kind and metadata), found a string',
      'web.yaml:3:1: expected a Kubernetes object (a mapping with apiVersion, kind and metadata), found a list',
      'web.yaml:6:1: expected a Kubernetes object (a mapping with apiVersion, kind and metadata), found a number',
      'web.yaml:8:1: expected a Kubernetes object (a mapping with apiVersion, kind and metadata), found a boolean',
    ]);
  });
});

describe('keys that could reach object prototypes', () => {
  test('__proto__, constructor and prototype are refused anywhere, and nothing is polluted', async () => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      '__proto__:',
      '  polluted: yes',
      'metadata:',
      '  name: a',
      '  labels:',
      '    constructor: x',
      'data:',
      '  prototype: x',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '  - {name: c, image: i, env: [{name: A, __proto__: {polluted: true}}]}',
      '',
    ].join('\n');
    expect(await problemsOf(text)).toEqual([
      'web.yaml:3:1: key "__proto__" is not allowed',
      'web.yaml:8:5: metadata.labels: key "constructor" is not allowed',
      'web.yaml:10:3: data: key "prototype" is not allowed',
      'web.yaml:17:41: spec.containers[0].env[0]: key "__proto__" is not allowed',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('in JSON files too', async () => {
    const json = '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "__proto__": {"polluted": true}}}';
    expect(await problemsOf(json, 'cm.json')).toEqual(['cm.json:1:69: metadata: key "__proto__" is not allowed']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('apiVersion, kind and name', () => {
  test('unknown kind or version, as kubectl says it', async () => {
    const text = 'apiVersion: bar/v1\nkind: Foo\nmetadata: {name: a}\n---\napiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: a}\n';
    expect(await problemsOf(text)).toEqual([
      'web.yaml:2:7: no matches for kind "Foo" in version "bar/v1" (ensure CRDs are installed first)',
      'web.yaml:6:7: no matches for kind "Deployment" in version "extensions/v1beta1" (kctl serves Deployment in "apps/v1")',
    ]);
  });

  test("a Kubernetes kind kctl does not serve says so, the valid documents are named as not used, and the hint lists the kinds kctl serves", async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: db}\n';
    const dir = tempDir({ 'app.yaml': text });
    const error = await loadManifests(['app.yaml'], { cwd: dir }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.problems).toEqual([
      'app.yaml:6:7: kctl does not serve kind "EndpointSlice" (discovery.k8s.io/v1) yet',
      'nothing changed: the valid document configmap/a (app.yaml:1:1) was not used either',
    ]);
    expect(error.hint).toMatch(/^kctl serves Namespace, Deployment, DaemonSet, StatefulSet, Pod, Service, ReplicationController, ConfigMap, Secret, /);
  });

  test('kinds kctl makes itself cannot be applied', async () => {
    expect(await problemsOf('apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: a}\n')).toEqual([
      'web.yaml:2:7: kind ReplicaSet cannot be applied: kctl creates replicasets itself',
    ]);
  });

  test('missing apiVersion, kind, metadata, metadata.name', async () => {
    const text = 'metadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: web-\n';
    expect(await problemsOf(text)).toEqual([
      'web.yaml:1:1: apiVersion: Required value',
      'web.yaml:1:1: kind: Required value',
      'web.yaml:3:1: metadata: Required value',
      'web.yaml:8:1: metadata.name: Required value: name or generateName is required',
      'web.yaml:13:1: metadata.name: Required value: kctl does not support generateName; set metadata.name',
    ]);
  });

  test('apiVersion and kind that are not strings', async () => {
    expect(await problemsOf('apiVersion: 1\nkind: [a]\nmetadata: {name: a}\n')).toEqual([
      'web.yaml:1:13: apiVersion: must be a string',
      'web.yaml:2:7: kind: must be a string',
    ]);
  });
});

test('a file with a flood of problems reports the first 200 and how many more', async () => {
  const items = Array.from({ length: 300 }, (_, i) => `- {apiVersion: v1, kind: ConfigMap, metadata: {name: Bad${i}}}`);
  const lines = await problemsOf(['apiVersion: v1', 'kind: List', 'items:', ...items, ''].join('\n'));
  expect(lines).toHaveLength(201);
  expect(lines[200]).toBe('... and 100 more problems');
});

test('URLs are refused clearly (no network access)', async () => {
  await expect(loadManifests(['https://example.com/web.yaml'], { cwd: '/' })).rejects.toThrow(
    new UsageError('cannot read "https://example.com/web.yaml": kctl reads manifests from local files and stdin only'),
  );
});

test('every hostile case is a ValidationError with exit code 3', async () => {
  const cwd = tempDir({ 'a.yaml': '- x\n', 'b.yaml': Buffer.from([0]) });
  const e = await loadManifests(['a.yaml', 'b.yaml'], { cwd }).catch((err) => err);
  expect(e).toBeInstanceOf(ValidationError);
  expect(e.exitCode).toBe(3);
  expect(e.problems).toHaveLength(2);
});

test('stdin helper sanity: an empty stdin gives no objects', async () => {
  expect((await loadManifests(['-'], { cwd: '/', stdin: stdinOf('') })).objects).toEqual([]);
});
