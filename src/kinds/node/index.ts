/** The Node kind: the Docker engine's machine, listed from the engine (kctl stores no Node). */
import type { KindDefinition } from '../types';
import { READ_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'Node',
  fieldLabels: { 'spec.unschedulable': (node) => String(node.spec?.unschedulable ?? false) },
  async list({ state, runtime, env }) {
    const { nodeFromHost } = require('./from-host') as typeof import('./from-host');
    const { hostLimits } = require('../pod/capacity') as typeof import('../pod/capacity');
    const rt = await runtime();
    const [host, engine] = await Promise.all([rt.host(), rt.info()]);
    // The node has been there since kctl first used this state.
    return [nodeFromHost(host, engine, hostLimits(env).maxPods, state.get('Namespace', undefined, 'default')?.metadata.creationTimestamp)];
  },
  get columns() {
    return (require('./columns') as typeof import('./columns')).nodeColumns;
  },
  describe: (node, ctx) => (require('./describe') as typeof import('./describe')).describeNode(node, ctx),
  verbs: READ_VERBS,
};
