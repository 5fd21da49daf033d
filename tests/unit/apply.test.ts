import { State, emptyState } from '../../src/store/state';
import { applyObject, LAST_APPLIED } from '../../src/store/apply';
import { applyDefaults } from '../../src/api/defaults';
import type { KObject } from '../../src/api/types';

const dep = (replicas?: number, image = 'kctl-demo/web:v1', annotations?: Record<string, string>): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', ...(annotations ? { annotations } : {}) },
  spec: { ...(replicas === undefined ? {} : { replicas }), selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } } },
});

describe('applyObject', () => {
  test('created, unchanged, configured; generation moves only with the spec', () => {
    const s = new State(emptyState());
    expect(applyObject(s, dep(2), applyDefaults)).toBe('created');
    expect(s.get('Deployment', 'default', 'web')?.metadata.generation).toBe(1);
    expect(applyObject(s, dep(2), applyDefaults)).toBe('unchanged');
    expect(applyObject(s, dep(2, 'kctl-demo/web:v1', { team: 'a' }), applyDefaults)).toBe('configured');
    expect(s.get('Deployment', 'default', 'web')?.metadata.generation).toBe(1);
    expect(applyObject(s, dep(2, 'kctl-demo/web:v2', { team: 'a' }), applyDefaults)).toBe('configured');
    expect(s.get('Deployment', 'default', 'web')?.metadata.generation).toBe(2);
  });

  test('replicas set by scale survive a manifest that does not set them', () => {
    const s = new State(emptyState());
    applyObject(s, dep(undefined), applyDefaults);
    s.get('Deployment', 'default', 'web')!.spec.replicas = 5;
    expect(applyObject(s, dep(undefined), applyDefaults)).toBe('unchanged');
    expect(s.get('Deployment', 'default', 'web')!.spec.replicas).toBe(5);
    expect(applyObject(s, dep(3), applyDefaults)).toBe('configured');
    expect(s.get('Deployment', 'default', 'web')!.spec.replicas).toBe(3);
  });

  test('annotations from other commands are kept; ones the manifest dropped are removed', () => {
    const s = new State(emptyState());
    applyObject(s, dep(1, 'i:1', { owner: 'x' }), applyDefaults);
    s.get('Deployment', 'default', 'web')!.metadata.annotations!['kubernetes.io/change-cause'] = 'by hand';
    applyObject(s, dep(1, 'i:1'), applyDefaults);
    const ann = s.get('Deployment', 'default', 'web')!.metadata.annotations!;
    expect(Object.keys(ann).sort()).toEqual([LAST_APPLIED, 'kubernetes.io/change-cause']);
  });

  test('Secret stringData is stored as base64 data, never in plain text', () => {
    const s = new State(emptyState());
    applyObject(s, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, stringData: { password: 's3cr3t-value' } } as KObject, applyDefaults);
    const stored = s.get('Secret', 'default', 'db')!;
    expect(stored.data).toEqual({ password: Buffer.from('s3cr3t-value').toString('base64') });
    expect(JSON.stringify(stored)).not.toContain('s3cr3t-value');
  });

  test('a new Namespace is Active', () => {
    const s = new State(emptyState());
    applyObject(s, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }, applyDefaults);
    expect(s.get('Namespace', undefined, 'shop')!.status).toEqual({ phase: 'Active' });
  });
});

test('re-applying a Service keeps its allocated cluster IP and node port: unchanged', () => {
  const svc = (): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } });
  const s = new State(emptyState());
  expect(applyObject(s, svc(), applyDefaults)).toBe('created');
  const live = s.get('Service', 'default', 'web')!;
  live.spec.clusterIP = '10.96.0.12';
  live.spec.clusterIPs = ['10.96.0.12'];
  live.spec.ports[0].nodePort = 30123;
  expect(applyObject(s, svc(), applyDefaults)).toBe('unchanged');
  expect(s.get('Service', 'default', 'web')!.spec.ports[0].nodePort).toBe(30123);
  expect(s.get('Service', 'default', 'web')!.metadata.generation).toBe(1);
});
