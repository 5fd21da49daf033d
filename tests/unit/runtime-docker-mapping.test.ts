import type Dockerode from 'dockerode';
import { createOptions } from '../../src/runtime/docker/container-config';
import { containerInfo } from '../../src/runtime/docker/container-info';
import { olderOf } from '../../src/runtime/docker/client';
import { containerStats, hasPrevious, type StatsSample } from '../../src/runtime/docker/stats';

test('a full ContainerSpec becomes the engine\'s create request', () => {
  expect(
    createOptions({
      name: 'web-1',
      image: 'kctl-demo/web:v1',
      labels: { 'io.kctl.pod': 'web-1' },
      command: ['sh', '-c'],
      args: ['exec httpd -f'],
      env: { A: '1', B: 'x=y' },
      workingDir: '/www',
      network: 'kctl-default',
      networkAliases: ['web'],
      hostname: 'web-1',
      ports: [
        { containerPort: 8080, protocol: 'TCP', hostPort: 0, hostIP: '127.0.0.1' },
        { containerPort: 53, protocol: 'UDP', hostPort: 5353, hostIP: '127.0.0.1' },
      ],
      mounts: [
        { type: 'volume', source: 'data', target: '/data' },
        { type: 'bind', source: '/etc/hosts', target: '/h', readOnly: true },
        { type: 'tmpfs', source: '', target: '/tmp' },
      ],
      memoryBytes: 134217728,
      nanoCpus: 500000000,
      user: '1000',
      readOnlyRootfs: true,
      capAdd: ['NET_ADMIN'],
      capDrop: ['ALL'],
      privileged: false,
      stopSignal: 'SIGQUIT',
    }),
  ).toEqual({
    name: 'web-1',
    Image: 'kctl-demo/web:v1',
    Labels: { 'io.kctl.pod': 'web-1' },
    Entrypoint: ['sh', '-c'],
    Cmd: ['exec httpd -f'],
    Env: ['A=1', 'B=x=y'],
    WorkingDir: '/www',
    Hostname: 'web-1',
    User: '1000',
    StopSignal: 'SIGQUIT',
    ExposedPorts: { '8080/tcp': {}, '53/udp': {} },
    HostConfig: {
      NetworkMode: 'kctl-default',
      PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }], '53/udp': [{ HostIp: '127.0.0.1', HostPort: '5353' }] },
      Mounts: [
        { Type: 'volume', Source: 'data', Target: '/data', ReadOnly: false },
        { Type: 'bind', Source: '/etc/hosts', Target: '/h', ReadOnly: true },
        { Type: 'tmpfs', Source: undefined, Target: '/tmp', ReadOnly: false },
      ],
      Memory: 134217728,
      MemorySwap: 134217728,
      NanoCpus: 500000000,
      ReadonlyRootfs: true,
      CapAdd: ['NET_ADMIN'],
      CapDrop: ['ALL'],
      Privileged: false,
    },
    NetworkingConfig: { EndpointsConfig: { 'kctl-default': { Aliases: ['web'] } } },
  });
});

test('a container sharing another one\'s network gets no hostname and no endpoint config of its own', () => {
  const o = createOptions({ name: 'c', image: 'i', labels: {}, network: 'container:abc', hostname: 'pod', networkAliases: ['x'] });
  expect(o.Hostname).toBeUndefined();
  expect(o.NetworkingConfig).toBeUndefined();
  expect(o.HostConfig?.NetworkMode).toBe('container:abc');
});

const inspected = (state: Partial<Dockerode.ContainerInspectInfo['State']>, extra: object = {}) =>
  ({
    Id: 'abc',
    Name: '/web-1',
    Created: '2024-05-01T10:00:00.000000001Z',
    Config: { Image: 'kctl-demo/web:v1', Labels: { 'io.kctl.pod': 'web-1' } },
    State: { Status: 'running', ExitCode: 0, OOMKilled: false, Error: '', StartedAt: '0001-01-01T00:00:00Z', FinishedAt: '0001-01-01T00:00:00Z', ...state },
    NetworkSettings: { Networks: { 'kctl-default': { IPAddress: '172.18.0.2' } }, Ports: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '32768' }] } },
    ...extra,
  }) as unknown as Dockerode.ContainerInspectInfo;

