import { age } from '../../printers/age';
import type { KindColumns } from '../../printers/columns/types';

/** Events as `kubectl get events` lists them (k8s.io/api Event fields; kctl's KEvent has the same names). */
export const eventColumns: KindColumns = {
  headers: (wide) =>
    wide
      ? ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME']
      : ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  cells(e: any, { now, wide }) {
    const first = age(e.firstTimestamp || e.eventTime, now);
    const last = e.lastTimestamp ? age(e.lastTimestamp, now) : first;
    const involved = e.involvedObject ?? {};
    const kind = String(involved.kind ?? '').toLowerCase();
    const object = involved.name ? `${kind}/${involved.name}` : kind;
    const message = String(e.message ?? '').trim();
    if (!wide) return [last, e.type ?? '', e.reason ?? '', object, message];
    const source = typeof e.source === 'string' ? e.source : (e.source?.component ?? e.reportingComponent ?? '');
    return [last, e.type ?? '', e.reason ?? '', object, involved.fieldPath ?? '', source, message, first, String(e.count || 1), e.metadata?.name ?? ''];
  },
};
