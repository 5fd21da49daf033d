import * as path from 'path';
import { UsageError } from '../../src/errors';
import { loadManifests } from '../../src/manifest/load';
import { FIXTURES, loadText, problems, stdinOf, tempDir } from '../fixtures/manifests/load-helpers';

const CONFIGMAP = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

describe('loadManifests: sources', () => {
  test('a file with several documents, empty ones skipped, positions of each object', async () => {
    const text = ['---', CONFIGMAP('a'), '---', '# only a comment', '---', '', '---', CONFIGMAP('b') + '---\n~\n'].join('\n');
    const r = await loadText(text, 'cm.yaml');
    expect(r.objects.map((o) => [o.obj.metadata.name, o.source])).toEqual([
      ['a', { file: 'cm.yaml', line: 2, column: 1, index: 0 }],
      ['b', { file: 'cm.yaml', line: 12, column: 1, index: 1 }],
    ]);
    expect(r.warnings).toEqual([]);
  });

  test('objects come back as written, without defaults', async () => {
    const r = await loadManifests(['good/nginx-deployment.yaml'], { cwd: FIXTURES });
    expect(r.objects[0].obj).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'nginx-deployment', labels: { app: 'nginx' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'nginx' } },
        template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }] } },
      },
    });
  });

  test('a directory: .yaml .yml .json files in sorted order, subdirectories only with recursive', async () => {
    const flat = await loadManifests(['dir'], { cwd: FIXTURES });
    expect(flat.objects.map((o) => o.source.file)).toEqual(['dir/a.yaml', 'dir/b.json']);
    const deep = await loadManifests(['./dir/'], { cwd: FIXTURES, recursive: true });
    expect(deep.objects.map((o) => o.source.file)).toEqual(['dir/a.yaml', 'dir/b.json', 'dir/sub/c.yml']);
  });

  test('a file given by name is read whatever its extension', async () => {
    const cwd = tempDir({ 'manifest.txt': CONFIGMAP('txt') });
    const r = await loadManifests(['manifest.txt'], { cwd });
    expect(r.objects.map((o) => o.obj.metadata.name)).toEqual(['txt']);
  });

  test('stdin with -, named STDIN in positions and errors', async () => {
    const r = await loadManifests(['-'], { cwd: '/', stdin: stdinOf(CONFIGMAP('from-stdin')) });
    expect(r.objects.map((o) => [o.obj.metadata.name, o.source.file])).toEqual([['from-stdin', 'STDIN']]);
    const lines = await problems(loadManifests(['-'], { cwd: '/', stdin: stdinOf('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad\n') }));
    expect(lines).toEqual([
      `STDIN:4:9: metadata.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
    ]);
  });

  test('a missing path is a usage error with kubectl\'s message', async () => {
    const e = await loadManifests(['x.yaml'], { cwd: tempDir({}) }).catch((err) => err);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toBe('the path "x.yaml" does not exist');
    expect(e.exitCode).toBe(2);
  });

  test('no path at all is a usage error', async () => {
    await expect(loadManifests([], { cwd: '/' })).rejects.toThrow(new UsageError('must specify one of -f and -k'));
  });

  test('problems of several files are reported together, file by file, top to bottom', async () => {
    const cwd = tempDir({
      'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: A\n  labelz: {}\n',
      'b.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: 1svc\n',
    });
    const lines = await problems(loadManifests(['a.yaml', 'b.yaml'], { cwd }));
    expect(lines).toEqual([
      `a.yaml:4:9: metadata.name: Invalid value: "A": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
      'a.yaml:5:3: metadata.labelz: unknown field "labelz", did you mean "labels"?',
      `b.yaml:1:1: spec.ports: Required value`,
      `b.yaml:4:9: metadata.name: Invalid value: "1svc": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character`,
    ]);
  });
});

test('through YAML merge keys and aliases, positions point at the anchored text', async () => {
  const text = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: p}',
    'spec:',
    '  containers:',
    '  - &base',
    '    name: a',
    '    image: nginx',
    '    imagePullPolicy: Sometimes',
    '  - <<: *base',
    '    name: b',
    '',
  ].join('\n');
  expect(await problems(loadText(text))).toEqual([
    'web.yaml:9:22: spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    'web.yaml:9:22: spec.containers[1].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
  ]);
});

