/** The `get` columns of every kind kctl prints; unknown kinds fall back to kubectl's default NAME and AGE. */
import { age } from '../age';
import { configMapColumns, namespaceColumns, secretColumns } from './config';
import { deploymentColumns } from './deployment';
import { endpointsColumns } from './endpoints';
import { eventColumns } from './event';
import { hpaColumns } from './hpa';
import { podColumns } from './pod';
import { pvcColumns } from './pvc';
import { replicaSetColumns } from './replicaset';
import { serviceColumns } from './service';
import { headers, type KindColumns } from './types';

export type { KindColumns, CellContext } from './types';

const defaultColumns: KindColumns = {
  headers: headers(['NAME', 'AGE']),
  cells: (o, { now }) => [o.metadata.name, age(o.metadata.creationTimestamp, now)],
};

const BY_KIND: Record<string, KindColumns> = {
  Deployment: deploymentColumns,
  ReplicaSet: replicaSetColumns,
  Pod: podColumns,
  Service: serviceColumns,
  Endpoints: endpointsColumns,
  ConfigMap: configMapColumns,
  Secret: secretColumns,
  Namespace: namespaceColumns,
  PersistentVolumeClaim: pvcColumns,
  HorizontalPodAutoscaler: hpaColumns,
  Event: eventColumns,
};

export function columnsFor(kind: string): KindColumns {
  return BY_KIND[kind] ?? defaultColumns;
}
