/** The Pod kind. Its controller runs against the container runtime (controllers/pod), not over the state. */
import type { KindDefinition } from '../types';
import { podShape } from './patch-shape';
import { MANIFEST_VERBS } from '../verbs';
import { containerPorts, nonEmptySelector } from '../workload';

export const definition: KindDefinition = {
  kind: 'Pod',
  converged: (_state, pod) => (require('./converged') as typeof import('./converged')).podConverged(pod, true),
  podsOf: (_state, pod) => [pod],
  finishedPhase: (pod) => (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed' ? pod.status.phase : undefined),
  expose: {
    selector: (pod) => nonEmptySelector(pod, pod.metadata.labels),
    ports: (pod) => containerPorts(pod.spec),
  },
  fieldLabels: {
    // Every pod runs on the one node, localhost (kinds/node).
    'spec.nodeName': (pod) => pod.spec?.nodeName || 'localhost',
    'spec.restartPolicy': (pod) => pod.spec?.restartPolicy ?? 'Always',
    'spec.schedulerName': (pod) => pod.spec?.schedulerName ?? 'default-scheduler',
    'spec.serviceAccountName': (pod) => pod.spec?.serviceAccountName ?? 'default',
    'spec.hostNetwork': (pod) => String(pod.spec?.hostNetwork ?? false),
    'status.phase': (pod) => pod.status?.phase ?? '',
    'status.podIP': (pod) => pod.status?.podIP ?? '',
    'status.nominatedNodeName': (pod) => pod.status?.nominatedNodeName ?? '',
  },
  patchShape: podShape,
  get columns() {
    return (require('./columns') as typeof import('./columns')).podColumns;
  },
  describe: (pod, ctx) => (require('./describe') as typeof import('./describe')).describePod(pod, ctx),
  verbs: MANIFEST_VERBS,
  categories: ['all'],
};