test('a manifest full of typical mistakes: every problem, one line each, in file order', async () => {
  const lines = await problems(loadManifests(['bad/typical-mistakes.yaml'], { cwd: FIXTURES }));
  expect(lines).toEqual([
    `bad/typical-mistakes.yaml:5:9: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
    'bad/typical-mistakes.yaml:9:3: spec.replica: unknown field "replica", did you mean "replicas"?',
    'bad/typical-mistakes.yaml:16:9: spec.template.metadata.labels: Invalid value: {"app":"frontend"}: `selector` does not match template `labels`',
    'bad/typical-mistakes.yaml:22:26: spec.template.spec.containers[0].ports[0].containerPort: must be an integer',
    "bad/typical-mistakes.yaml:25:21: spec.template.spec.containers[0].resources.limits.memory: Invalid value: \"128MB\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    'bad/typical-mistakes.yaml:26:9: spec.template.spec.containers[0].imagePulPolicy: unknown field "imagePulPolicy", did you mean "imagePullPolicy"?',
    'bad/typical-mistakes.yaml:28:17: spec.template.spec.containers[0].volumeMounts[0].name: Not found: "data"',
    'bad/typical-mistakes.yaml:39:5: spec.ports[0].name: Required value',
    'bad/typical-mistakes.yaml:40:5: spec.ports[1].name: Required value',
  ]);
});

describe('loadManifests: kind List', () => {
  test('items are expanded, each with its own position', async () => {
    const r = await loadManifests(['good/kubectl-get-export.yaml'], { cwd: FIXTURES });
    expect(r.objects.map((o) => [o.obj.kind, o.source])).toEqual([
      ['Deployment', { file: 'good/kubectl-get-export.yaml', line: 4, column: 3, index: 0 }],
      ['Service', { file: 'good/kubectl-get-export.yaml', line: 95, column: 3, index: 1 }],
    ]);
  });

  test('problems inside items point into the item', async () => {
    const text = ['apiVersion: v1', 'kind: List', 'items:', '- apiVersion: v1', '  kind: ConfigMap', '  metadata:', '    name: ok', '- apiVersion: v1', '  kind: ConfigMap', '  metadata:', '    name: Bad_Name', ''].join('\n');
    expect(await problems(loadText(text))).toEqual([
      `web.yaml:11:11: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
      'nothing changed: the valid document configmap/ok (web.yaml:4:3) was not used either',
    ]);
  });

  test('an empty List gives no objects; items that are not a list are an error', async () => {
    expect((await loadText('apiVersion: v1\nkind: List\nitems: []\n')).objects).toEqual([]);
    expect(await problems(loadText('apiVersion: v1\nkind: List\nitems: {a: 1}\n'))).toEqual(['web.yaml:3:8: items: must be an array']);
  });
});

describe('loadManifests: namespaces', () => {
  test('defaultNamespace fills namespaced objects without a namespace, not Namespaces', async () => {
    const text = CONFIGMAP('a') + '---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n';
    const r = await loadText(text, 'web.yaml', { defaultNamespace: 'dev' });
    expect(r.objects.map((o) => o.obj.metadata)).toEqual([{ name: 'a', namespace: 'dev' }, { name: 'dev' }]);
  });

  test('an object that names its namespace keeps it (an explicit -n contradicting it is the command\'s error)', async () => {
    const r = await loadText(CONFIGMAP('a') + '  namespace: prod\n', 'web.yaml', { defaultNamespace: 'dev' });
    expect(r.objects[0].obj.metadata.namespace).toBe('prod');
  });

  test('without -n the namespace stays as written (absent here)', async () => {
    const r = await loadText(CONFIGMAP('a'));
    expect(r.objects[0].obj.metadata.namespace).toBeUndefined();
  });
});

