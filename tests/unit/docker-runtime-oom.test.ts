/**
 * OOMKilled through the real DockerRuntime, against a fake engine on a unix socket: Docker 20.10 can leave
 * State.OOMKilled false when the kernel's OOM notice reaches it after the exit, and kctl then asks the
 * engine's event history for an `oom` event of that container.
 */
import * as http from 'http';
import * as path from 'path';
import { DockerRuntime } from '../../src/runtime/docker/docker-runtime';
import { tempDir } from '../helpers/temp-dir';

interface Inspect {
  exitCode: number;
  oomKilled: boolean;
  memory: number;
  finishedAt?: string;
}

/** An engine that answers /version, one container's inspect and the event history it is given. */
async function fakeEngine(container: Inspect, loggedEvents: object[]) {
  const eventQueries: URLSearchParams[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://engine');
    const json = (body: unknown) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/version') return json({ ApiVersion: '1.41', Version: '20.10.24', Os: 'linux', Arch: 'amd64' });
    if (url.pathname === '/v1.41/containers/c1/json') {
      return json({
        Id: 'c1',
        Name: '/hog',
        Created: '2026-12-03T10:00:00.123456789Z',
        Config: { Image: 'busybox', Labels: {} },
        HostConfig: { Memory: container.memory },
        NetworkSettings: { Networks: {} },
        State: {
          Status: 'exited',
          Running: false,
          ExitCode: container.exitCode,
          OOMKilled: container.oomKilled,
          StartedAt: '2026-12-03T10:00:00.2Z',
          FinishedAt: container.finishedAt ?? '2026-12-03T10:00:01Z',
        },
      });
    }
    if (url.pathname === '/v1.41/events') {
      eventQueries.push(url.searchParams);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(loggedEvents.map((e) => JSON.stringify(e) + '\n').join(''));
    }
    res.writeHead(404).end('{"message":"not here"}');
  });
  const socketPath = path.join(tempDir(), 'engine.sock');
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  const runtime = new DockerRuntime({ url: `unix://${socketPath}`, socketPath, protocol: 'http' });
  return { runtime, eventQueries, close: () => new Promise((r) => server.close(r)) };
}

const OOM_EVENT = { Type: 'container', Action: 'oom', Actor: { ID: 'c1', Attributes: {} }, time: 1796292001 };

describe('DockerRuntime: OOMKilled when Docker did not flag it', () => {
  test('an oom event in the engine history makes a memory-limited 137 exit OOMKilled', async () => {
    const engine = await fakeEngine({ exitCode: 137, oomKilled: false, memory: 16 << 20 }, [OOM_EVENT]);
    try {
      expect((await engine.runtime.inspectContainer('c1'))?.oomKilled).toBe(true);
      const [query] = engine.eventQueries;
      expect(JSON.parse(query.get('filters') ?? '{}')).toEqual({ container: ['c1'], event: ['oom'] });
      // From the container's creation (whole seconds) up to now: a finished query, not a live stream.
      expect(Number(query.get('since'))).toBe(Math.floor(Date.parse('2026-12-03T10:00:00.123Z') / 1000));
      expect(Number(query.get('until'))).toBeGreaterThanOrEqual(Number(query.get('since')));
    } finally {
      await engine.close();
    }
  });

  test('without an oom event a SIGKILL stays an Error (docker kill, not the kernel)', async () => {
    const engine = await fakeEngine({ exitCode: 137, oomKilled: false, memory: 16 << 20 }, []);
    try {
      expect((await engine.runtime.inspectContainer('c1'))?.oomKilled).toBeUndefined();
      expect(engine.eventQueries).toHaveLength(1);
      // Long after the exit the answer is final: the history is not asked again on the next pass.
      await engine.runtime.inspectContainer('c1');
      expect(engine.eventQueries).toHaveLength(1);
    } finally {
      await engine.close();
    }
  });

  test('just after the exit, no oom event yet is asked again: the notice may still come', async () => {
    const engine = await fakeEngine({ exitCode: 137, oomKilled: false, memory: 16 << 20, finishedAt: new Date().toISOString() }, []);
    try {
      await engine.runtime.inspectContainer('c1');
      await engine.runtime.inspectContainer('c1');
      expect(engine.eventQueries).toHaveLength(2);
    } finally {
      await engine.close();
    }
  });

  test.each([
    ['Docker flagged it already', { exitCode: 137, oomKilled: true, memory: 16 << 20 }, true],
    ['no memory limit, so no memory cgroup to run out of', { exitCode: 137, oomKilled: false, memory: 0 }, undefined],
    ['another exit code', { exitCode: 1, oomKilled: false, memory: 16 << 20 }, undefined],
  ])('no history lookup when %s', async (_why, container, expected) => {
    const engine = await fakeEngine(container, [OOM_EVENT]);
    try {
      expect((await engine.runtime.inspectContainer('c1'))?.oomKilled).toBe(expected);
      expect(engine.eventQueries).toHaveLength(0);
    } finally {
      await engine.close();
    }
  });
});
