/**
 * A PersistentVolume on real Docker: a hostPath volume made beforehand (with the Pod Security opt-in), a claim
 * of class "" that binds it, and a pod whose writes land in the host directory and outlive the pod and the
 * claim (Retain leaves the volume Released with its data).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Kctl, eventually } from './harness';

jest.setTimeout(180_000);

describe('persistent volumes on real Docker', () => {
  const k = new Kctl();
  afterAll(async () => {
    await k.cleanup();
  });

  test('a claim binds a hostPath volume; the pod writes into the host directory; Retain keeps it', async () => {
    const dir = path.join(path.dirname(k.statePath), 'disk');
    const file = k.write('app.yaml', `apiVersion: v1
kind: PersistentVolume
metadata: {name: disk}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: ''
  hostPath: {path: ${dir}, type: DirectoryOrCreate}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  storageClassName: ''
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 100Mi}}
---
apiVersion: v1
kind: Pod
metadata: {name: writer}
spec:
  terminationGracePeriodSeconds: 1
  containers:
    - name: writer
      image: kctl-test/busybox:latest
      imagePullPolicy: IfNotPresent
      command: [sh, -c, 'echo written-by-pod > /data/hello && sleep 100000']
      volumeMounts: [{name: data, mountPath: /data}]
  volumes:
    - {name: data, persistentVolumeClaim: {claimName: data}}
`);
    expect((await k.run(['apply', '-f', file])).stderr).toContain('persistentvolumes "disk" is forbidden: violates PodSecurity "baseline:latest": hostPath volumes (volume "disk")');
    expect(await k.run(['apply', '-f', file, '--allow-privileged'])).toMatchObject({ code: 0, stdout: 'persistentvolume/disk created\npersistentvolumeclaim/data created\npod/writer created\n' });
    expect((await k.run(['get', 'pvc', 'data', '-o', 'jsonpath={.status.phase} {.spec.volumeName}'])).stdout).toBe('Bound disk');
    expect(await eventually(async () => (fs.existsSync(path.join(dir, 'hello')) ? fs.readFileSync(path.join(dir, 'hello'), 'utf8') : undefined), 100, 200)).toBe('written-by-pod\n');

    expect((await k.run(['delete', 'pod', 'writer'])).code).toBe(0);
    expect((await k.run(['delete', 'pvc', 'data'])).code).toBe(0);
    expect((await k.run(['reconcile'])).code).toBe(0);
    expect((await k.run(['get', 'pv', 'disk', '-o', 'jsonpath={.status.phase}'])).stdout).toBe('Released');
    expect(fs.readFileSync(path.join(dir, 'hello'), 'utf8')).toBe('written-by-pod\n');
    expect((await k.run(['delete', 'pv', 'disk'])).code).toBe(0);
  });
});
