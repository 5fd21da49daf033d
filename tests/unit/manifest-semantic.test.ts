/** Semantic rules (semantics.md "Names, labels, defaults" and Kubernetes validation), with kubectl's messages. */
import { loadText, problemsOf } from '../fixtures/manifests/load-helpers';

const yaml = (...lines: string[]) => lines.join('\n') + '\n';

const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

describe('names', () => {
  test('DNS-1123 subdomain for most kinds, DNS-1035 label for Services, DNS-1123 label for Namespaces', async () => {
    const text = yaml(
      'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: Web}',
      '---',
      'apiVersion: v1', 'kind: Service', 'metadata: {name: 9lives}', 'spec: {ports: [{port: 80}]}',
      '---',
      'apiVersion: v1', 'kind: Namespace', 'metadata: {name: team.a}',
      '---',
      'apiVersion: v1', 'kind: Secret', `metadata: {name: ${'a'.repeat(254)}}`,
    );
    expect(await problemsOf(text)).toEqual([
      `web.yaml:3:18: metadata.name: Invalid value: "Web": ${SUBDOMAIN}`,
      `web.yaml:7:18: metadata.name: Invalid value: "9lives": ${DNS1035}`,
      `web.yaml:12:18: metadata.name: Invalid value: "team.a": ${LABEL}`,
      `web.yaml:16:18: metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`,
    ]);
  });

  test('namespace, label keys and values, annotation keys', async () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: web',
      '  namespace: Prod',
      '  labels:',
      '    app.kubernetes.io/name: web',
      '    "bad key": x',
      '    tier: "-frontend"',
      '    example.com/: x',
      '  annotations:',
      '    kubernetes.io/change-cause: anything goes here, even spaces',
      '    a/b/c: x',
    );
    expect(await problemsOf(text)).toEqual([
      `web.yaml:5:14: metadata.namespace: Invalid value: "Prod": ${LABEL}`,
      `web.yaml:8:5: metadata.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
      `web.yaml:9:11: metadata.labels: Invalid value: "-frontend": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
      'web.yaml:10:5: metadata.labels: Invalid value: "example.com/": name part must be non-empty',
      `web.yaml:13:5: metadata.annotations: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]);
  });
});

describe('Deployment', () => {
  const deploy = (...specLines: string[]) =>
    yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', ...specLines);
  const template = ['  template:', '    metadata:', '      labels: {app: web}', '    spec:', '      containers: [{name: web, image: nginx}]'];

  test('empty selector', async () => {
    expect(await problemsOf(deploy('  selector: {}', ...template))).toEqual([
      'web.yaml:6:13: spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    ]);
  });

  test('selector that does not match the template labels', async () => {
    expect(await problemsOf(deploy('  selector:', '    matchLabels: {app: api}', ...template))).toEqual([
      'web.yaml:10:15: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  test('matchExpressions operators and values', async () => {
    const text = deploy(
      '  selector:',
      '    matchExpressions:',
      '    - {key: app, operator: In, values: []}',
      '    - {key: app, operator: Exists, values: [web]}',
      '    - {key: app, operator: Near}',
      ...template,
    );
    expect(await problemsOf(text)).toEqual([
      "web.yaml:8:40: spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "web.yaml:9:36: spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'web.yaml:10:28: spec.selector.matchExpressions[2].operator: Unsupported value: "Near": supported values: "In", "NotIn", "Exists", "DoesNotExist"',
      // `In` with no values matches nothing, so the template labels do not match either (as in Kubernetes).
      'web.yaml:13:15: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  test('strategy rules: both 0, over 100%, not a percentage, rollingUpdate with Recreate', async () => {
    const sel = ['  selector:', '    matchLabels: {app: web}'];
    const text =
      deploy(...sel, '  strategy:', '    rollingUpdate: {maxSurge: 0, maxUnavailable: "0%"}', ...template) +
      '---\n' + deploy(...sel, '  strategy:', '    rollingUpdate: {maxSurge: 25 %, maxUnavailable: 110%}', ...template) +
      '---\n' + deploy(...sel, '  strategy:', '    type: Recreate', '    rollingUpdate: {maxSurge: 1}', ...template);
    expect(await problemsOf(text)).toEqual([
      'web.yaml:9:50: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0',
      "web.yaml:24:31: spec.strategy.rollingUpdate.maxSurge: Invalid value: \"25 %\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%' or '93%')",
      'web.yaml:24:53: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "110%": must not be greater than 100%',
      "web.yaml:40:5: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
  });

  test('a maxSurge of 0 alone is fine: maxUnavailable defaults to 25%', async () => {
    const text = deploy('  selector:', '    matchLabels: {app: web}', '  strategy:', '    rollingUpdate: {maxSurge: 0}', ...template);
    expect((await loadText(text)).objects).toHaveLength(1);
  });

  test('progressDeadlineSeconds must exceed minReadySeconds; negative numbers', async () => {
    const text = deploy('  replicas: -1', '  minReadySeconds: 30', '  progressDeadlineSeconds: 30', '  selector:', '    matchLabels: {app: web}', ...template);
    expect(await problemsOf(text)).toEqual([
      'web.yaml:6:13: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'web.yaml:8:28: spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds',
    ]);
  });

  test('the template restartPolicy must be Always', async () => {
    const text = deploy('  selector:', '    matchLabels: {app: web}', ...template, '      restartPolicy: OnFailure');
    expect(await problemsOf(text)).toEqual(['web.yaml:13:22: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"']);
  });
});

describe('pod spec', () => {
  const pod = (...specLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', ...specLines);

  test('containers: required, names, duplicates (with init containers), image', async () => {
    expect(await problemsOf(pod('  containers: []'))).toEqual(['web.yaml:6:15: spec.containers: Required value']);
    const text = pod(
      '  initContainers:',
      '  - {name: setup, image: busybox}',
      '  containers:',
      '  - {name: setup, image: " nginx"}',
      '  - {name: Web_1, image: ""}',
      '  - {image: nginx}',
    );
    expect(await problemsOf(text)).toEqual([
      'web.yaml:9:12: spec.containers[0].name: Duplicate value: "setup"',
      'web.yaml:9:26: spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace',
      `web.yaml:10:12: spec.containers[1].name: Invalid value: "Web_1": ${LABEL}`,
      'web.yaml:10:26: spec.containers[1].image: Required value',
      'web.yaml:11:5: spec.containers[2].name: Required value',
    ]);
  });

  test('ports: ranges, names, duplicate names, duplicate host ports', async () => {
    const text = pod(
      '  containers:',
      '  - name: a',
      '    image: nginx',
      '    ports:',
      '    - {containerPort: 0}',
      '    - {containerPort: 8080, name: HTTP}',
      '    - {containerPort: 8081, name: http, hostPort: 70000}',
      '    - {containerPort: 8082, name: metrics-port-too-long, hostPort: 8000}',
      '  - name: b',
      '    image: nginx',
      '    ports:',
      '    - {containerPort: 9090, name: http, hostPort: 8000}',
    );
    expect(await problemsOf(text)).toEqual([
      'web.yaml:10:23: spec.containers[0].ports[0].containerPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      'web.yaml:11:35: spec.containers[0].ports[1].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'web.yaml:11:35: spec.containers[0].ports[1].name: Invalid value: "HTTP": must contain at least one letter (a-z)',
      'web.yaml:12:51: spec.containers[0].ports[2].hostPort: Invalid value: 70000: must be between 0 and 65535, inclusive',
      'web.yaml:13:35: spec.containers[0].ports[3].name: Invalid value: "metrics-port-too-long": must be no more than 15 characters',
      'web.yaml:17:35: spec.containers[1].ports[0].name: Duplicate value: "http"',
      'web.yaml:17:51: spec.containers[1].ports[0].hostPort: Duplicate value: "8000/TCP"',
    ]);
  });

  test('volume file paths: relative, no \'..\', no empty or \'.\' element; image references Docker can parse', async () => {
    const text = pod(
      '  containers:',
      '  - name: a',
      '    image: "kctl test/busy box"',
      '  volumes:',
      '  - name: c',
      '    configMap: {name: cfg, items: [{key: k, path: "."}, {key: l, path: "d/"}, {key: m, path: "x//y"}, {key: nn, path: "../up"}, {key: o, path: ""}]}',
      '  - name: d',
      '    downwardAPI: {items: [{path: "/abs", fieldRef: {fieldPath: metadata.name}}]}',
    );
    expect(await problemsOf(text)).toEqual([
      'web.yaml:8:12: spec.containers[0].image: Invalid value: "kctl test/busy box": invalid reference format',
      'web.yaml:11:51: spec.volumes[0].configMap.items[0].path: Invalid value: ".": must not contain an empty or \'.\' path element',
      'web.yaml:11:72: spec.volumes[0].configMap.items[1].path: Invalid value: "d/": must not contain an empty or \'.\' path element',
      'web.yaml:11:94: spec.volumes[0].configMap.items[2].path: Invalid value: "x//y": must not contain an empty or \'.\' path element',
      'web.yaml:11:119: spec.volumes[0].configMap.items[3].path: Invalid value: "../up": must not contain \'..\'',
      'web.yaml:11:144: spec.volumes[0].configMap.items[4].path: Required value',
      'web.yaml:13:34: spec.volumes[1].downwardAPI.items[0].path: Invalid value: "/abs": must be a relative path',
    ]);
  });

  test('ports: hostIP is an IP address', async () => {
    const text = pod('  containers:', '  - name: a', '    image: nginx', '    ports:', '    - {containerPort: 80, hostPort: 8080, hostIP: "localhost"}', '    - {containerPort: 81, hostPort: 8081, hostIP: "::1"}');
    expect(await problemsOf(text)).toEqual(['web.yaml:10:51: spec.containers[0].ports[0].hostIP: Invalid value: "localhost": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
  });

  test('env: names, value with valueFrom, sources, references', async () => {
    const text = pod(
      '  containers:',
      '  - name: a',
      '    image: nginx',
      '    env:',
      '    - {name: 1ST, value: x}',
      '    - {name: A, value: x, valueFrom: {fieldRef: {fieldPath: metadata.name}}}',
      '    - {name: B, valueFrom: {}}',
      '    - {name: C, valueFrom: {fieldRef: {fieldPath: spec.nodeName}, secretKeyRef: {name: s, key: k}}}',
      '    - {name: D, valueFrom: {fieldRef: {fieldPath: metadata.title}}}',
      '    - {name: E, valueFrom: {configMapKeyRef: {key: "bad key"}}}',
      '    - {name: F, valueFrom: {resourceFieldRef: {resource: limits.gpu}}}',
      '    - {name: G, value: 8080}',
      '    envFrom:',
      '    - {prefix: "1_"}',
    );
    expect(await problemsOf(text)).toEqual([
      "web.yaml:10:14: spec.containers[0].env[0].name: Invalid value: \"1ST\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
      'web.yaml:11:38: spec.containers[0].env[1].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
      'web.yaml:12:28: spec.containers[0].env[2].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      'web.yaml:13:28: spec.containers[0].env[3].valueFrom: Invalid value: "": may not have more than one field specified at a time',
      'web.yaml:14:51: spec.containers[0].env[4].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.title": supported values: "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
      'web.yaml:15:29: spec.containers[0].env[5].valueFrom.configMapKeyRef.name: Required value',
      "web.yaml:15:52: spec.containers[0].env[5].valueFrom.configMapKeyRef.key: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
      'web.yaml:16:58: spec.containers[0].env[6].valueFrom.resourceFieldRef.resource: Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"',
      'web.yaml:17:24: spec.containers[0].env[7].value: must be a string',
      'web.yaml:19:7: spec.containers[0].envFrom[0]: Invalid value: "": must specify one of: `configMapRef` or `secretRef`',
      "web.yaml:19:16: spec.containers[0].envFrom[0].prefix: Invalid value: \"1_\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
    ]);
  });

  test('resources: quantities, negative values, requests above limits', async () => {
    const text = pod(
      '  containers:',
      '  - name: a',
      '    image: nginx',
      '    resources:',
      '      limits: {cpu: 500m, memory: 128MB, nvidia.com/gpu: 1}',
      '      requests: {cpu: "1", memory: -1Gi}',
    );
    expect(await problemsOf(text)).toEqual([
      "web.yaml:10:35: spec.containers[0].resources.limits.memory: Invalid value: \"128MB\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      'web.yaml:11:23: spec.containers[0].resources.requests.cpu: Invalid value: "1": must be less than or equal to cpu limit of 500m',
      'web.yaml:11:36: spec.containers[0].resources.requests.memory: Invalid value: "-1Gi": must be greater than or equal to 0',
    ]);
  });

  test('volumes and mounts: names, duplicates, sources, undefined volumes, unique mount paths, paths', async () => {
    const text = pod(
      '  containers:',
      '  - name: a',
      '    image: nginx',
      '    volumeMounts:',
      '    - {name: data, mountPath: /data}',
      '    - {name: cache, mountPath: /data}',
      '    - {name: conf, mountPath: /etc/conf, subPath: ../etc}',
      '  volumes:',
      '  - {name: data, emptyDir: {}}',
      '  - {name: data, emptyDir: {}, hostPath: {path: /tmp}}',
      '  - {name: conf}',
      '  - {name: nfs, nfs: {server: 10.0.0.1, path: /exports}}',
      '  - {name: secret, secret: {items: [{key: a, path: /abs}]}}',
    );
    expect(await problemsOf(text)).toEqual([
      'web.yaml:11:14: spec.containers[0].volumeMounts[1].name: Not found: "cache"',
      'web.yaml:11:32: spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique',
      "web.yaml:12:51: spec.containers[0].volumeMounts[2].subPath: Invalid value: \"../etc\": must not contain '..'",
      'web.yaml:15:12: spec.volumes[1].name: Duplicate value: "data"',
      'web.yaml:15:32: spec.volumes[1].hostPath: Forbidden: may not specify more than 1 volume type',
      'web.yaml:16:5: spec.volumes[2]: Required value: must specify a volume type',
      'web.yaml:17:17: spec.volumes[3].nfs: Forbidden: not supported by kctl (one Docker host); use one of emptyDir, hostPath, configMap, secret, persistentVolumeClaim, projected, downwardAPI',
      'web.yaml:18:20: spec.volumes[4].secret.secretName: Required value',
      'web.yaml:18:52: spec.volumes[4].secret.items[0].path: Invalid value: "/abs": must be a relative path',
    ]);
  });

  test('probes and lifecycle handlers: exactly one handler, successThreshold, port names', async () => {
    const text = pod(
      '  containers:',
      '  - name: a',
      '    image: nginx',
      '    readinessProbe: {periodSeconds: 5}',
      '    livenessProbe:',
      '      httpGet: {path: /healthz, port: Web_Port}',
      '      tcpSocket: {port: 80}',
      '      successThreshold: 2',
      '    startupProbe: {exec: {command: []}, periodSeconds: 0}',
      '    lifecycle:',
      '      preStop: {}',
    );
    expect(await problemsOf(text)).toEqual([
      'web.yaml:9:21: spec.containers[0].readinessProbe: Required value: must specify a handler type',
      'web.yaml:11:39: spec.containers[0].livenessProbe.httpGet.port: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'web.yaml:12:7: spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
      'web.yaml:13:25: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      'web.yaml:14:36: spec.containers[0].startupProbe.exec.command: Required value',
      'web.yaml:14:56: spec.containers[0].startupProbe.periodSeconds: Invalid value: 0: must be greater than or equal to 1',
      'web.yaml:16:16: spec.containers[0].lifecycle.preStop: Required value: must specify a handler type',
    ]);
  });
});

describe('Service', () => {
  const svc = (...specLines: string[]) => yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', ...specLines);

  test('several ports need names; names unique; ports and protocols unique', async () => {
    const text = svc('  ports:', '  - {port: 80}', '  - {name: http, port: 443, targetPort: HTTPS}', '  - {name: http, port: 443}');
    expect(await problemsOf(text)).toEqual([
      'web.yaml:7:5: spec.ports[0].name: Required value',
      'web.yaml:8:41: spec.ports[1].targetPort: Invalid value: "HTTPS": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'web.yaml:8:41: spec.ports[1].targetPort: Invalid value: "HTTPS": must contain at least one letter (a-z)',
      'web.yaml:9:5: spec.ports[2]: Duplicate value: {"port":443,"protocol":"TCP"}',
      'web.yaml:9:12: spec.ports[2].name: Duplicate value: "http"',
    ]);
  });

  test('port ranges, nodePort range and type', async () => {
    const text =
      svc('  type: NodePort', '  ports:', '  - {name: a, port: 0, nodePort: 8080}', '  - {name: b, port: 80, targetPort: 65536, nodePort: 30080}') +
      '---\n' + svc('  ports:', '  - {port: 80, nodePort: 30080}');
    expect(await problemsOf(text)).toEqual([
      'web.yaml:8:21: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'web.yaml:8:34: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
      'web.yaml:9:37: spec.ports[1].targetPort: Invalid value: 65536: must be between 1 and 65535, inclusive',
      "web.yaml:17:16: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
  });

  test('type ExternalName, a bad clusterIP, selector labels', async () => {
    const text = svc('  type: ExternalName', '  externalName: db.example.com', '  clusterIP: 10.0.0.300', '  selector: {app: "web app"}');
    expect(await problemsOf(text)).toEqual([
      'web.yaml:6:9: spec.type: Unsupported value: "ExternalName": kctl supports "ClusterIP", "NodePort" and "LoadBalancer"',
      'web.yaml:8:14: spec.clusterIP: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      "web.yaml:9:19: spec.selector: Invalid value: \"web app\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
    ]);
  });
});

describe('ConfigMap and Secret', () => {
  test('keys, values that are not strings, binaryData base64, duplicates across data and binaryData', async () => {
    const text = yaml(
      'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}',
      'data:',
      '  "my key": x',
      '  port: 8080',
      '  logo: x',
      '  ..hidden: x',
      'binaryData:',
      '  logo: "@@@@"',
    );
    expect(await problemsOf(text)).toEqual([
      "web.yaml:5:3: data[my key]: Invalid value: \"my key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
      'web.yaml:6:9: data.port: must be a string',
      'web.yaml:7:3: data.logo: Invalid value: "logo": duplicate of key present in binaryData',
      "web.yaml:8:3: data[..hidden]: Invalid value: \"..hidden\": must not start with '..'",
      'web.yaml:10:9: binaryData.logo: illegal base64 data at input byte 0',
    ]);
  });

  test('Secret data must be valid base64; typed Secrets need their keys', async () => {
    const text = yaml(
      'apiVersion: v1', 'kind: Secret', 'metadata: {name: s}', 'type: kubernetes.io/tls',
      'data:',
      '  tls.crt: bm90IGEgY2VydA==',
      '  password: cGFzc3dvcmQ',
      '  token: "abc$def="',
      'stringData:',
      '  plain: not base64 and fine',
    );
    expect(await problemsOf(text)).toEqual([
      'web.yaml:5:1: data[tls.key]: Required value',
      'web.yaml:7:13: data.password: illegal base64 data at input byte 8',
      'web.yaml:8:10: data.token: illegal base64 data at input byte 3',
    ]);
  });
});

describe('PersistentVolumeClaim and HorizontalPodAutoscaler', () => {
  test('PVC: access modes, storage request', async () => {
    const text = yaml(
      'apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata: {name: data}', 'spec:',
      '  accessModes: [ReadWriteOnce, WriteMany]',
      '  volumeMode: Block',
      '  resources:',
      '    requests: {}',
      '---',
      'apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata: {name: data}', 'spec:',
      '  accessModes: []',
      '  resources: {requests: {storage: 0}}',
    );
    expect(await problemsOf(text)).toEqual([
      'web.yaml:5:32: spec.accessModes[1]: Unsupported value: "WriteMany": supported values: "ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"',
      'web.yaml:6:15: spec.volumeMode: Unsupported value: "Block": kctl supports "Filesystem"',
      'web.yaml:8:5: spec.resources.requests.storage: Required value',
      'web.yaml:14:16: spec.accessModes: Required value',
      'web.yaml:15:35: spec.resources.requests.storage: Invalid value: 0: must be greater than zero',
    ]);
  });

  test('HPA: min <= max, target kind, metric targets, behavior ranges', async () => {
    const text = yaml(
      'apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata: {name: web}', 'spec:',
      '  scaleTargetRef: {apiVersion: apps/v1, kind: DaemonSet, name: web}',
      '  minReplicas: 5',
      '  maxReplicas: 2',
      '  metrics:',
      '  - type: Resource',
      '    resource: {name: cpu, target: {type: Utilization}}',
      '  - type: Resource',
      '    resource: {name: memory, target: {type: AverageValue, averageValue: 0}}',
      '  - type: Pods',
      '  behavior:',
      '    scaleDown: {stabilizationWindowSeconds: 7200, selectPolicy: Fastest}',
    );
    expect(await problemsOf(text)).toEqual([
      'web.yaml:5:47: spec.scaleTargetRef.kind: Unsupported value: "DaemonSet": supported values: "Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"',
      'web.yaml:7:16: spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`',
      'web.yaml:10:27: spec.metrics[0].resource.target.averageUtilization: Required value: must populate the given metric target',
      'web.yaml:12:73: spec.metrics[1].resource.target.averageValue: Invalid value: 0: must be positive',
      'web.yaml:13:11: spec.metrics[2].type: Unsupported value: "Pods": supported values: "Resource"',
      'web.yaml:15:45: spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: 7200: must be between 0 and 3600, inclusive',
      'web.yaml:15:65: spec.behavior.scaleDown.selectPolicy: Unsupported value: "Fastest": supported values: "Max", "Min", "Disabled"',
    ]);
  });
});
