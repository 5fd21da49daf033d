/**
 * Public demo applications, in manifests written in their style (tests/fixtures/corpus): each applies on the
 * fake runtime with only the warnings one Docker host must give, and its workloads make their pods and claims.
 * The Cassandra StatefulSet asks for IPC_LOCK, which baseline Pod Security refuses until the user opts in.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Store } from '../../src/store/store';
import { clockedCliEnv, runCli, type ClockedCliEnv } from '../helpers/cli';

const CORPUS = path.join(__dirname, '../fixtures/corpus');

async function applied(file: string, flags = ''): Promise<{ env: ClockedCliEnv; result: Awaited<ReturnType<typeof runCli>> }> {
  const env = clockedCliEnv({ [file]: fs.readFileSync(path.join(CORPUS, file), 'utf8') });
  env.setTime(0);
  const result = await runCli(`apply -f ${file} --wait=false ${flags}`.trim(), env);
  return { env, result };
}

const state = (env: ClockedCliEnv) => new Store(env.statePath).read();
const podsOf = (env: ClockedCliEnv) => state(env).list('Pod').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name.replace(/-[a-z0-9]{8,10}-[a-z0-9]{5}$/, '-*')).sort();

describe('the real-world corpus', () => {
  test('guestbook (kubernetes/examples): applies with no warning; redis leader, followers and frontends run', async () => {
    const { env, result } = await applied('guestbook.yaml');
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: 'service/redis-leader created\ndeployment.apps/redis-leader created\nservice/redis-follower created\ndeployment.apps/redis-follower created\ndeployment.apps/frontend created\nservice/frontend created\n',
    });
    expect(podsOf(env)).toEqual(['frontend-*', 'frontend-*', 'frontend-*', 'redis-follower-*', 'redis-follower-*', 'redis-leader-*']);
  });

  test('a gRPC microservices shop (Online Boutique style): only the ServiceAccount is skipped; grpc, httpGet and tcpSocket probes are accepted', async () => {
    const { env, result } = await applied('shop.yaml');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Warning: shop.yaml:1:1: ServiceAccount "cartservice" is ignored by kctl (one Docker host)\nWarning: shop.yaml:21:7: spec.template.spec.serviceAccountName is ignored by kctl (one Docker host)\n');
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(8);
    expect(podsOf(env)).toEqual(['cartservice-*', 'frontend-*', 'loadgenerator-*', 'redis-cart-*']);
  });

  test('the Cassandra StatefulSet tutorial: refused for IPC_LOCK until opted in, then cassandra-0 with its claim of class "fast"', async () => {
    const refused = await applied('cassandra.yaml');
    expect(refused.result.code).toBe(3);
    expect(refused.result.stderr).toContain('error: cassandra.yaml:14:1: statefulsets.apps "cassandra" is forbidden: violates PodSecurity "baseline:latest": non-default capabilities (container "cassandra" must not include "IPC_LOCK" in securityContext.capabilities.add)\n');
    const { env, result } = await applied('cassandra.yaml', '--allow-privileged');
    expect(result).toMatchObject({ code: 0, stdout: 'service/cassandra created\nstatefulset.apps/cassandra created\nstorageclass.storage.k8s.io/fast created\n' });
    expect(result.stderr).toBe('Warning: cassandra.yaml:106:1: parameters is ignored by kctl (one Docker host)\n');
    expect(podsOf(env)).toEqual(['cassandra-0']);
    expect(state(env).get('PersistentVolumeClaim', 'default', 'cassandra-data-cassandra-0')!.spec.storageClassName).toBe('fast');
    expect(state(env).get('Pod', 'default', 'cassandra-0')!.spec).toMatchObject({ hostname: 'cassandra-0', subdomain: 'cassandra' });
  });

  test('the WordPress and MySQL tutorial: two claims provisioned, both Deployments run, no warning', async () => {
    const { env, result } = await applied('wordpress-mysql.yaml');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(podsOf(env)).toEqual(['wordpress-*', 'wordpress-mysql-*']);
    expect(state(env).list('PersistentVolumeClaim').map((c) => `${c.metadata.name} ${c.status.phase}`)).toEqual(['mysql-pv-claim Bound', 'wp-pv-claim Bound']);
  });
});
