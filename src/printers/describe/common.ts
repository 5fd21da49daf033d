/** Pieces every kubectl describe view shares: timestamps, labels, annotations, owner, events. */
import type { KEvent, KObject } from '../../api/types';
import { age } from '../age';
import { LEVEL_0, LEVEL_1, type DescribeWriter } from './writer';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MAX_ANNOTATION_LEN = 140;
/** kubectl never shows the last-applied-configuration annotation (it is the whole manifest). */
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** Go's time.RFC1123Z in local time: `Mon, 02 Jan 2006 15:04:05 -0700`. */
export function rfc1123z(iso: string | undefined): string {
  const d = new Date(iso ?? '');
  if (Number.isNaN(d.getTime())) return '<unknown>';
  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  return `${DAYS[d.getDay()]}, ${pad(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${zone}`;
}

export function stringOrNone(s: string | undefined): string {
  return s ? s : '<none>';
}

/** `Labels:  a=1` and one more `k=v` per line, aligned; `<none>` when there are none. */
export function printLabelsMultiline(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, indent = ''): void {
  const keys = Object.keys(labels ?? {}).sort();
  printMultiline(w, title, keys.map((k) => `${k}=${labels![k]}`), indent);
}

/** `Title:  first` and the other items under it, one per line. */
export function printMultiline(w: DescribeWriter, title: string, items: string[], indent = ''): void {
  w.write(LEVEL_0, `${indent}${title}:\t`);
  if (items.length === 0) return w.write(LEVEL_0, '<none>\n');
  items.forEach((item, i) => w.write(LEVEL_0, `${i ? `${indent}\t` : ''}${item}\n`));
}

/** Annotations, long or multi-line values on lines of their own, shortened to 140 characters. */
export function printAnnotationsMultiline(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIPPED_ANNOTATIONS.has(k)).sort();
  if (keys.length === 0) return w.write(LEVEL_0, '<none>\n');
  keys.forEach((k, i) => {
    if (i) w.write(LEVEL_0, '\t');
    const value = annotations![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${k}:\n`);
      for (const line of value.split('\n')) w.write(LEVEL_0, `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else w.write(LEVEL_0, `${k}: ${value}\n`);
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** `ReplicaSet/web-5d4f8` for an object with a controller owner, else undefined. */
export function controllerOf(obj: KObject): string | undefined {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : undefined;
}

/** The Events table, oldest last-seen first; `Events:  <none>` when there are none. */
export function describeEvents(w: DescribeWriter, events: KEvent[], now: Date): void {
  if (events.length === 0) return w.write(LEVEL_0, 'Events:\t<none>\n');
  const sorted = [...events].sort((a, b) => (Date.parse(a.lastTimestamp) || 0) - (Date.parse(b.lastTimestamp) || 0));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = age(e.firstTimestamp, now);
    const interval = e.count > 1 ? `${age(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${e.source ?? ''}\t${e.message.trim()}\n`);
  }
}
