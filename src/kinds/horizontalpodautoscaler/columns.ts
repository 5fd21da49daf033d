import type { KObject } from '../../api/types';
import { age } from '../../printers/age';
import { headers, type KindColumns } from '../../printers/columns/types';

const MAX_METRICS = 2;

export const hpaColumns: KindColumns = {
  headers: headers(['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE']),
  cells(hpa, { now }) {
    const ref = hpa.spec?.scaleTargetRef ?? {};
    const min = hpa.spec?.minReplicas;
    return [
      hpa.metadata.name,
      `${ref.kind}/${ref.name}`,
      hpaTargets(hpa),
      min === undefined ? '<unset>' : String(min),
      String(hpa.spec?.maxReplicas ?? 0),
      String(hpa.status?.currentReplicas ?? 0),
      age(hpa.metadata.creationTimestamp, now),
    ];
  },
};

/** TARGETS: `cpu: 30%/50%` per resource metric (`<unknown>` until measured), two at most then `+ N more...`. */
export function hpaTargets(hpa: KObject): string {
  const specs: any[] = hpa.spec?.metrics ?? [];
  if (specs.length === 0) return '<none>';
  const current: any[] = hpa.status?.currentMetrics ?? [];
  const list = specs.map((m, i) => metricText(m, current[i]));
  const shown = list.slice(0, MAX_METRICS).join(', ');
  return list.length > MAX_METRICS ? `${shown} + ${list.length - MAX_METRICS} more...` : shown;
}

function metricText(spec: any, status: any): string {
  if (spec.type !== 'Resource' && spec.type !== 'ContainerResource') return '<unknown>/<unknown>';
  const src = spec.type === 'Resource' ? spec.resource : spec.containerResource;
  const cur = (spec.type === 'Resource' ? status?.resource : status?.containerResource)?.current;
  const name = src?.name;
  if (src?.target?.averageValue !== undefined) {
    return `${name}: ${cur?.averageValue ?? '<unknown>'}/${src.target.averageValue}`;
  }
  const now = cur?.averageUtilization !== undefined ? `${cur.averageUtilization}%` : '<unknown>';
  const target = src?.target?.averageUtilization !== undefined ? `${src.target.averageUtilization}%` : '<auto>';
  return `${name}: ${now}/${target}`;
}
