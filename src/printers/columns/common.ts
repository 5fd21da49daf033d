/** Cell formats several kinds share, each as kubectl's printers.go writes it. */
import type { LabelSelector } from '../../api/types';
import { formatLabelSelector } from '../../api/selector';

/** labels.FormatLabels: `a=1,b=2` in key order, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

/** A LabelSelector as kubectl prints it; Kubernetes' selector.String() orders requirements by key. */
export function selectorText(sel: LabelSelector | undefined): string {
  const matchLabels = Object.fromEntries(Object.entries(sel?.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const matchExpressions = [...(sel?.matchExpressions ?? [])]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => ({ ...e, values: e.values ? [...e.values].sort() : e.values }));
  return formatLabelSelector({ matchLabels, matchExpressions });
}

/** CONTAINERS and IMAGES of a pod template (layoutContainerCells). */
export function containerCells(podSpec: any): [string, string] {
  const containers: any[] = podSpec?.containers ?? [];
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

/** An integer cell; absent counts print as 0 like Go's zero values. */
export function count(n: unknown): string {
  return String(typeof n === 'number' ? n : 0);
}
