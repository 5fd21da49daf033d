/**
 * A 500 from an engine that is shutting down, through the real DockerRuntime against a fake engine on a unix
 * socket: dockerd closes its API first and then fails the requests still in flight ("transport is closing"
 * from containerd). Such a failure is the engine's going away, not the container's.
 */
import * as http from 'http';
import * as path from 'path';
import { DockerUnreachableError } from '../../src/errors';
import { DockerRuntime } from '../../src/runtime/docker/docker-runtime';
import { RuntimeError } from '../../src/runtime/runtime';
import { tempDir } from '../helpers/temp-dir';

/** An engine whose container start fails with a 500; with `shutsDown` it stops listening before answering. */
async function fakeEngine(shutsDown: boolean) {
  let versionAsked = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://engine');
    if (url.pathname === '/version') {
      versionAsked++;
      return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ApiVersion: '1.41', Version: '20.10.24', Os: 'linux', Arch: 'amd64' }));
    }
    if (url.pathname === '/v1.41/containers/c1/start') {
      const fail = () => res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"message":"transport is closing: unavailable"}');
      if (!shutsDown) return fail();
      server.close(); // no new connections from here on; this request still gets its answer
      return fail();
    }
    res.writeHead(404).end('{"message":"not here"}');
  });
  const socketPath = path.join(tempDir(), 'engine.sock');
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  const runtime = new DockerRuntime({ url: `unix://${socketPath}`, socketPath, protocol: 'http' });
  return { runtime, versionAsked: () => versionAsked, socketPath, close: () => {
      server.closeAllConnections(); // the kept-alive one the 500 came on
      return new Promise((r) => server.close(r));
    },
  };
}

test('a 500 from an engine that then no longer answers is an unreachable engine (exit 7), not a container failure', async () => {
  const engine = await fakeEngine(true);
  try {
    const failure = await engine.runtime.startContainer('c1').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DockerUnreachableError);
    expect((failure as Error).message).toMatch(new RegExp(`^cannot connect to the Docker engine at unix://${engine.socketPath}: connect (ENOENT|ECONNREFUSED) `));
  } finally {
    await engine.close();
  }
});

test('a 500 from an engine that still answers stays the engine\'s message for that container', async () => {
  const engine = await fakeEngine(false);
  try {
    const failure = await engine.runtime.startContainer('c1').catch((e: unknown) => e);
    expect(failure).toEqual(new RuntimeError('transport is closing: unavailable', 500));
    expect(engine.versionAsked()).toBe(2); // on connecting, and again after the 500
  } finally {
    await engine.close();
  }
});
