/** `kctl describe`: kubectl's describe view of one object, chosen by kind. */
import type { KObject } from '../../api/types';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './common';
import { describeConfigMap, describeNamespace, describeSecret } from './config';
import type { DescribeContext } from './context';
import { describeDeployment } from './deployment';
import { describeEndpoints } from './endpoints';
import { describeHPA } from './hpa';
import { describePod } from './pod';
import { describePVC } from './pvc';
import { describeReplicaSet } from './replicaset';
import { describeService } from './service';
import { DescribeWriter, LEVEL_0 } from './writer';

export type { DescribeContext } from './context';

const BY_KIND: Record<string, (obj: KObject, ctx: DescribeContext) => string> = {
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Pod: describePod,
  Service: describeService,
  Endpoints: describeEndpoints,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  Namespace: describeNamespace,
  PersistentVolumeClaim: describePVC,
  HorizontalPodAutoscaler: describeHPA,
};

/** The text kubectl describe prints for `obj`, ending with a newline. */
export function describe(obj: KObject, ctx: DescribeContext): string {
  return (BY_KIND[obj.kind] ?? describeGeneric)(obj, ctx);
}

/** Kinds without a describer of their own (Event): the metadata and the events. */
function describeGeneric(obj: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  if (obj.metadata.namespace) w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}
