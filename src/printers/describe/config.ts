/** ConfigMap, Secret and Namespace. A Secret shows its keys and sizes, never a value. */
import type { KObject } from '../../api/types';
import { secretKeys } from '../columns/config';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common';
import type { DescribeContext } from './context';
import { DescribeWriter, LEVEL_0 } from './writer';

function header(w: DescribeWriter, obj: KObject): void {
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? 'default'}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
}

export function describeConfigMap(cm: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  header(w, cm);
  const data = (cm.data ?? {}) as Record<string, string>;
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(data).sort()) w.write(LEVEL_0, `${k}:\n----\n${data[k]}\n`);
  const binary = (cm.binaryData ?? {}) as Record<string, string>;
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const k of Object.keys(binary).sort()) w.write(LEVEL_0, `${k}: ${Buffer.from(binary[k], 'base64').length} bytes\n`);
  w.write(LEVEL_0, '\n');
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}

export function describeSecret(secret: KObject): string {
  const w = new DescribeWriter();
  header(w, secret);
  w.write(LEVEL_0, `\nType:\t${(secret.type as string) || 'Opaque'}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  const data = (secret.data ?? {}) as Record<string, string>;
  const stringData = (secret.stringData ?? {}) as Record<string, string>;
  for (const k of secretKeys(secret)) {
    const bytes = k in stringData ? Buffer.byteLength(stringData[k], 'utf8') : Buffer.from(data[k] ?? '', 'base64').length;
    w.write(LEVEL_0, `${k}:\t${bytes} bytes\n`);
  }
  return w.toString();
}

export function describeNamespace(ns: KObject): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? 'Active'}\n`);
  w.write(LEVEL_0, '\nNo resource quota.\n');
  w.write(LEVEL_0, '\nNo LimitRange resource.\n');
  return w.toString();
}
