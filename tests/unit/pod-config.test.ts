/**
 * The pure parts of pods for real applications: environment resolution ($(VAR), envFrom, valueFrom and
 * Kubernetes' messages), projected volume files and their modes on disk, securityContext and limits as
 * Docker options, and the sandbox's pause executable.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { KObject } from '../../src/api/types';
import { expandArgs, resolveEnv } from '../../src/kinds/pod/config/env';
import { expand } from '../../src/kinds/pod/config/expand';
import { ConfigError, sourceData, type SourceLookup } from '../../src/kinds/pod/config/sources';
import { pauseBinary } from '../../src/backends/local/pod/pause-binary';
import { resourceLimits } from '../../src/backends/local/pod/resources';
import { podPorts } from '../../src/backends/local/pod/container-spec';
import { needsImageUser, securityOptions, type SecurityFacts } from '../../src/backends/local/pod/security';
import { writeProjection } from '../../src/backends/local/volumes/host-dir';
import { projectedFiles } from '../../src/backends/local/volumes/projection';
import { tempDir } from '../helpers/cli';

const pod: KObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop', uid: 'u-1', labels: { app: 'web', tier: 'front' } },
  spec: { containers: [{ name: 'web', image: 'x', resources: { limits: { cpu: '250m', memory: '64Mi' } } }] },
};
const facts = { pod, podIP: '10.0.0.7', hostIP: '127.0.0.1' };
const objects: Record<string, KObject> = {
  'ConfigMap/cfg': { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { GREETING: 'hello', 'bad key': 'x', 'app.conf': 'port=1\n' }, binaryData: { logo: Buffer.from([0, 255]).toString('base64') } },
  'Secret/sec': { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sec' }, data: { password: Buffer.from('s3cr3t').toString('base64') }, stringData: { token: 'plain' } },
};
const lookup: SourceLookup = (kind, name, use) => (objects[`${kind}/${name}`] ? sourceData(objects[`${kind}/${name}`], use) : undefined);
const env = (container: any) => resolveEnv({ name: 'web', ...container }, facts, lookup);

describe('$(VAR) expansion', () => {
  const vars = (n: string) => ({ A: 'a', B: 'b' })[n];
  test.each([
    ['$(A)-$(B)', 'a-b'],
    ['$(MISSING) stays', '$(MISSING) stays'],
    ['$$(A) is escaped', '$(A) is escaped'],
    ['cost: $$5 $5', 'cost: $5 $5'],
    ['unclosed $(A', 'unclosed $(A'],
    ['$', '$'],
  ])('%s', (input, output) => expect(expand(input, vars)).toBe(output));
});

describe('environment', () => {
  test('envFrom in order with prefix, then env overriding it, with $(VAR) over what is defined so far', () => {
    const r = env({
      envFrom: [{ configMapRef: { name: 'cfg' } }, { secretRef: { name: 'sec' }, prefix: 'S_' }],
      env: [
        { name: 'GREETING', value: 'hi' },
        { name: 'MSG', value: '$(GREETING) $(S_token) $(LATER)' },
        { name: 'LATER', value: 'l' },
      ],
    });
    expect(r.env).toEqual({ GREETING: 'hi', 'app.conf': 'port=1\n', S_password: 's3cr3t', S_token: 'plain', MSG: 'hi plain $(LATER)', LATER: 'l' });
    expect(r.skipped).toEqual(['bad key']);
  });

  test('valueFrom: configMapKeyRef, secretKeyRef, fieldRef, resourceFieldRef; optional references may be missing', () => {
    const r = env({
      env: [
        { name: 'G', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'GREETING' } } },
        { name: 'P', valueFrom: { secretKeyRef: { name: 'sec', key: 'password' } } },
        { name: 'NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
        { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'TIER', valueFrom: { fieldRef: { fieldPath: "metadata.labels['tier']" } } },
        { name: 'CPU', valueFrom: { resourceFieldRef: { containerName: 'web', resource: 'limits.cpu', divisor: '1m' } } },
        { name: 'MEM', valueFrom: { resourceFieldRef: { containerName: 'web', resource: 'limits.memory', divisor: '1Mi' } } },
        { name: 'GONE', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k', optional: true } } },
        { name: 'NOKEY', valueFrom: { secretKeyRef: { name: 'sec', key: 'nope', optional: true } } },
      ],
      envFrom: [{ configMapRef: { name: 'absent', optional: true } }],
    });
    expect(r.env).toEqual({ G: 'hello', P: 's3cr3t', NAME: 'web-1', NS: 'shop', IP: '10.0.0.7', TIER: 'front', CPU: '250', MEM: '64' });
  });

  test.each([
    [{ env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k' } } }] }, 'configmap "nope" not found'],
    [{ env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'nope', key: 'k' } } }] }, 'secret "nope" not found'],
    [{ env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }] }, "couldn't find key k in ConfigMap shop/cfg"],
    [{ env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'sec', key: 'k' } } }] }, "couldn't find key k in Secret shop/sec"],
    [{ envFrom: [{ secretRef: { name: 'nope' } }] }, 'secret "nope" not found'],
  ])('missing references fail with the kubelet message, never a value (%#)', (container, message) => {
    expect(() => env(container)).toThrow(new ConfigError(message));
  });

  test('command and args are expanded against the environment', () => {
    expect(expandArgs(['echo', '$(A)', '$$(A)'], { A: 'x' })).toEqual(['echo', 'x', '$(A)']);
    expect(expandArgs(undefined, {})).toBeUndefined();
  });
});

describe('projected volume files', () => {
  const files = (volume: any) => projectedFiles(volume, facts, lookup).map((f) => `${f.path} ${f.mode.toString(8)} ${JSON.stringify(f.content.toString('utf8'))}`);

  test('every key as a file with the default mode, or the items at their paths and modes', () => {
    expect(files({ name: 'v', secret: { secretName: 'sec' } })).toEqual(['password 644 "s3cr3t"', 'token 644 "plain"']);
    expect(projectedFiles({ name: 'v', configMap: { name: 'cfg', items: [{ key: 'logo', path: 'logo.bin' }] } }, facts, lookup)[0].content).toEqual(Buffer.from([0, 255]));
    expect(files({ name: 'v', configMap: { name: 'cfg', defaultMode: 0o440, items: [{ key: 'app.conf', path: 'etc/app.conf' }, { key: 'GREETING', path: 'g', mode: 0o600 }] } })).toEqual(['etc/app.conf 440 "port=1\\n"', 'g 600 "hello"']);
  });

  test('optional sources may be missing; required ones and missing item keys fail', () => {
    expect(files({ name: 'v', configMap: { name: 'nope', optional: true } })).toEqual([]);
    expect(() => files({ name: 'v', configMap: { name: 'nope' } })).toThrow('configmap "nope" not found');
    expect(() => files({ name: 'v', secret: { secretName: 'sec', items: [{ key: 'k', path: 'k' }] } })).toThrow('secret references non-existent secret key: k');
    expect(() => files({ name: 'v', configMap: { name: 'cfg', items: [{ key: 'GREETING', path: '../escape' }] } })).toThrow(`invalid path "../escape": must be a relative path without '..'`);
  });

  test('downwardAPI and projected sources', () => {
    expect(files({ name: 'v', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }, { path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] } })).toEqual(['labels 644 "app=\\"web\\"\\ntier=\\"front\\""', 'name 644 "web-1"']);
    expect(files({ name: 'v', projected: { defaultMode: 0o400, sources: [{ secret: { name: 'sec', items: [{ key: 'password', path: 'pw' }] } }, { configMap: { name: 'cfg', items: [{ key: 'GREETING', path: 'g' }] } }] } })).toEqual(['pw 400 "s3cr3t"', 'g 400 "hello"']);
  });

  test('written to disk: private directories, the volume root enterable, files with their mode, stale files removed', () => {
    const dir = path.join(tempDir(), 'pods', 'scope', 'uid', 'volumes', 'sec');
    const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8);
    expect(writeProjection(dir, [{ path: 'a', content: Buffer.from('1'), mode: 0o600 }, { path: 'sub/b', content: Buffer.from('2'), mode: 0o644 }])).toBe(true);
    expect([mode(path.dirname(dir)), mode(path.dirname(path.dirname(dir))), mode(dir), mode(path.join(dir, 'a')), mode(path.join(dir, 'sub/b'))]).toEqual(['700', '700', '755', '600', '644']);
    expect(writeProjection(dir, [{ path: 'a', content: Buffer.from('1'), mode: 0o600 }, { path: 'sub/b', content: Buffer.from('2'), mode: 0o644 }])).toBe(false);
    expect(writeProjection(dir, [{ path: 'a', content: Buffer.from('changed'), mode: 0o600 }])).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'a'), 'utf8')).toBe('changed');
    expect(fs.existsSync(path.join(dir, 'sub/b'))).toBe(false);
  });

  test('a payload the kubelet\'s writer refuses is refused before anything is written; a file and a directory may trade places', () => {
    const root = tempDir();
    const dir = path.join(root, 'v');
    const file = (p: string, content = 'x') => ({ path: p, content: Buffer.from(content), mode: 0o644 });
    expect(() => writeProjection(dir, [file('.')])).toThrow(`invalid path ".": must be a relative path of names without '.', '..' or empty elements`);
    expect(() => writeProjection(dir, [file('d/')])).toThrow(`invalid path "d/": must be a relative path of names without '.', '..' or empty elements`);
    expect(() => writeProjection(dir, [file('../escape')])).toThrow(`invalid path "../escape"`);
    expect(() => writeProjection(dir, [file('/etc/passwd')])).toThrow(`invalid path "/etc/passwd"`);
    expect(() => writeProjection(dir, [file('a'), file('a')])).toThrow('invalid path "a": given twice');
    expect(() => writeProjection(dir, [file('a'), file('a/b')])).toThrow('invalid path "a/b": "a" is a file of the same volume');
    expect(fs.existsSync(dir)).toBe(false);
    writeProjection(dir, [file('a/b', 'nested')]);
    writeProjection(dir, [file('a', 'flat')]);
    expect(fs.readFileSync(path.join(dir, 'a'), 'utf8')).toBe('flat');
    writeProjection(dir, [file('a/b', 'nested again')]);
    expect(fs.readFileSync(path.join(dir, 'a/b'), 'utf8')).toBe('nested again');
    // No temp file is left anywhere.
    const all = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(path.join(d, e.name)) : [e.name]));
    expect(all(root)).toEqual(['b']);
  });
});

describe('security and resources', () => {
  const withContainer = (sc: any, podSc?: any): KObject => ({ ...pod, spec: { securityContext: podSc, containers: [{ name: 'web', securityContext: sc }] } });

  const options = (p: KObject, facts: Partial<SecurityFacts> = {}) => securityOptions(p, p.spec.containers[0], { seccompRoot: '/nonexistent', ...facts });

  test('the container securityContext over the pod one, as Docker options', () => {
    const p = withContainer({ runAsUser: 1000, readOnlyRootFilesystem: true, capabilities: { add: ['NET_ADMIN'], drop: ['all', 'CAP_CHOWN'] } }, { runAsUser: 1, runAsGroup: 2000 });
    expect(options(p)).toEqual({ options: { user: '1000:2000', readOnlyRootfs: true, capAdd: ['NET_ADMIN'], capDrop: ['ALL', 'CHOWN'] }, unsupported: [] });
    const groupOnly = withContainer({ runAsGroup: 5 });
    expect(options(groupOnly)).toEqual({ options: {}, unsupported: ["runAsGroup 5 without runAsUser: the image's user and group are used"] });
  });

  test('hardening is honoured: no-new-privileges, seccomp, unmasked /proc, supplementary groups; the rest is said', () => {
    const p = withContainer({ allowPrivilegeEscalation: false, seccompProfile: { type: 'Unconfined' }, procMount: 'Unmasked', seLinuxOptions: { type: 'spc_t' } }, { supplementalGroups: [10, 20], fsGroup: 20, seccompProfile: { type: 'RuntimeDefault' }, sysctls: [{ name: 'kernel.shm_rmid_forced', value: '1' }] });
    expect(options(p)).toEqual({
      options: { securityOpt: ['no-new-privileges', 'seccomp=unconfined', 'systempaths=unconfined'], groupAdd: ['10', '20'] },
      unsupported: [
        'fsGroup 20: the group is added to the container\'s process, volume ownership is not changed',
        'seLinuxOptions: not applied (Docker labels the container itself)',
        'sysctls kernel.shm_rmid_forced: not applied',
      ],
    });
    // RuntimeDefault is Docker's own default profile: nothing to add.
    expect(options(withContainer({}, { seccompProfile: { type: 'RuntimeDefault' } })).options).toEqual({});
  });

  test('a Localhost seccomp profile is read from kctl\'s seccomp directory; a missing or escaping one is a config error', () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'audit.json'), '{"defaultAction":"SCMP_ACT_LOG"}');
    const local = (name: string) => withContainer({ seccompProfile: { type: 'Localhost', localhostProfile: name } });
    expect(options(local('audit.json'), { seccompRoot: root }).options).toEqual({ securityOpt: ['seccomp={"defaultAction":"SCMP_ACT_LOG"}'] });
    expect(() => options(local('missing.json'), { seccompRoot: root })).toThrow(`cannot load seccomp profile "${path.join(root, 'missing.json')}": ENOENT`);
    expect(() => options(local('../../etc/passwd'), { seccompRoot: root })).toThrow(`invalid seccomp localhostProfile "../../etc/passwd": must be a path relative to ${root} without ".."`);
  });

  test('privileged reaches Docker (admission decided before); runAsNonRoot is verified as the kubelet does', () => {
    expect(options(withContainer({ privileged: true })).options).toEqual({ privileged: true });
    const where = '(pod: "web-1_shop(u-1)", container: web)';
    const nonRoot = (sc: any) => withContainer(sc, { runAsNonRoot: true });
    expect(() => options(nonRoot({ runAsUser: 0 }))).toThrow(`container's runAsUser breaks non-root policy ${where}`);
    expect(needsImageUser(nonRoot({ runAsUser: 1000 }), { name: 'web', securityContext: { runAsUser: 1000 } })).toBe(false);
    expect(needsImageUser(nonRoot({}), { name: 'web' })).toBe(true);
    expect(() => options(nonRoot({}), { imageUser: '' })).toThrow(`container has runAsNonRoot and image will run as root ${where}`);
    expect(() => options(nonRoot({}), { imageUser: '0:0' })).toThrow(`container has runAsNonRoot and image will run as root ${where}`);
    expect(() => options(nonRoot({}), { imageUser: 'nobody' })).toThrow(`container has runAsNonRoot and image has non-numeric user (nobody), cannot verify user is non-root ${where}`);
    expect(options(nonRoot({}), { imageUser: '65534:65534' }).options).toEqual({});
  });

  test('ports are published on 127.0.0.1; a hostIP counts only with a hostPort, as in Kubernetes', () => {
    const ports = [{ containerPort: 80, hostIP: '0.0.0.0' }, { containerPort: 81, hostPort: 8081, hostIP: '0.0.0.0' }, { containerPort: 82, hostPort: 8082 }];
    expect(podPorts({ ...pod, spec: { containers: [{ name: 'web', ports }] } }, '127.0.0.1')).toEqual([
      { containerPort: 80, protocol: 'TCP', hostPort: 0, hostIP: '127.0.0.1' },
      { containerPort: 81, protocol: 'TCP', hostPort: 8081, hostIP: '0.0.0.0' },
      { containerPort: 82, protocol: 'TCP', hostPort: 8082, hostIP: '127.0.0.1' },
    ]);
  });

  test('limits: memory in bytes, CPU in billionths of a CPU; none when unset', () => {
    expect(resourceLimits({ resources: { limits: { memory: '64Mi', cpu: '1.5' }, requests: { cpu: '100m' } } })).toEqual({ memoryBytes: 67108864, nanoCpus: 1_500_000_000 });
    expect(resourceLimits({})).toEqual({ memoryBytes: undefined, nanoCpus: undefined });
  });
});

test('the pause executable: a static ELF64 for amd64 and arm64 (x86_64 and aarch64 spellings), none for others', () => {
  const amd = pauseBinary('x86_64')!;
  expect(amd.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  expect([amd.readUInt16LE(18), pauseBinary('aarch64')!.readUInt16LE(18)]).toEqual([0x3e, 0xb7]);
  expect(amd.readBigUInt64LE(24)).toBe(0x400000n + 120n);
  expect(amd.length).toBe(120 + 9);
  expect(pauseBinary('arm64')!.length).toBe(120 + 28);
  expect(pauseBinary('s390x')).toBeUndefined();
});
