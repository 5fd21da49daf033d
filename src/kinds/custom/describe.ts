/**
 * `kctl describe` of a custom object: kubectl's generic describer (Name, Namespace, Labels, Annotations, API
 * Version, Kind, then the object's other fields as nested `Key:  value` lines), and the events.
 */
import type { KObject } from '../../api/types';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from '../../printers/describe/common';
import type { DescribeContext } from '../../printers/describe/context';
import { DescribeWriter, LEVEL_0 } from '../../printers/describe/writer';

export function describeCustomObject(obj: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  if (obj.metadata.namespace) w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(LEVEL_0, `API Version:\t${obj.apiVersion}\n`);
  w.write(LEVEL_0, `Kind:\t${obj.kind}\n`);
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'apiVersion' || key === 'kind' || key === 'metadata') continue;
    writeField(w, 0, key, value);
  }
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}

/** kubectl's printUnstructuredContent: maps and lists nest two spaces deeper, scalars follow their key. */
function writeField(w: DescribeWriter, level: number, key: string, value: unknown): void {
  const indent = '  '.repeat(level);
  const title = key.charAt(0).toUpperCase() + key.slice(1);
  if (Array.isArray(value)) {
    w.write(LEVEL_0, `${indent}${title}:\n`);
    for (const item of value) {
      if (item !== null && typeof item === 'object') for (const [k, v] of Object.entries(item)) writeField(w, level + 1, k, v);
      else w.write(LEVEL_0, `${indent}  ${String(item)}\n`);
    }
  } else if (value !== null && typeof value === 'object') {
    w.write(LEVEL_0, `${indent}${title}:\n`);
    for (const [k, v] of Object.entries(value)) writeField(w, level + 1, k, v);
  } else w.write(LEVEL_0, `${indent}${title}:\t${String(value)}\n`);
}
