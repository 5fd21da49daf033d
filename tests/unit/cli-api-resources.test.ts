import * as path from 'path';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { runCli, tempDir, type CliEnv } from '../helpers/cli';

function setup(): CliEnv {
  const dir = tempDir();
  return { statePath: path.join(dir, 'state.json'), runtime: new FakeRuntime(), cwd: dir };
}

describe('kctl api-resources', () => {
  test('the kinds table: core group first, then by group and name', async () => {
    expect(await runCli('api-resources', setup())).toEqual({
      code: 0,
      stderr: '',
      stdout: `NAME                        SHORTNAMES   APIVERSION                NAMESPACED   KIND
configmaps                  cm           v1                        true         ConfigMap
endpoints                   ep           v1                        true         Endpoints
events                      ev           v1                        true         Event
namespaces                  ns           v1                        false        Namespace
nodes                       no           v1                        false        Node
persistentvolumeclaims      pvc          v1                        true         PersistentVolumeClaim
persistentvolumes           pv           v1                        false        PersistentVolume
pods                        po           v1                        true         Pod
replicationcontrollers      rc           v1                        true         ReplicationController
secrets                                  v1                        true         Secret
services                    svc          v1                        true         Service
customresourcedefinitions   crd,crds     apiextensions.k8s.io/v1   false        CustomResourceDefinition
controllerrevisions                      apps/v1                   true         ControllerRevision
daemonsets                  ds           apps/v1                   true         DaemonSet
deployments                 deploy       apps/v1                   true         Deployment
replicasets                 rs           apps/v1                   true         ReplicaSet
statefulsets                sts          apps/v1                   true         StatefulSet
horizontalpodautoscalers    hpa          autoscaling/v2            true         HorizontalPodAutoscaler
cronjobs                    cj           batch/v1                  true         CronJob
jobs                                     batch/v1                  true         Job
ingressclasses                           networking.k8s.io/v1      false        IngressClass
ingresses                   ing          networking.k8s.io/v1      true         Ingress
storageclasses              sc           storage.k8s.io/v1         false        StorageClass
`,
    });
  });

  test('-o name, -o wide, --namespaced, --api-group, --no-headers', async () => {
    const env = setup();
    expect((await runCli('api-resources -o name --api-group apps', env)).stdout).toBe('controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n');
    expect((await runCli('api-resources --namespaced=false -o wide', env)).stdout).toBe(
      'NAME                        SHORTNAMES   APIVERSION                NAMESPACED   KIND                       VERBS                                         CATEGORIES\nnamespaces                  ns           v1                        false        Namespace                  [create delete get list patch update watch]   \nnodes                       no           v1                        false        Node                       [get list watch]                              \npersistentvolumes           pv           v1                        false        PersistentVolume           [create delete get list patch update watch]   \ncustomresourcedefinitions   crd,crds     apiextensions.k8s.io/v1   false        CustomResourceDefinition   [create delete get list patch update watch]   \ningressclasses                           networking.k8s.io/v1      false        IngressClass               [create delete get list patch update watch]   \nstorageclasses              sc           storage.k8s.io/v1         false        StorageClass               [create delete get list patch update watch]   \n',
    );
    expect((await runCli('api-resources --api-group= --namespaced --no-headers', env)).stdout.split('\n')[0]).toBe('configmaps               cm    v1    true   ConfigMap');
    expect((await runCli('api-resources -o wide --api-group apps', env)).stdout.split('\n')[3]).toBe('deployments           deploy       apps/v1      true         Deployment           [create delete get list patch update watch]   all');
    expect(await runCli('api-resources -o json', env)).toEqual({ code: 2, stdout: '', stderr: 'error: --output json is not available, use wide or name\n' });
  });
});

describe('kctl version', () => {
  const { version } = require('../../package.json');
  const [major, minor] = version.split('.');
  const client = { major, minor, gitVersion: `v${version}`, platform: `${process.platform}/${process.arch}`, nodeVersion: process.version };

  test('--client needs no engine; -o json in kubectl\'s shape', async () => {
    const env = setup();
    (env.runtime as FakeRuntime).setUnreachable(true);
    expect(await runCli('version --client', env)).toEqual({ code: 0, stdout: `Client Version: v${version}\n`, stderr: '' });
    expect(await runCli('version --client -o json', env)).toEqual({ code: 0, stdout: JSON.stringify({ clientVersion: client }, null, 2) + '\n', stderr: '' });
  });

  test('with the engine: serverVersion; -o yaml with sorted keys', async () => {
    const env = setup();
    const server = { major: 'fake', minor: '', gitVersion: 'vfake', platform: 'linux/amd64', engine: 'docker', apiVersion: '1.41' };
    expect(await runCli('version -o json', env)).toEqual({ code: 0, stdout: JSON.stringify({ clientVersion: client, serverVersion: server }, null, 2) + '\n', stderr: '' });
    expect(await runCli('version', env)).toEqual({ code: 0, stdout: `Client Version: v${version}\nServer Version: Docker Engine vfake (API 1.41)\n`, stderr: '' });
    expect((await runCli('version -o yaml', env)).stdout).toBe(
      `clientVersion:\n  gitVersion: v${version}\n  major: "${major}"\n  minor: "${minor}"\n  nodeVersion: ${process.version}\n  platform: ${client.platform}\n` +
        'serverVersion:\n  apiVersion: "1.41"\n  engine: docker\n  gitVersion: vfake\n  major: fake\n  minor: ""\n  platform: linux/amd64\n',
    );
  });

  test('an unreachable engine: the client version, then the error (exit 7); a bad -o is a usage error', async () => {
    const env = setup();
    (env.runtime as FakeRuntime).setUnreachable(true);
    expect(await runCli('version', env)).toEqual({ code: 7, stdout: `Client Version: v${version}\n`, stderr: 'error: cannot connect to the Docker engine at unix:///var/run/docker.sock: connect ENOENT /var/run/docker.sock\n' });
    expect(await runCli('version -o wide', env)).toEqual({ code: 2, stdout: '', stderr: "error: --output must be 'yaml' or 'json'\n" });
  });
});
