/** Deployments, ReplicaSets, rollouts and scaling, as run_deployment_tests and run_rs_tests drive them. */
import type { Case } from '../case';

export const cases: Case[] = [
  {
    name: 'deployments: create, scale, set image, rollout history and undo (run_deployment_tests)',
    steps: [
      { run: 'create deployment test-nginx-apps --image=k8s.gcr.io/nginx:test-cmd', stdout: 'deployment.apps/test-nginx-apps created\n' },
      { run: 'get deployment.apps -o jsonpath={.items[*].metadata.name}', stdout: 'test-nginx-apps' },
      { run: 'get pods -l app=test-nginx-apps -o jsonpath={.items[*].spec.containers[0].name}', stdout: 'nginx' },
      { run: 'get rs -l app=test-nginx-apps -o jsonpath={.items[0].spec.template.spec.containers[0].image}', stdout: 'k8s.gcr.io/nginx:test-cmd' },
      { run: 'scale deployment test-nginx-apps --replicas=3', stdout: 'deployment.apps/test-nginx-apps scaled\n' },
      { run: 'get deployment test-nginx-apps -o jsonpath={.status.replicas}', stdout: '3' },
      { run: 'scale deployment test-nginx-apps --current-replicas=2 --replicas=1', stderr: 'error: Expected replicas to be 2, was 3\n', code: 5 },
      { run: 'set image deployment/test-nginx-apps nginx=k8s.gcr.io/nginx:1.7.9', stdout: 'deployment.apps/test-nginx-apps image updated\n' },
      { run: 'rollout status deployment/test-nginx-apps', stdout: /(^|\n)deployment "test-nginx-apps" successfully rolled out\n$/ },
      { run: 'rollout history deployment/test-nginx-apps', stdout: 'deployment.apps/test-nginx-apps \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n' },
      { run: 'rollout undo deployment/test-nginx-apps', stdout: 'deployment.apps/test-nginx-apps rolled back\n' },
      { run: 'get deployment test-nginx-apps -o jsonpath={.spec.template.spec.containers[0].image}', stdout: 'k8s.gcr.io/nginx:test-cmd' },
      { run: 'rollout pause deployment/test-nginx-apps', stdout: 'deployment.apps/test-nginx-apps paused\n' },
      { run: 'rollout resume deployment/test-nginx-apps', stdout: 'deployment.apps/test-nginx-apps resumed\n' },
      { run: 'rollout restart deployment/test-nginx-apps', stdout: 'deployment.apps/test-nginx-apps restarted\n' },
      { run: 'delete deployment test-nginx-apps', stdout: 'deployment.apps "test-nginx-apps" deleted\n' },
      { run: 'get rs,pods', stderr: 'No resources found in default namespace.\n' },
    ],
  },
  {
    name: 'wait and patch on a deployment (run_wait_tests, run_kubectl_patch_tests)',
    steps: [
      { run: 'create deployment web --image=nginx', stdout: 'deployment.apps/web created\n' },
      { run: 'wait --for=condition=Available deployment/web', stdout: 'deployment.apps/web condition met\n' },
      { run: 'wait --for=jsonpath={.status.readyReplicas}=1 deployment/web', stdout: 'deployment.apps/web condition met\n' },
      { run: `patch deployment web -p '{"spec":{"replicas":2}}'`, stdout: 'deployment.apps/web patched\n' },
      { run: `patch deployment web -p '{"spec":{"replicas":2}}'`, stdout: 'deployment.apps/web patched (no change)\n' },
      { run: `patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`, stdout: 'deployment.apps/web patched\n' },
      { run: `patch deployment web --type=merge -p '{"metadata":{"labels":{"tier":"fe"}}}'`, stdout: 'deployment.apps/web patched\n' },
      { run: 'get deployment web -o go-template={{.spec.replicas}}', stdout: '1' },
      { run: `get deployments -o go-template='{{range .items}}{{.metadata.name}}:{{index .metadata.labels "tier"}}{{"\\n"}}{{end}}'`, stdout: 'web:fe\n' },
      { run: 'get deployment web -o jsonpath={.spec.replicas}/{.metadata.labels.tier}', stdout: '1/fe' },
      { run: 'patch deployment web --type=bogus -p {}', stderr: 'error: --type must be one of [json merge strategic], not "bogus"\n', code: 2 },
    ],
  },
];
