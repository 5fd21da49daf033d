/**
 * `kctl set resources deployment/web [-c CONTAINERS] --limits=cpu=200m,memory=512Mi --requests=cpu=100m`:
 * kubectl's edit of the compute resources of pod-template containers: the resource names given are set, the
 * others kept, and the result is validated as apply validates it (a request above its limit is refused). An
 * object left unchanged is not printed.
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { refName } from '../api/kinds';
import { QUANTITY_FORMAT_ERROR, parseQuantity } from '../api/quantity';
import { UsageError } from '../errors';
import { checkedChange } from './desired';
import { convergeTargets } from './converge';
import { selectedContainers, templateTargets, updatePodTemplates } from './pod-templates';

export interface SetResourcesOptions {
  limits?: string;
  requests?: string;
  containers?: string;
  wait: boolean;
  timeout: string;
}

export async function runSetResources(f: Factory, resources: string[], opts: SetResourcesOptions): Promise<void> {
  if (resources.length === 0) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const limits = resourceList(opts.limits);
  const requests = resourceList(opts.requests);
  if (Object.keys(limits).length + Object.keys(requests).length === 0) throw new UsageError('you must specify an update to requests or limits (in the form of --requests/--limits)');
  const targets = templateTargets(f, resources, 'set the resources of');
  const updated = await updatePodTemplates(
    f,
    targets,
    (spec) => {
      let changed = false;
      for (const c of selectedContainers(spec, opts.containers ?? '*')) {
        const before = JSON.stringify(c.resources ?? {});
        const next = { ...(c.resources ?? {}) };
        if (Object.keys(limits).length) next.limits = { ...(next.limits ?? {}), ...limits };
        if (Object.keys(requests).length) next.requests = { ...(next.requests ?? {}), ...requests };
        c.resources = next;
        changed ||= JSON.stringify(next) !== before;
      }
      return changed;
    },
    (obj: KObject) => void checkedChange(obj),
  );
  for (const t of updated) f.stdout.write(`${refName(t.kind, t.name)} resource requirements updated\n`);
  await convergeTargets(f, targets, opts);
}

/** `cpu=200m,memory=512Mi` as kubectl parses it: NAME=QUANTITY pairs, each quantity valid. */
function resourceList(text: string | undefined): Record<string, string> {
  const list: Record<string, string> = {};
  for (const pair of (text ?? '').split(',').filter((p) => p !== '')) {
    const [name, value, ...rest] = pair.split('=');
    if (!name || value === undefined || rest.length) throw new UsageError(`invalid argument syntax ${pair}`);
    if (!parseQuantity(value)) throw new UsageError(`${value}: ${QUANTITY_FORMAT_ERROR}`);
    list[name] = value;
  }
  return list;
}
