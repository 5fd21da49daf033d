/** Namespaces, ConfigMaps, Secrets and Pods, as run_namespace_tests, run_configmap_tests, run_secrets_test and run_pod_tests drive them. */
import type { Case } from '../case';

export const cases: Case[] = [
  {
    name: 'namespaces (run_namespace_tests)',
    steps: [
      { run: 'create namespace my-namespace', stdout: 'namespace/my-namespace created\n' },
      { run: 'get namespaces/my-namespace -o jsonpath={.metadata.name}', stdout: 'my-namespace' },
      { run: 'get namespace my-namespace -o jsonpath={.status.phase}', stdout: 'Active' },
      { run: 'create namespace my-namespace', stderr: 'error: namespaces "my-namespace" already exists\n', code: 5 },
      { run: 'delete namespace my-namespace', stdout: 'namespace "my-namespace" deleted\n' },
      { run: 'get namespace my-namespace', stderr: 'error: namespaces "my-namespace" not found\n', code: 4 },
      { run: 'get namespace my-namespace --ignore-not-found', stdout: '' },
    ],
  },
  {
    name: 'configmaps (run_configmap_tests)',
    steps: [
      { run: 'create configmap test-configmap --from-literal=key1=value1', stdout: 'configmap/test-configmap created\n' },
      { run: 'get configmap/test-configmap -o jsonpath={.data.key1}', stdout: 'value1' },
      { run: 'create configmap test-configmap --from-literal=key1=value1', stderr: 'error: configmaps "test-configmap" already exists\n', code: 5 },
      { run: 'delete configmap test-configmap', stdout: 'configmap "test-configmap" deleted\n' },
      { run: 'get configmaps', stderr: 'No resources found in default namespace.\n' },
    ],
  },
  {
    name: 'secrets (run_secrets_test)',
    steps: [
      { run: 'create secret generic test-secret --from-literal=key1=value1 --type=test-type', stdout: 'secret/test-secret created\n' },
      { run: 'get secret/test-secret -o jsonpath={.type}', stdout: 'test-type' },
      { run: 'get secret test-secret -o jsonpath={.data.key1}', stdout: 'dmFsdWUx' },
      { run: 'create secret generic plain --from-literal=a=b', stdout: 'secret/plain created\n' },
      { run: 'get secret plain -o jsonpath={.type}', stdout: 'Opaque' },
      { run: 'delete secret test-secret plain', stdout: 'secret "test-secret" deleted\nsecret "plain" deleted\n' },
    ],
  },
  {
    name: 'pods: run, label, annotate, delete (run_pod_tests)',
    steps: [
      { run: 'run nginx --image=nginx', stdout: 'pod/nginx created\n' },
      { run: 'get pod nginx -o jsonpath={.metadata.labels.run}', stdout: 'nginx' },
      { run: 'label pods nginx new-name=new-valid-label', stdout: 'pod/nginx labeled\n' },
      { run: 'get pod nginx -o jsonpath={.metadata.labels.new-name}', stdout: 'new-valid-label' },
      { run: 'label pods nginx new-name=other', stderr: "error: 'new-name' already has a value (new-valid-label), and --overwrite is false\n", code: 1 },
      { run: 'label pods nginx new-name=other --overwrite', stdout: 'pod/nginx labeled\n' },
      { run: 'label pods nginx new-name-', stdout: 'pod/nginx unlabeled\n' },
      { run: "annotate pods nginx description='my frontend'", stdout: 'pod/nginx annotated\n' },
      { run: 'get pod nginx -o jsonpath={.metadata.annotations.description}', stdout: 'my frontend' },
      { run: 'annotate pods nginx description-', stdout: 'pod/nginx annotated\n' },
      { run: 'delete pod nginx', stdout: 'pod "nginx" deleted\n' },
      { run: 'get pods', stderr: 'No resources found in default namespace.\n' },
      { run: 'delete pod nginx', stderr: 'error: pods "nginx" not found\n', code: 4 },
      { run: 'delete pod nginx --ignore-not-found', stdout: '' },
    ],
  },
];