describe('loadManifests: real-world manifests apply', () => {
  test('Kubernetes docs nginx Deployment and Service', async () => {
    const r = await loadManifests(['good/nginx-deployment.yaml', 'good/nginx-service.yaml'], { cwd: FIXTURES });
    expect(r.objects.map((o) => `${o.obj.kind}/${o.obj.metadata.name}`)).toEqual(['Deployment/nginx-deployment', 'Service/my-service']);
    expect(r.warnings).toEqual([]);
  });

  test('Helm-rendered chart: cluster-only fields and kinds are accepted with one warning each', async () => {
    const r = await loadManifests([path.join('good', 'helm-rendered.yaml')], { cwd: FIXTURES });
    expect(r.objects.map((o) => `${o.obj.kind}/${o.obj.metadata.name}`)).toEqual([
      'ConfigMap/release-web-config',
      'Service/release-web',
      'Deployment/release-web',
      'HorizontalPodAutoscaler/release-web',
      'Pod/release-web-test-connection',
    ]);
    expect(r.warnings).toEqual([
      'Warning: good/helm-rendered.yaml:3:1: ServiceAccount "release-web" is ignored by kctl (one Docker host)',
      'Warning: good/helm-rendered.yaml:88:7: spec.template.spec.serviceAccountName is ignored by kctl (one Docker host)',
      'Warning: good/helm-rendered.yaml:151:7: spec.template.spec.nodeSelector is ignored by kctl (one Docker host)',
      'Warning: good/helm-rendered.yaml:153:7: spec.template.spec.affinity is ignored by kctl (one Docker host)',
      'Warning: good/helm-rendered.yaml:162:7: spec.template.spec.tolerations is ignored by kctl (one Docker host)',
    ]);
  });

  test('kubectl get -o yaml exports (status, managedFields, defaults) apply without noise', async () => {
    const r = await loadManifests(['good/kubectl-get-export.yaml', 'good/pod-export.yaml'], { cwd: FIXTURES });
    expect(r.objects.map((o) => `${o.obj.kind}/${o.obj.metadata.name}`)).toEqual(['Deployment/web', 'Service/web', 'Pod/web-7d9c6b8f5-x2x7q']);
    expect(r.warnings).toEqual([
      'Warning: good/pod-export.yaml:38:3: spec.nodeName is ignored by kctl (one Docker host)',
      'Warning: good/pod-export.yaml:47:3: spec.tolerations is ignored by kctl (one Docker host)',
    ]);
  });

  test('kubernetes.io task-page examples: probes, UDP+TCP ports, basic-auth Secret, LoadBalancer status, Ingress', async () => {
    const r = await loadManifests(['good/docs-examples.yaml'], { cwd: FIXTURES });
    expect(r.objects.map((o) => `${o.obj.kind}/${o.obj.metadata.name}`)).toEqual([
      'Pod/liveness-exec',
      'Pod/liveness-http',
      'ConfigMap/game-demo',
      'Secret/secret-basic-auth',
      'Service/kube-dns-like',
      'Service/public',
      'PersistentVolumeClaim/myclaim',
      'HorizontalPodAutoscaler/php-apache',
      'Deployment/php-apache',
      'Ingress/php-apache',
    ]);
    expect(r.warnings).toEqual([
      'Warning: good/docs-examples.yaml:162:7: spec.template.spec.imagePullSecrets is ignored by kctl (one Docker host)',
      'Warning: good/docs-examples.yaml:164:7: spec.template.spec.topologySpreadConstraints is ignored by kctl (one Docker host)',
      'Warning: good/docs-examples.yaml:168:7: spec.template.spec.priorityClassName is ignored by kctl (one Docker host)',
    ]);
  });

  test('every kind, every volume type, probes, anchors, YAML 1.1 octal modes, JSON with tabs', async () => {
    const r = await loadManifests(['good/all-kinds.yaml', 'good/configmap.json'], { cwd: FIXTURES });
    expect(r.objects.map((o) => o.obj.kind)).toEqual([
      'Namespace', 'ConfigMap', 'Secret', 'Secret', 'PersistentVolumeClaim', 'Pod', 'Deployment', 'Service', 'Service', 'HorizontalPodAutoscaler', 'ConfigMap',
    ]);
    expect(r.warnings).toEqual([]);
    const pod = r.objects[5].obj;
    expect(pod.spec.volumes[2].configMap.defaultMode).toBe(0o644);
    expect(pod.spec.containers[0].resources.limits).toEqual({ cpu: 1, memory: 1e9 });
    const deploy = r.objects[6].obj;
    expect(deploy.spec.template.metadata.labels).toEqual({ app: 'worker', tier: 'backend' });
  });
});

describe('what -f reads', () => {
  const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n';

  test('in a directory, anything but a regular file is refused before it is opened: a FIFO, /dev/zero behind a symlink, a socket', async () => {
    const dir = tempDir({ 'a.yaml': CM });
    require('child_process').execFileSync('mkfifo', [path.join(dir, 'fifo.yaml')]);
    require('fs').symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    const server = require('net').createServer();
    await new Promise((r) => server.listen(path.join(dir, 'sock.yaml'), r));
    try {
      expect(await problems(loadManifests([dir], { cwd: '/' }))).toEqual([
        `${dir}/fifo.yaml: not a regular file (a FIFO); a directory's manifests must be regular files`,
        `${dir}/sock.yaml: not a regular file (a socket); a directory's manifests must be regular files`,
        `${dir}/zero.yaml: not a regular file (a character device); a directory's manifests must be regular files`,
        `nothing changed: the valid document configmap/ok (${dir}/a.yaml:1:1) was not used either`,
      ]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  test('a path given by name may be a pipe (-f <(...)); the size cap counts the bytes read, so /dev/zero stops at 10 MB', async () => {
    const dir = tempDir({});
    const fifo = path.join(dir, 'pipe');
    require('child_process').execFileSync('mkfifo', [fifo]);
    const writer = require('fs').promises.writeFile(fifo, CM);
    const r = await loadManifests([fifo], { cwd: '/' });
    await writer;
    expect(r.objects.map((o) => o.obj.metadata.name)).toEqual(['ok']);
    expect(await problems(loadManifests(['/dev/zero'], { cwd: '/' }))).toEqual(['/dev/zero: file is too large (more than 10 MB; the limit is 10 MB)']);
  });
});
