/** Object shapes kctl stores and reconciles. They follow the Kubernetes API; only what kctl uses is typed. */

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  generation?: number;
  resourceVersion?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  [key: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any;
  status?: any;
  [key: string]: unknown;
}

/** An object whose fields kctl does not type: manifest checks and defaults walk it field by field. */
export type Json = Record<string, any>;

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
}

/** An event as `kctl describe` and `kctl get events` show it. */
export interface KEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** kind/namespace/name of the object the event is about. */
  involvedObject: { kind: string; namespace?: string; name: string; uid?: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  source?: string;
}
