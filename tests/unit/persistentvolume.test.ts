/**
 * PersistentVolumes and StorageClasses on the fake runtime: apply refused in the API server's words (and a host
 * directory needs the Pod Security opt-in), static binding of claims by name, class, access modes, size and
 * selector (the smallest fitting volume), claims that wait for a volume (class "", no-provisioner, a volumeName
 * not there yet), the default class, pods mounting the volume's directory, Released/Retain and Delete.
 */
import * as path from 'path';
import { Store } from '../../src/store/store';
import { clockedCliEnv, fakeCliEnv, runCli, type ClockedCliEnv } from '../helpers/cli';

const pv = (name: string, opts: { size?: string; modes?: string; cls?: string; policy?: string; labels?: string; dir?: string; extra?: string } = {}) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
${opts.labels ? `  labels: ${opts.labels}\n` : ''}spec:
  capacity: {storage: ${opts.size ?? '1Gi'}}
  accessModes: [${opts.modes ?? 'ReadWriteOnce'}]
${opts.cls !== undefined ? `  storageClassName: '${opts.cls}'\n` : ''}${opts.policy ? `  persistentVolumeReclaimPolicy: ${opts.policy}\n` : ''}${opts.extra ?? `  hostPath: {path: ${opts.dir ?? '/tmp/kctl-pv-test'}}\n`}`;

const pvc = (name: string, opts: { size?: string; modes?: string; cls?: string; volumeName?: string; selector?: string } = {}) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [${opts.modes ?? 'ReadWriteOnce'}]
  resources: {requests: {storage: ${opts.size ?? '500Mi'}}}
${opts.cls !== undefined ? `  storageClassName: '${opts.cls}'\n` : ''}${opts.volumeName ? `  volumeName: ${opts.volumeName}\n` : ''}${opts.selector ? `  selector: {matchLabels: ${opts.selector}}\n` : ''}`;

const state = (env: ClockedCliEnv) => new Store(env.statePath).read();
const claimOf = (env: ClockedCliEnv, name: string) => state(env).get('PersistentVolumeClaim', 'default', name)!;
const volumeOf = (env: ClockedCliEnv, name: string) => state(env).get('PersistentVolume', undefined, name);

async function applied(files: Record<string, string>, args = '--allow-privileged'): Promise<ClockedCliEnv> {
  const env = clockedCliEnv(files);
  env.setTime(0);
  for (const file of Object.keys(files)) expect(await runCli(`apply -f ${file} --wait=false ${args}`, env)).toMatchObject({ code: 0 });
  return env;
}

describe('kctl apply of a PersistentVolume or StorageClass', () => {
  test('refused as the API server refuses it, and what kctl cannot serve', async () => {
    const env = fakeCliEnv({
      'nosize.yaml': pv('a').replace('  capacity: {storage: 1Gi}\n', ''),
      'nfs.yaml': pv('a', { extra: '  nfs: {server: nfs.example.com, path: /x}\n' }),
      'none.yaml': pv('a', { extra: '' }),
      'recycle.yaml': pv('a', { policy: 'Recycle' }),
      'local.yaml': pv('a', { extra: '  local: {path: /mnt/disk}\n' }),
      'sc.yaml': 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nreclaimPolicy: Keep\n',
    });
    expect(await runCli('apply -f nosize.yaml --allow-privileged', env)).toEqual({ code: 3, stdout: '', stderr: 'error: nosize.yaml:5:1: spec.capacity.storage: Required value\n' });
    expect((await runCli('apply -f nfs.yaml --allow-privileged', env)).stderr).toBe('error: nfs.yaml:8:3: spec.nfs: Forbidden: kctl serves hostPath and local persistent volumes (directories of the Docker host)\n');
    expect((await runCli('apply -f none.yaml --allow-privileged', env)).stderr).toBe('error: none.yaml:6:3: spec: Required value: must specify a volume type\n');
    expect((await runCli('apply -f recycle.yaml --allow-privileged', env)).stderr).toBe('error: recycle.yaml:8:34: spec.persistentVolumeReclaimPolicy: Unsupported value: "Recycle": supported values: "Retain", "Delete"\n');
    expect((await runCli('apply -f local.yaml --allow-privileged', env)).stderr).toBe('error: local.yaml:5:1: spec.nodeAffinity: Required value: Local volume requires node affinity\n');
    expect((await runCli('apply -f sc.yaml', env)).stderr).toBe('error: sc.yaml:1:1: provisioner: Required value\nerror: sc.yaml:4:16: reclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Retain"\n');
    expect((await runCli('get pv,sc', env)).stderr).toBe('No resources found\n');
  });

  test('a host directory is a hostPath volume of every pod that claims it: it needs the Pod Security opt-in', async () => {
    const env = fakeCliEnv({ 'pv.yaml': pv('data') });
    expect(await runCli('apply -f pv.yaml', env)).toEqual({
      code: 3,
      stdout: '',
      stderr: 'error: pv.yaml:1:1: persistentvolumes "data" is forbidden: violates PodSecurity "baseline:latest": hostPath volumes (volume "data")\nhint: to run it anyway, label the namespace pod-security.kubernetes.io/enforce=privileged or apply with --allow-privileged\n',
    });
    expect(await runCli('apply -f pv.yaml --allow-privileged --wait=false', env)).toMatchObject({ code: 0, stdout: 'persistentvolume/data created\n' });
    expect(new Store(env.statePath).read().get('PersistentVolume', undefined, 'data')!.metadata.annotations).toMatchObject({ 'kctl.io/allow-privileged': 'true' });
  });
});

