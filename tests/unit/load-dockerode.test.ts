/**
 * dockerode loaded without ssh2 and gRPC (load-dockerode.ts). Jest has its own module loader, so this runs in a
 * plain node process on the build (npm test builds first), as kctl does.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';

const DIST = path.join(__dirname, '../../dist/runtime/docker/load-dockerode.js');

function inNode(script: string): any {
  return JSON.parse(execFileSync(process.execPath, ['-e', `const { loadDockerode } = require(${JSON.stringify(DIST)});\n${script}`], { encoding: 'utf8' }));
}

test('ssh2 and gRPC are not loaded with dockerode, and load when first used', () => {
  const got = inNode(`
    const loaded = () => Object.keys(require.cache).filter((k) => /node_modules\\/(ssh2|@grpc)\\//.test(k)).length > 0;
    const Docker = loadDockerode();
    const before = loaded();
    const docker = new Docker({ socketPath: '/nonexistent.sock' });
    const ssh = require(require.resolve('docker-modem/lib/ssh.js', { paths: [require.resolve('dockerode')] }));
    const agent = ssh({ host: '127.0.0.1', port: 1 });
    console.log(JSON.stringify({ before, after: loaded(), client: typeof docker.listContainers, agent: typeof agent.createConnection }));
  `);
  expect(got).toEqual({ before: false, after: true, client: 'function', agent: 'function' });
});
