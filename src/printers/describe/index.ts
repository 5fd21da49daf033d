/** `kctl describe`: kubectl's describe view of one object, chosen by its kind's definition (src/kinds). */
import type { KObject } from '../../api/types';
import { kindDefinition } from '../../kinds/registry';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './common';
import type { DescribeContext } from './context';
import { DescribeWriter, LEVEL_0 } from './writer';

export type { DescribeContext } from './context';

/** The text kubectl describe prints for `obj`, ending with a newline: the kind's describer, else the generic one. */
export function describe(obj: KObject, ctx: DescribeContext): string {
  return (kindDefinition(obj.kind)?.describe ?? describeGeneric)(obj, ctx);
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
