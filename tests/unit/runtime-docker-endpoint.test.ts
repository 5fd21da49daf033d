import { createHash } from 'crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { UsageError } from '../../src/errors';
import { resolveEndpoint } from '../../src/runtime/docker/endpoint';

let home: string;
let config: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'kctl-endpoint-'));
  config = join(home, '.docker');
  mkdirSync(config);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function addContext(dir: string, name: string, host: string, tls = false): void {
  const id = createHash('sha256').update(name).digest('hex');
  mkdirSync(join(dir, 'contexts', 'meta', id), { recursive: true });
  writeFileSync(join(dir, 'contexts', 'meta', id, 'meta.json'), JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } }));
  if (tls) {
    mkdirSync(join(dir, 'contexts', 'tls', id, 'docker'), { recursive: true });
    writeFileSync(join(dir, 'contexts', 'tls', id, 'docker', 'ca.pem'), 'CA');
  }
}

function setCurrent(dir: string, name: string): void {
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ currentContext: name }));
}

test('without anything configured: the default socket', () => {
  expect(resolveEndpoint({ HOME: home })).toEqual({ url: 'unix:///var/run/docker.sock', socketPath: '/var/run/docker.sock', protocol: 'http' });
});

test('DOCKER_HOST: unix and tcp endpoints', () => {
  expect(resolveEndpoint({ HOME: home, DOCKER_HOST: 'unix:///tmp/d.sock' })).toEqual({ url: 'unix:///tmp/d.sock', socketPath: '/tmp/d.sock', protocol: 'http' });
  expect(resolveEndpoint({ HOME: home, DOCKER_HOST: 'tcp://127.0.0.1:2375' })).toEqual({
    url: 'tcp://127.0.0.1:2375',
    host: '127.0.0.1',
    port: 2375,
    protocol: 'http',
    tls: undefined,
  });
});

test('an explicit --context URL wins over DOCKER_HOST', () => {
  expect(resolveEndpoint({ HOME: home, DOCKER_HOST: 'tcp://127.0.0.1:2375' }, 'unix:///run/other.sock').url).toBe('unix:///run/other.sock');
});

test('an explicit --context name is looked up in the CLI\'s context store', () => {
  addContext(config, 'remote', 'tcp://127.0.0.1:12375');
  expect(resolveEndpoint({ HOME: home, DOCKER_HOST: 'unix:///ignored.sock' }, 'remote').url).toBe('tcp://127.0.0.1:12375');
});

test('the CLI\'s currentContext is used when DOCKER_HOST is unset; DOCKER_CONFIG moves the config directory', () => {
  const elsewhere = join(home, 'elsewhere');
  mkdirSync(elsewhere);
  addContext(elsewhere, 'desktop', 'unix:///home/me/.docker/run/docker.sock');
  setCurrent(elsewhere, 'desktop');
  expect(resolveEndpoint({ HOME: home, DOCKER_CONFIG: elsewhere }).url).toBe('unix:///home/me/.docker/run/docker.sock');
  expect(resolveEndpoint({ HOME: home, DOCKER_CONFIG: elsewhere, DOCKER_HOST: 'unix:///env.sock' }).url).toBe('unix:///env.sock');
});

test('DOCKER_CONTEXT wins over currentContext; "default" means DOCKER_HOST or the default socket', () => {
  addContext(config, 'a', 'unix:///a.sock');
  addContext(config, 'b', 'unix:///b.sock');
  setCurrent(config, 'a');
  expect(resolveEndpoint({ HOME: home }).url).toBe('unix:///a.sock');
  expect(resolveEndpoint({ HOME: home, DOCKER_CONTEXT: 'b' }).url).toBe('unix:///b.sock');
  expect(resolveEndpoint({ HOME: home }, 'default').url).toBe('unix:///var/run/docker.sock');
});

test('a context with certificates is reached over TLS', () => {
  addContext(config, 'secure', 'tcp://127.0.0.1:2376', true);
  const e = resolveEndpoint({ HOME: home }, 'secure');
  expect(e).toMatchObject({ url: 'tcp://127.0.0.1:2376', protocol: 'https' });
  expect(e.tls?.ca?.toString()).toBe('CA');
});

test('an unknown context or an unsupported endpoint is a usage error', () => {
  expect(() => resolveEndpoint({ HOME: home }, 'nope')).toThrow(new UsageError('context "nope" does not exist'));
  expect(() => resolveEndpoint({ HOME: home, DOCKER_HOST: 'ssh://me@host' })).toThrow('unsupported Docker endpoint "ssh://me@host"');
});
