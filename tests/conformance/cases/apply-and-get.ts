/** apply, diff, get's output formats, services and delete, as run_kubectl_apply_tests, run_kubectl_get_tests and run_service_tests drive them. */
import { deploymentYaml } from '../../helpers/manifests';
import type { Case } from '../case';

const POD = (label: string) => `apiVersion: v1
kind: Pod
metadata:
  name: test-pod
  labels:
    name: ${label}
spec:
  containers:
  - name: kubernetes-pause
    image: registry.k8s.io/pause:3.9
`;

const DEPLOYMENT = (replicas: number) => deploymentYaml({ replicas, image: 'nginx' });

export const cases: Case[] = [
  {
    name: 'apply: created, unchanged, configured, dry run (run_kubectl_apply_tests)',
    files: { 'pod.yaml': POD('test-pod-label'), 'pod2.yaml': POD('changed'), 'empty.yaml': '' },
    steps: [
      { run: 'apply -f pod.yaml', stdout: 'pod/test-pod created\n' },
      { run: 'get pods test-pod -o jsonpath={.metadata.labels.name}', stdout: 'test-pod-label' },
      { run: 'get pods test-pod -o jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}', stdout: /^\{"apiVersion":"v1","kind":"Pod",.*"name":"test-pod-label".*\}\n?$/ },
      { run: 'apply -f pod.yaml', stdout: 'pod/test-pod unchanged\n' },
      { run: 'apply -f pod2.yaml --dry-run=client', stdout: 'pod/test-pod configured (dry run)\n' },
      { run: 'get pods test-pod -o jsonpath={.metadata.labels.name}', stdout: 'test-pod-label' },
      { run: 'apply -f pod2.yaml', stdout: 'pod/test-pod configured\n' },
      { run: 'apply -f empty.yaml', stderr: 'error: no objects passed to apply\n', code: 1 },
      { run: 'delete -f pod.yaml', stdout: 'pod "test-pod" deleted\n' },
    ],
  },
  {
    name: 'get output formats (run_kubectl_get_tests)',
    files: { 'web.yaml': DEPLOYMENT(1) },
    steps: [
      { run: 'apply -f web.yaml', stdout: 'deployment.apps/web created\n' },
      { run: 'get deployments -o name', stdout: 'deployment.apps/web\n' },
      { run: 'get deployment web -o jsonpath={.metadata.name}', stdout: 'web' },
      { run: 'get deployments -o custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas', stdout: 'NAME   REPLICAS\nweb    1\n' },
      { run: 'get deployments -o custom-columns=NAME:.metadata.name --no-headers', stdout: 'web\n' },
      { run: 'get deployment web -o yaml', stdout: /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n/ },
      { run: 'get deployments -o yaml', stdout: /^apiVersion: v1\nitems:\n- apiVersion: apps\/v1\n[\s\S]*\nkind: List\nmetadata:\n  resourceVersion: ""\n$/ },
      { run: 'get deployments -o json', stdout: /^\{\n    "apiVersion": "v1",\n    "items": \[\n/ },
      { run: 'get deployment web -o jsonpath-as-json={.spec.replicas}', stdout: '[\n    1\n]\n' },
      { run: 'get deployment web -o wide', stdout: /^NAME +READY +UP-TO-DATE +AVAILABLE +AGE +CONTAINERS +IMAGES +SELECTOR\nweb +1\/1 +1 +1 +\S+ +web +nginx +app=web\n$/ },
      { run: 'get deployments --no-headers -o custom-columns=:.metadata.name', stdout: 'web\n' },
      { run: 'get deployment web -o bogus', stderr: 'error: unable to match a printer suitable for the output format "bogus", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n', code: 2 },
    ],
  },
  {
    name: 'create -f and replace (run_kubectl_create_tests, run_kubectl_replace_tests)',
    files: { 'web.yaml': DEPLOYMENT(1), 'web3.yaml': DEPLOYMENT(3) },
    steps: [
      { run: 'create -f web.yaml', stdout: 'deployment.apps/web created\n' },
      { run: 'create -f web.yaml', stderr: 'error: deployments.apps "web" already exists\n', code: 5 },
      { run: 'replace -f web3.yaml', stdout: 'deployment.apps/web replaced\n' },
      { run: 'get deployment web -o jsonpath={.spec.replicas}', stdout: '3' },
      { run: 'replace --force -f web.yaml', stdout: 'deployment.apps "web" deleted\ndeployment.apps/web replaced\n' },
      { run: 'get rs -o jsonpath={.items[*].spec.replicas}', stdout: '1' },
    ],
  },
  {
    name: 'diff (run_kubectl_diff_tests)',
    files: { 'web.yaml': DEPLOYMENT(1), 'web3.yaml': DEPLOYMENT(3) },
    steps: [
      { run: 'apply -f web.yaml', stdout: 'deployment.apps/web created\n' },
      { run: 'diff -f web.yaml', stdout: '' },
      { run: 'diff -f web3.yaml', stdout: /\n-  replicas: 1\n\+  replicas: 3\n/, code: 1 },
    ],
  },
  {
    name: 'services: expose (run_service_tests)',
    steps: [
      { run: 'create deployment web --image=nginx --port=8000', stdout: 'deployment.apps/web created\n' },
      { run: 'expose deployment web --port=80 --target-port=8000', stdout: 'service/web exposed\n' },
      { run: 'get service web -o jsonpath={.spec.ports[0].port}-{.spec.ports[0].targetPort}-{.spec.selector.app}', stdout: '80-8000-web' },
      { run: 'expose deployment web --port=80', stderr: 'error: services "web" already exists\n', code: 5 },
      { run: 'delete service web', stdout: 'service "web" deleted\n' },
      { run: 'delete deployments --all', stdout: 'deployment.apps "web" deleted\n' },
    ],
  },
];
