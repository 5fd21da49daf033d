/**
 * The names Docker's DNS answers for a pod (container-spec.ts podAliases): its name; with hostname and subdomain
 * the cluster DNS forms `<hostname>.<subdomain>...`; and the names of the headless Services that select it
 * (a ClusterIP Service's names belong to its proxy).
 */
import type { KObject } from '../../src/api/types';
import { podAliases } from '../../src/backends/local/pod/container-spec';
import { emptyState, State } from '../../src/store/state';

const pod = (spec: any): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'shop', labels: { app: 'web' } }, spec: { containers: [], ...spec } });
const service = (spec: any): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec });

describe('pod DNS aliases', () => {
  test('a pod without hostname and subdomain answers to its name only', () => {
    expect(podAliases(pod({ hostname: 'web-1' }), undefined)).toEqual(['web-1']);
    expect(podAliases(pod({ subdomain: 'web' }), undefined)).toEqual(['web-1']);
  });

  test("a Deployment's pod answers for the headless Service that selects it (the WordPress tutorial's wordpress-mysql)", () => {
    const state = new State(emptyState());
    state.put({ ...service({ clusterIP: 'None', selector: { app: 'web' } }), metadata: { name: 'db', namespace: 'shop' } });
    expect(podAliases(pod({}), state)).toEqual(['web-1', 'db', 'db.shop', 'db.shop.svc', 'db.shop.svc.cluster.local']);
  });

  test('hostname and subdomain give the cluster DNS forms', () => {
    expect(podAliases(pod({ hostname: 'web-1', subdomain: 'web' }), new State(emptyState()))).toEqual(['web-1', 'web-1.web', 'web-1.web.shop', 'web-1.web.shop.svc', 'web-1.web.shop.svc.cluster.local']);
  });

  test("a headless Service that selects the pod adds its names; a ClusterIP one or one selecting others does not", () => {
    const withService = (spec: any) => {
      const state = new State(emptyState());
      state.put(service(spec));
      return podAliases(pod({ hostname: 'web-1', subdomain: 'web' }), state);
    };
    expect(withService({ clusterIP: 'None', selector: { app: 'web' } }).slice(5)).toEqual(['web', 'web.shop', 'web.shop.svc', 'web.shop.svc.cluster.local']);
    expect(withService({ selector: { app: 'web' } })).toHaveLength(5);
    expect(withService({ clusterIP: 'None', selector: { app: 'db' } })).toHaveLength(5);
  });
});
