/**
 * The ReplicationController kind (v1): the ReplicaSet's predecessor, still served and used by public examples.
 * It runs on the ReplicaSet controller; its selector is a plain label map. Implementations load when first used.
 */
import type { KObject } from '../../api/types';
import type { KindDefinition } from '../types';
import { conditionsShape, podTemplateShape } from '../pod/patch-shape';
import { MANIFEST_VERBS } from '../verbs';
import { containerPorts, nonEmptySelector, specReplicasScale, templateOf } from '../workload';

const labelSelector = (rc: KObject) => (rc.spec?.selector ? { matchLabels: rc.spec.selector } : undefined);

export const definition: KindDefinition = {
  kind: 'ReplicationController',
  fieldLabels: { 'status.replicas': (rc) => String(rc.status?.replicas ?? 0) },
  sync: [(ctx, rc) => (require('../replicaset/controller/sync') as typeof import('../replicaset/controller/sync')).syncReplicaSet(ctx.state, rc, ctx.now, ctx.limits)],
  podTemplate: templateOf,
  scale: { ...specReplicasScale, podSelector: labelSelector },
  podsOf: (state, rc) => (require('../ownership') as typeof import('../ownership')).controlledBy(state, 'Pod', rc),
  expose: {
    selector: (rc) => nonEmptySelector(rc, rc.spec?.selector),
    ports: (rc) => containerPorts(rc.spec?.template?.spec),
  },
  patchShape: { spec: { template: podTemplateShape }, status: conditionsShape },
  get columns() {
    return (require('./columns') as typeof import('./columns')).replicationControllerColumns;
  },
  describe: (rc, ctx) => {
    const { describeReplicas } = require('../replicaset/describe') as typeof import('../replicaset/describe');
    const { formatLabels } = require('../../printers/columns/common') as typeof import('../../printers/columns/common');
    return describeReplicas(rc, ctx, formatLabels(rc.spec?.selector));
  },
  verbs: MANIFEST_VERBS,
  categories: ['all'],
};