describe('the volume binder', () => {
  test('a claim binds the smallest volume that fits; get, describe and the pod mount show it', async () => {
    const env = await applied({
      'pvs.yaml': [pv('big', { size: '10Gi' }), pv('small', { size: '1Gi', dir: '/tmp/kctl-pv-small' }), pv('tiny', { size: '100Mi' }), pv('rox', { size: '1Gi', modes: 'ReadOnlyMany' })].join('---\n'),
      'pvc.yaml': pvc('data'),
    });
    expect(claimOf(env, 'data').spec.volumeName).toBe('small');
    expect(claimOf(env, 'data').status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } });
    expect(volumeOf(env, 'small')!.spec.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: claimOf(env, 'data').metadata.uid });
    expect((await runCli('get pvc', env)).stdout).toBe('NAME   STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   AGE\ndata   Bound    small    1Gi        RWO                           0s\n');
    expect((await runCli('get pv', env)).stdout).toBe(
      [
        'NAME    CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM          STORAGECLASS   REASON   AGE',
        'big     10Gi       RWO            Retain           Available                                          0s',
        'rox     1Gi        ROX            Retain           Available                                          0s',
        'small   1Gi        RWO            Retain           Bound       default/data                           0s',
        'tiny    100Mi      RWO            Retain           Available                                          0s',
        '',
      ].join('\n'),
    );
    expect((await runCli('describe pv small', env)).stdout).toMatch(/Status:\s+Bound\nClaim:\s+default\/data\nReclaim Policy:\s+Retain\n[^]*Source:\n    Type:          HostPath \(bare host directory volume\)\n    Path:          \/tmp\/kctl-pv-small\n/);
    // A pod of the claim mounts the volume's directory.
    const specs: any[] = [];
    const create = env.runtime.createContainer.bind(env.runtime);
    env.runtime.createContainer = async (spec) => (specs.push(spec), create(spec));
    env.write('pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - {name: app, image: kctl-test/busybox:latest, imagePullPolicy: IfNotPresent, volumeMounts: [{name: d, mountPath: /data}]}\n  volumes:\n  - {name: d, persistentVolumeClaim: {claimName: data}}\n');
    expect((await runCli('apply -f pod.yaml --wait=false', env)).code).toBe(0);
    expect(specs.find((s) => s.labels['io.kctl.role'] === 'app').mounts).toEqual([{ type: 'bind', source: path.normalize('/tmp/kctl-pv-small'), target: '/data', readOnly: false }]);
  });

  test('class, access modes, size and selector must fit; a claim of class "" waits for a volume, then binds it', async () => {
    const env = await applied({
      'pvs.yaml': [pv('slow', { cls: 'slow' }), pv('labelled', { labels: '{tier: gold}' })].join('---\n'),
      'claims.yaml': [pvc('gold', { selector: '{tier: gold}' }), pvc('none', { cls: '' }), pvc('huge', { size: '5Gi', cls: '' }), pvc('slowclaim', { cls: 'slow' })].join('---\n'),
    });
    expect(claimOf(env, 'gold').spec.volumeName).toBe('labelled');
    expect(claimOf(env, 'slowclaim').spec.volumeName).toBe('slow');
    expect(claimOf(env, 'none').status.phase).toBe('Pending');
    expect(claimOf(env, 'huge').status.phase).toBe('Pending');
    expect((await runCli('describe pvc none', env)).stdout).toContain('no persistent volumes available for this claim and no storage class is set');
    env.write('more.yaml', pv('spare', { size: '2Gi' }));
    expect((await runCli('apply -f more.yaml --wait=false --allow-privileged', env)).code).toBe(0);
    expect(claimOf(env, 'none').spec.volumeName).toBe('spare');
    expect(claimOf(env, 'huge').status.phase).toBe('Pending');
  });

  test('a claim naming a volume waits for it; a volume reserved by claimRef goes to that claim only', async () => {
    const env = await applied({ 'claims.yaml': [pvc('named', { volumeName: 'later' }), pvc('other', { cls: '' })].join('---\n') });
    expect(claimOf(env, 'named').status.phase).toBe('Pending');
    expect((await runCli('describe pvc named', env)).stdout).toContain('volume "later" not found');
    env.write('pvs.yaml', [pv('later'), pv('reserved', { extra: '  hostPath: {path: /tmp/r}\n  claimRef: {namespace: default, name: someone-else}\n' })].join('---\n'));
    expect((await runCli('apply -f pvs.yaml --wait=false --allow-privileged', env)).code).toBe(0);
    expect(claimOf(env, 'named').spec.volumeName).toBe('later');
    expect(claimOf(env, 'other').status.phase).toBe('Pending');
    expect(volumeOf(env, 'reserved')!.status.phase).toBe('Available');
  });

  test('the default StorageClass is the class of claims that name none; no-provisioner classes wait for volumes; get sc marks the default', async () => {
    const sc = (name: string, provisioner: string, isDefault = false) => `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${name}\n${isDefault ? '  annotations: {storageclass.kubernetes.io/is-default-class: "true"}\n' : ''}provisioner: ${provisioner}\n`;
    const env = await applied({ 'sc.yaml': [sc('local', 'kubernetes.io/no-provisioner', true), sc('docker', 'kctl.io/docker-volume')].join('---\n') }, '');
    expect((await runCli('get sc', env)).stdout).toBe('NAME              PROVISIONER                    RECLAIMPOLICY   VOLUMEBINDINGMODE   ALLOWVOLUMEEXPANSION   AGE\ndocker            kctl.io/docker-volume          Delete          Immediate           false                  0s\nlocal (default)   kubernetes.io/no-provisioner   Delete          Immediate           false                  0s\n');
    env.write('claims.yaml', [pvc('plain'), pvc('provisioned', { cls: 'docker' })].join('---\n'));
    expect((await runCli('apply -f claims.yaml --wait=false', env)).code).toBe(0);
    expect(claimOf(env, 'plain').status.phase).toBe('Pending');
    expect(claimOf(env, 'provisioned').status.phase).toBe('Bound');
    expect(claimOf(env, 'provisioned').spec.volumeName).toBeUndefined();
    env.write('pv.yaml', pv('disk', { cls: 'local' }));
    expect((await runCli('apply -f pv.yaml --wait=false --allow-privileged', env)).code).toBe(0);
    expect(claimOf(env, 'plain').spec.volumeName).toBe('disk');
  });

  test('a deleted claim leaves its volume Released (Retain) or deletes it (Delete)', async () => {
    const env = await applied({ 'pvs.yaml': [pv('kept', { cls: 'a' }), pv('gone', { cls: 'b', policy: 'Delete' })].join('---\n'), 'claims.yaml': [pvc('one', { cls: 'a' }), pvc('two', { cls: 'b' })].join('---\n') });
    expect(volumeOf(env, 'kept')!.status.phase).toBe('Bound');
    expect((await runCli('delete -f claims.yaml', env)).code).toBe(0);
    await env.passAt(1000);
    expect(volumeOf(env, 'kept')!.status.phase).toBe('Released');
    expect(volumeOf(env, 'gone')).toBeUndefined();
    // A new claim does not bind a Released volume (class "a" names no StorageClass: kctl's provisioner serves it).
    env.write('again.yaml', pvc('three', { cls: 'a' }));
    expect((await runCli('apply -f again.yaml --wait=false', env)).code).toBe(0);
    expect(claimOf(env, 'three').status.phase).toBe('Bound');
    expect(claimOf(env, 'three').spec.volumeName).toBeUndefined();
    expect(volumeOf(env, 'kept')!.status.phase).toBe('Released');
  });
});
