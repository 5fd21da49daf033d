/**
 * `kctl autoscale deployment/web --min 2 --max 6 --cpu-percent 50`: the HorizontalPodAutoscaler (autoscaling/v2)
 * kubectl generates, created like `create` (refused when it exists). Without --cpu-percent the API default
 * applies (80% CPU utilization).
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { pluralName } from '../api/kinds';
import { NotFoundError, UsageError } from '../errors';
import { createObject } from './create';
import { parseResourceArgs } from './resource-args';
import { kindDefinition, kindsWith } from '../kinds/registry';
import { oneOf } from './kind-names';

export interface AutoscaleOptions {
  min?: string;
  max?: string;
  cpuPercent?: string;
  name?: string;
  dryRun?: string | boolean;
  output?: string;
  template?: string;
  allowMissingTemplateKeys?: boolean;
}

export async function runAutoscale(f: Factory, args: string[], opts: AutoscaleOptions): Promise<void> {
  const { refs } = parseResourceArgs(args, { requireName: true });
  if (refs.length !== 1) throw new UsageError('autoscale takes exactly one resource: TYPE NAME or TYPE/NAME');
  const { kind, name } = refs[0];
  if (!kindDefinition(kind.kind)?.scale) throw new UsageError(`cannot autoscale a ${kind.kind}: not scalable`, `autoscale a ${oneOf(kindsWith((d) => d.scale))}`);
  const max = integer(opts.max, '--max') ?? 0;
  const min = integer(opts.min, '--min');
  const cpu = integer(opts.cpuPercent, '--cpu-percent');
  if (max < 1) throw new UsageError(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (min !== undefined && max < min) throw new UsageError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  const namespace = f.namespace();
  const target = f.store().read().get(kind.kind, namespace, name!);
  if (!target) throw new NotFoundError(`${pluralName(kind.kind)} "${name}" not found`);

  const hpa: KObject = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: opts.name ?? name!, namespace },
    spec: {
      scaleTargetRef: { apiVersion: target.apiVersion, kind: target.kind, name: target.metadata.name },
      ...(min !== undefined ? { minReplicas: min } : {}),
      maxReplicas: max,
      ...(cpu !== undefined ? { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }] } : {}),
    },
  };
  // createObject reports "created"; autoscale says "autoscaled", as kubectl does.
  const stdout = { isTTY: f.stdout.isTTY, write: (t: string) => f.stdout.write(t.replace(/ created( \(dry run\))?\n$/, ' autoscaled$1\n')) };
  await createObject({ ...f, stdout }, hpa, opts);
}

/** kubectl's -1 means "not set": so does leaving the flag out. */
function integer(text: string | undefined, flag: string): number | undefined {
  if (text === undefined || text === '-1') return undefined;
  if (!/^-?\d+$/.test(text)) throw new UsageError(`invalid argument "${text}" for "${flag}" flag: strconv.ParseInt: parsing "${text}": invalid syntax`);
  return Number(text);
}