test('a running container\'s inspect answer becomes ContainerInfo', () => {
  expect(containerInfo(inspected({ StartedAt: '2024-05-01T10:00:01.5Z' }))).toEqual({
    id: 'abc',
    name: 'web-1',
    image: 'kctl-demo/web:v1',
    labels: { 'io.kctl.pod': 'web-1' },
    status: 'running',
    createdAt: '2024-05-01T10:00:00.000000001Z',
    startedAt: '2024-05-01T10:00:01.5Z',
    ip: '172.18.0.2',
    ports: [{ containerPort: 8080, protocol: 'TCP', hostPort: 32768, hostIP: '127.0.0.1' }],
  });
});

test('an OOM-killed container reports its exit code, times and no ports', () => {
  const info = containerInfo(
    inspected(
      { Status: 'exited', ExitCode: 137, OOMKilled: true, StartedAt: '2024-05-01T10:00:01Z', FinishedAt: '2024-05-01T10:05:00Z' },
      { NetworkSettings: { Networks: { 'kctl-default': { IPAddress: '' } }, Ports: {} } },
    ),
  );
  expect(info).toMatchObject({ status: 'exited', exitCode: 137, oomKilled: true, finishedAt: '2024-05-01T10:05:00Z', ports: [] });
  expect(info.ip).toBeUndefined();
});

test('a start failure shows as the container\'s error', () => {
  expect(containerInfo(inspected({ Status: 'created', Error: 'port is already allocated' })).error).toBe('port is already allocated');
});

test('API version negotiation takes the older version', () => {
  expect(olderOf('1.41', '1.47')).toBe('1.41');
  expect(olderOf('1.52', '1.47')).toBe('1.47');
  expect(olderOf('1.9', '1.41')).toBe('1.9');
});

describe('stats', () => {
  const sample = (usage: number, system: number, memory: StatsSample['memory_stats'] = {}): StatsSample => ({
    cpu_stats: { cpu_usage: { total_usage: usage }, system_cpu_usage: system, online_cpus: 2 },
    memory_stats: memory,
  });

  test('CPU in cores from the share of host CPU time over the interval', () => {
    // 0.5 s of container CPU over 2 s of host CPU time (1 s wall on 2 CPUs) = half a core.
    const later = { ...sample(1_500_000_000, 12_000_000_000), precpu_stats: sample(1_000_000_000, 10_000_000_000).cpu_stats };
    expect(hasPrevious(later)).toBe(true);
    expect(containerStats(later).cpuCores).toBeCloseTo(0.5);
    expect(containerStats(sample(1_500_000_000, 12_000_000_000), sample(1_000_000_000, 10_000_000_000).cpu_stats).cpuCores).toBeCloseTo(0.5);
  });

  test('a one-shot sample has no previous reading and counts as zero CPU on its own', () => {
    const alone = { ...sample(5, 5), precpu_stats: { cpu_usage: { total_usage: 0 } } };
    expect(hasPrevious(alone)).toBe(false);
    expect(containerStats(alone).cpuCores).toBe(0);
  });

  test('memory is usage minus reclaimable page cache (cgroup v1 and v2)', () => {
    expect(containerStats(sample(0, 1, { usage: 100, stats: { total_inactive_file: 30, cache: 50 } })).memoryBytes).toBe(70);
    expect(containerStats(sample(0, 1, { usage: 100, stats: { inactive_file: 40 } })).memoryBytes).toBe(60);
    expect(containerStats(sample(0, 1, { usage: 100, stats: {} })).memoryBytes).toBe(100);
  });
});
