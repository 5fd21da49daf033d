/**
 * The bad-input corpus (tests/fixtures/broken/) and what `kctl apply -f <file>` must print for each file:
 * the complete stderr, line by line, and the exit code (3 for validation; 1 for a file without objects, as
 * kubectl's "no objects passed to apply"). File names say the category: syntax-, type-, unknown-, limit-,
 * hostile-, kind-, strategy-, name-/label-/selector-/container-, quantity-/port-/probe-/service-/secret-/...,
 * multi-document-/list- (one bad object among good ones: nothing is applied).
 */
export interface BadInputCase {
  file: string;
  exit: number;
  stderr: string[];
}

/** 250 env values that are numbers: kctl reports the first 200 problems and how many more there are. */
const tooManyProblems: BadInputCase = {
  file: 'limit-too-many-problems.yaml',
  exit: 3,
  stderr: [
    ...Array.from({ length: 200 }, (_, i) => `error: limit-too-many-problems.yaml:${20 + 2 * i}:22: spec.template.spec.containers[0].env[${i}].value: must be a string`),
    'error: ... and 50 more problems',
  ],
};

export const BAD_INPUT_CASES: BadInputCase[] = [
  { file: "configmap-bad-key.yaml", exit: 3, stderr: [
    "error: configmap-bad-key.yaml:6:3: data[log level]: Invalid value: \"log level\": a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
  ] },
  { file: "container-image-missing.yaml", exit: 3, stderr: [
    "error: container-image-missing.yaml:16:11: spec.template.spec.containers[0].image: Required value",
  ] },
  { file: "container-list-empty.yaml", exit: 3, stderr: [
    "error: container-list-empty.yaml:15:19: spec.template.spec.containers: Required value",
  ] },
  { file: "container-name-duplicate.yaml", exit: 3, stderr: [
    "error: container-name-duplicate.yaml:18:17: spec.template.spec.containers[1].name: Duplicate value: \"web\"",
  ] },
  { file: "container-name-invalid.yaml", exit: 3, stderr: [
    "error: container-name-invalid.yaml:16:17: spec.template.spec.containers[0].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  ] },
  { file: "empty-file.yaml", exit: 1, stderr: [
    "error: no objects passed to apply",
  ] },
  { file: "hostile-alias-bomb.yaml", exit: 3, stderr: [
    "error: hostile-alias-bomb.yaml:1:1: too many YAML aliases (more than 100 expansions), refusing a possible \"billion laughs\" document",
  ] },
  { file: "hostile-binary-garbage.yaml", exit: 3, stderr: [
    "error: hostile-binary-garbage.yaml: file is binary (NUL byte at offset 7), not YAML or JSON",
  ] },
  { file: "hostile-binary-tag.yaml", exit: 3, stderr: [
    "error: hostile-binary-tag.yaml:6:22: data.password: illegal base64 data at input byte 0",
  ] },
  { file: "hostile-constructor-key.json", exit: 3, stderr: [
    "error: hostile-constructor-key.json:1:86: data: key \"constructor\" is not allowed",
  ] },
  { file: "hostile-custom-tag.yaml", exit: 3, stderr: [
    "error: hostile-custom-tag.yaml:6:41: data.mode: must be a string",
  ] },
  { file: "hostile-document-list.yaml", exit: 3, stderr: [
    "error: hostile-document-list.yaml:1:1: expected a Kubernetes object (a mapping with apiVersion, kind and metadata), found a list",
  ] },
  { file: "hostile-document-number.yaml", exit: 3, stderr: [
    "error: hostile-document-number.yaml:1:1: expected a Kubernetes object (a mapping with apiVersion, kind and metadata), found a number",
  ] },
  { file: "hostile-document-string.yaml", exit: 3, stderr: [
    "error: hostile-document-string.yaml:1:1: expected a Kubernetes object (a mapping with apiVersion, kind and metadata), found a string",
  ] },
  { file: "hostile-invalid-utf8.yaml", exit: 3, stderr: [
    "error: hostile-invalid-utf8.yaml: file is not valid UTF-8 (line 6, column 12)",
  ] },
  { file: "hostile-nul-byte.yaml", exit: 3, stderr: [
    "error: hostile-nul-byte.yaml: file is binary (NUL byte at offset 74), not YAML or JSON",
  ] },
  { file: "hostile-proto-key.yaml", exit: 3, stderr: [
    "error: hostile-proto-key.yaml:6:5: metadata.labels: key \"__proto__\" is not allowed",
  ] },
  { file: "hpa-min-greater-than-max.yaml", exit: 3, stderr: [
    "error: hpa-min-greater-than-max.yaml:11:16: spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`",
  ] },
  { file: "kind-api-version-missing.yaml", exit: 3, stderr: [
    "error: kind-api-version-missing.yaml:1:1: apiVersion: Required value",
  ] },
  { file: "kind-list-items-mapping.yaml", exit: 3, stderr: [
    "error: kind-list-items-mapping.yaml:4:3: items: must be an array",
  ] },
  { file: "kind-missing.yaml", exit: 3, stderr: [
    "error: kind-missing.yaml:1:1: kind: Required value",
  ] },
  { file: "kind-old-api-version.yaml", exit: 3, stderr: [
    "error: kind-old-api-version.yaml:2:7: no matches for kind \"Deployment\" in version \"extensions/v1beta1\" (kctl serves Deployment in \"apps/v1\")",
  ] },
  { file: "kind-replicaset.yaml", exit: 3, stderr: [
    "error: kind-replicaset.yaml:2:7: kind ReplicaSet cannot be applied: kctl creates replicasets itself",
  ] },
  { file: "kind-typo.yaml", exit: 3, stderr: [
    "error: kind-typo.yaml:2:7: no matches for kind \"Deploymnet\" in version \"apps/v1\" (ensure CRDs are installed first)",
    "hint: kctl serves Namespace, Deployment, DaemonSet, StatefulSet, Pod, Service, ReplicationController, ConfigMap, Secret, PersistentVolumeClaim, PersistentVolume, StorageClass, HorizontalPodAutoscaler, Job, CronJob, Ingress, IngressClass, CustomResourceDefinition",
  ] },
  { file: "label-key-two-slashes.yaml", exit: 3, stderr: [
    "error: label-key-two-slashes.yaml:14:9: spec.template.metadata.labels: Invalid value: \"example.com/a/b\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
  ] },
  { file: "label-value-bad-ends.yaml", exit: 3, stderr: [
    "error: label-value-bad-ends.yaml:14:15: spec.template.metadata.labels: Invalid value: \"-front-\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  ] },
  { file: "label-value-too-long.yaml", exit: 3, stderr: [
    "error: label-value-too-long.yaml:14:15: spec.template.metadata.labels: Invalid value: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\": must be no more than 63 characters",
  ] },
  { file: "limit-deep-flow.json", exit: 3, stderr: [
    "error: limit-deep-flow.json:1:180: nesting is too deep (more than 100 levels)",
  ] },
  { file: "limit-deep-nesting.yaml", exit: 3, stderr: [
    "error: limit-deep-nesting.yaml:105:201: nesting is too deep (more than 100 levels)",
  ] },
  { file: "limit-name-too-long.yaml", exit: 3, stderr: [
    "error: limit-name-too-long.yaml:4:9: metadata.name: Invalid value: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": must be no more than 253 characters",
  ] },
  { file: "limit-replicas-huge.yaml", exit: 3, stderr: [
    "error: limit-replicas-huge.yaml:6:13: spec.replicas: Invalid value: 1000000000000: must be less than or equal to 2147483647",
  ] },
  { file: "limit-replicas-negative.yaml", exit: 3, stderr: [
    "error: limit-replicas-negative.yaml:6:13: spec.replicas: Invalid value: -1: must be greater than or equal to 0",
  ] },
  { file: "limit-replicas-over-int32.yaml", exit: 3, stderr: [
    "error: limit-replicas-over-int32.yaml:6:13: spec.replicas: Invalid value: 2147483648: must be less than or equal to 2147483647",
  ] },
  { file: "list-one-bad-item.yaml", exit: 3, stderr: [
    "error: list-one-bad-item.yaml:13:13: metadata.name: Invalid value: \"Bad Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
    "error: nothing changed: the valid document configmap/settings (list-one-bad-item.yaml:4:5) was not used either",
  ] },
  { file: "metadata-empty.yaml", exit: 3, stderr: [
    "error: metadata-empty.yaml:3:10: metadata: must be an object",
  ] },
  { file: "multi-document-one-bad.yaml", exit: 3, stderr: [
    "error: multi-document-one-bad.yaml:13:13: spec.replicas: must be an integer",
    "error: nothing changed: the valid documents configmap/settings (multi-document-one-bad.yaml:1:1), service/web (multi-document-one-bad.yaml:28:1) were not used either",
  ] },
  { file: "multi-document-syntax-error-last.yaml", exit: 3, stderr: [
    "error: multi-document-syntax-error-last.yaml:10:16: Flow sequence in block collection must be sufficiently indented and end with a ]",
    "error: nothing changed: the valid document configmap/settings (multi-document-syntax-error-last.yaml:1:1) was not used either",
  ] },
  { file: "name-invalid-namespace.yaml", exit: 3, stderr: [
    "error: name-invalid-namespace.yaml:5:14: metadata.namespace: Invalid value: \"Prod_1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  ] },
  { file: "name-missing.yaml", exit: 3, stderr: [
    "error: name-missing.yaml:3:1: metadata.name: Required value: name or generateName is required",
  ] },
  { file: "name-service-starts-with-digit.yaml", exit: 3, stderr: [
    "error: name-service-starts-with-digit.yaml:4:9: metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
  ] },
  { file: "name-uppercase-underscore.yaml", exit: 3, stderr: [
    "error: name-uppercase-underscore.yaml:4:9: metadata.name: Invalid value: \"Web_App\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  ] },
  { file: "namespace-with-namespace.yaml", exit: 3, stderr: [
    "error: namespace-with-namespace.yaml:4:9: metadata.name: Invalid value: \"team_a\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  ] },
  { file: "only-comments.yaml", exit: 1, stderr: [
    "error: no objects passed to apply",
  ] },
  { file: "pod-bad-restart-policy.yaml", exit: 3, stderr: [
    "error: pod-bad-restart-policy.yaml:6:18: spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
  ] },
  { file: "port-bad-name.yaml", exit: 3, stderr: [
    "error: port-bad-name.yaml:20:21: spec.template.spec.containers[0].ports[0].name: Invalid value: \"Http_Port\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
  ] },
  { file: "port-bad-protocol.yaml", exit: 3, stderr: [
    "error: port-bad-protocol.yaml:20:25: spec.template.spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"TCP\", \"UDP\", \"SCTP\"",
  ] },
  { file: "port-too-large.yaml", exit: 3, stderr: [
    "error: port-too-large.yaml:19:30: spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
  ] },
  { file: "port-zero.yaml", exit: 3, stderr: [
    "error: port-zero.yaml:19:30: spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 0: must be between 1 and 65535, inclusive",
  ] },
  { file: "probe-bad-port-name.yaml", exit: 3, stderr: [
    "error: probe-bad-port-name.yaml:21:21: spec.template.spec.containers[0].readinessProbe.httpGet.port: Invalid value: \"Metrics_Port\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
  ] },
  { file: "probe-no-handler.yaml", exit: 3, stderr: [
    "error: probe-no-handler.yaml:19:13: spec.template.spec.containers[0].readinessProbe: Required value: must specify a handler type",
  ] },
  { file: "pvc-bad-access-mode.yaml", exit: 3, stderr: [
    "error: pvc-bad-access-mode.yaml:6:17: spec.accessModes[0]: Unsupported value: \"ReadWriteSometimes\": supported values: \"ReadWriteOnce\", \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOncePod\"",
  ] },
  { file: "quantity-cpu-words.yaml", exit: 3, stderr: [
    "error: quantity-cpu-words.yaml:20:20: spec.template.spec.containers[0].resources.requests.cpu: Invalid value: \"1 core\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  ] },
  { file: "quantity-memory-mb.yaml", exit: 3, stderr: [
    "error: quantity-memory-mb.yaml:21:23: spec.template.spec.containers[0].resources.requests.memory: Invalid value: \"64MB\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  ] },
  { file: "quantity-negative.yaml", exit: 3, stderr: [
    "error: quantity-negative.yaml:20:20: spec.template.spec.containers[0].resources.requests.cpu: Invalid value: \"-100m\": must be greater than or equal to 0",
  ] },
  { file: "quantity-request-over-limit.yaml", exit: 3, stderr: [
    "error: quantity-request-over-limit.yaml:20:20: spec.template.spec.containers[0].resources.requests.cpu: Invalid value: \"2\": must be less than or equal to cpu limit of 500m",
  ] },
  { file: "secret-data-not-base64.yaml", exit: 3, stderr: [
    "error: secret-data-not-base64.yaml:7:13: data.username: illegal base64 data at input byte 4",
  ] },
  { file: "secret-string-data-number.yaml", exit: 3, stderr: [
    "error: secret-string-data-number.yaml:6:8: stringData.pin: must be a string",
  ] },
  { file: "selector-bad-operator.yaml", exit: 3, stderr: [
    "error: selector-bad-operator.yaml:10:19: spec.selector.matchExpressions[0].operator: Unsupported value: \"Matches\": supported values: \"In\", \"NotIn\", \"Exists\", \"DoesNotExist\"",
    "error: selector-bad-operator.yaml:17:9: spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: `selector` does not match template `labels`",
  ] },
  { file: "selector-empty.yaml", exit: 3, stderr: [
    "error: selector-empty.yaml:8:5: spec.selector: Invalid value: {\"matchLabels\":{}}: empty selector is invalid for deployment",
  ] },
  { file: "selector-not-matching-template.yaml", exit: 3, stderr: [
    "error: selector-not-matching-template.yaml:13:9: spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: `selector` does not match template `labels`",
  ] },
  { file: "service-bad-type.yaml", exit: 3, stderr: [
    "error: service-bad-type.yaml:6:9: spec.type: Unsupported value: \"Ingress\": supported values: \"ClusterIP\", \"NodePort\", \"LoadBalancer\", \"ExternalName\"",
  ] },
  { file: "service-node-port-out-of-range.yaml", exit: 3, stderr: [
    "error: service-node-port-out-of-range.yaml:12:17: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767",
  ] },
  { file: "service-port-too-large.yaml", exit: 3, stderr: [
    "error: service-port-too-large.yaml:9:13: spec.ports[0].port: Invalid value: 65536: must be between 1 and 65535, inclusive",
  ] },
  { file: "service-ports-without-names.yaml", exit: 3, stderr: [
    "error: service-ports-without-names.yaml:9:7: spec.ports[0].name: Required value",
    "error: service-ports-without-names.yaml:11:7: spec.ports[1].name: Required value",
  ] },
  { file: "strategy-deadline-not-after-min-ready.yaml", exit: 3, stderr: [
    "error: strategy-deadline-not-after-min-ready.yaml:8:28: spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds",
  ] },
  { file: "strategy-recreate-with-rolling-update.yaml", exit: 3, stderr: [
    "error: strategy-recreate-with-rolling-update.yaml:9:5: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
  ] },
  { file: "strategy-restart-policy-never.yaml", exit: 3, stderr: [
    "error: strategy-restart-policy-never.yaml:15:22: spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
  ] },
  { file: "strategy-surge-and-unavailable-zero.yaml", exit: 3, stderr: [
    "error: strategy-surge-and-unavailable-zero.yaml:11:23: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0",
  ] },
  { file: "strategy-surge-not-percent.yaml", exit: 3, stderr: [
    "error: strategy-surge-not-percent.yaml:9:17: spec.strategy.rollingUpdate.maxSurge: Invalid value: \"25\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%' or '93%')",
  ] },
  { file: "strategy-unavailable-over-100.yaml", exit: 3, stderr: [
    "error: strategy-unavailable-over-100.yaml:9:23: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"110%\": must not be greater than 100%",
  ] },
  { file: "strategy-unknown-type.yaml", exit: 3, stderr: [
    "error: strategy-unknown-type.yaml:8:11: spec.strategy.type: Unsupported value: \"BlueGreen\": supported values: \"Recreate\", \"RollingUpdate\"",
  ] },
  { file: "syntax-bad-indent.yaml", exit: 3, stderr: [
    "error: syntax-bad-indent.yaml:5:1: All mapping items must start at the same column",
  ] },
  { file: "syntax-duplicate-key.yaml", exit: 3, stderr: [
    "error: syntax-duplicate-key.yaml:7:3: Map keys must be unique",
  ] },
  { file: "syntax-json-truncated.json", exit: 3, stderr: [
    "error: syntax-json-truncated.json:6:1: Flow map must end with a }",
  ] },
  { file: "syntax-list-item-in-mapping.yaml", exit: 3, stderr: [
    "error: syntax-list-item-in-mapping.yaml:7:1: A block sequence may not be used as an implicit map key",
  ] },
  { file: "syntax-tab-indent.yaml", exit: 3, stderr: [
    "error: syntax-tab-indent.yaml:4:1: Tabs are not allowed as indentation",
  ] },
  { file: "syntax-unclosed-flow.yaml", exit: 3, stderr: [
    "error: syntax-unclosed-flow.yaml:4:1: Flow sequence in block collection must be sufficiently indented and end with a ]",
  ] },
  { file: "syntax-unclosed-quote.yaml", exit: 3, stderr: [
    "error: syntax-unclosed-quote.yaml:7:1: Missing closing \"quote",
  ] },
  { file: "syntax-undefined-alias.yaml", exit: 3, stderr: [
    "error: syntax-undefined-alias.yaml:5:11: unknown YAML alias *common: no anchor &common before it",
  ] },
  { file: "type-args-string.yaml", exit: 3, stderr: [
    "error: type-args-string.yaml:18:17: spec.template.spec.containers[0].args: must be an array",
  ] },
  { file: "type-configmap-data-nested.yaml", exit: 3, stderr: [
    "error: type-configmap-data-nested.yaml:8:5: data.limits: must be a string",
  ] },
  { file: "type-containers-mapping.yaml", exit: 3, stderr: [
    "error: type-containers-mapping.yaml:16:9: spec.template.spec.containers: must be an array",
  ] },
  { file: "type-env-value-number.yaml", exit: 3, stderr: [
    "error: type-env-value-number.yaml:20:22: spec.template.spec.containers[0].env[0].value: must be a string",
  ] },
  { file: "type-label-value-number.yaml", exit: 3, stderr: [
    "error: type-label-value-number.yaml:6:14: metadata.labels.version: must be a string",
    "error: type-label-value-number.yaml:7:14: metadata.labels.enabled: must be a string",
  ] },
  { file: "type-metadata-list.yaml", exit: 3, stderr: [
    "error: type-metadata-list.yaml:4:3: metadata: must be an object",
  ] },
  { file: "type-port-string.yaml", exit: 3, stderr: [
    "error: type-port-string.yaml:19:30: spec.template.spec.containers[0].ports[0].containerPort: must be an integer",
  ] },
  { file: "type-replicas-float.yaml", exit: 3, stderr: [
    "error: type-replicas-float.yaml:6:13: spec.replicas: must be an integer",
  ] },
  { file: "type-replicas-string.yaml", exit: 3, stderr: [
    "error: type-replicas-string.yaml:6:13: spec.replicas: must be an integer",
  ] },
  { file: "unknown-container-port-case.yaml", exit: 3, stderr: [
    "error: unknown-container-port-case.yaml:19:15: spec.template.spec.containers[0].ports[0].containerPort: Required value",
    "error: unknown-container-port-case.yaml:19:15: spec.template.spec.containers[0].ports[0].containerport: unknown field \"containerport\", did you mean \"containerPort\"?",
  ] },
  { file: "unknown-container.yaml", exit: 3, stderr: [
    "error: unknown-container.yaml:14:5: spec.template.spec.containers: Required value",
    "error: unknown-container.yaml:15:7: spec.template.spec.container: unknown field \"container\", did you mean \"containers\"?",
  ] },
  { file: "unknown-image-pull-policy.yaml", exit: 3, stderr: [
    "error: unknown-image-pull-policy.yaml:18:11: spec.template.spec.containers[0].imagePulPolicy: unknown field \"imagePulPolicy\", did you mean \"imagePullPolicy\"?",
  ] },
  { file: "unknown-metadata-lables.yaml", exit: 3, stderr: [
    "error: unknown-metadata-lables.yaml:5:3: metadata.lables: unknown field \"lables\", did you mean \"labels\"?",
  ] },
  { file: "unknown-replica.yaml", exit: 3, stderr: [
    "error: unknown-replica.yaml:6:3: spec.replica: unknown field \"replica\", did you mean \"replicas\"?",
  ] },
  { file: "unknown-service-field.yaml", exit: 3, stderr: [
    "error: unknown-service-field.yaml:10:7: spec.ports[0].targtPort: unknown field \"targtPort\", did you mean \"targetPort\"?",
  ] },
  { file: "unknown-top-level-specs.yaml", exit: 3, stderr: [
    "error: unknown-top-level-specs.yaml:1:1: spec: Required value",
    "error: unknown-top-level-specs.yaml:5:1: specs: unknown field \"specs\", did you mean \"spec\"?",
  ] },
  { file: "volume-mount-undefined.yaml", exit: 3, stderr: [
    "error: volume-mount-undefined.yaml:19:21: spec.template.spec.containers[0].volumeMounts[0].name: Not found: \"cache\"",
  ] },
  tooManyProblems,
];
