/**
 * The downward API: pod fields (fieldRef) and container resources (resourceFieldRef) as env values and
 * files. status.podIP is the sandbox's address, known before any app container is created (a pod whose env
 * needs it always gets a sandbox: pod/sandbox.ts).
 */
import * as os from 'os';
import type { KObject } from '../../../api/types';
import { parseCpu, parseMemory } from '../../../api/quantity';
import { ConfigError } from './sources';

export interface PodFacts {
  pod: KObject;
  podIP?: string;
  hostIP: string;
}

export function fieldValue(facts: PodFacts, fieldPath: string): string {
  const { pod } = facts;
  const meta = pod.metadata;
  const keyed = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(fieldPath);
  if (keyed) return (keyed[1] === 'labels' ? meta.labels : meta.annotations)?.[keyed[2]] ?? '';
  switch (fieldPath) {
    case 'metadata.name':
      return meta.name;
    case 'metadata.namespace':
      return meta.namespace ?? 'default';
    case 'metadata.uid':
      return meta.uid ?? '';
    case 'metadata.labels':
      return formatMap(meta.labels);
    case 'metadata.annotations':
      return formatMap(meta.annotations);
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? 'localhost';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? 'default';
    case 'status.hostIP':
    case 'status.hostIPs':
      return facts.hostIP;
    case 'status.podIP':
    case 'status.podIPs':
      return facts.podIP ?? '';
    default:
      throw new ConfigError(`unsupported fieldPath: ${fieldPath}`);
  }
}

/**
 * limits.cpu / requests.cpu (cores, rounded up by the divisor), limits.memory / requests.memory (bytes);
 * an unset limit is the machine's capacity, as on a node.
 */
export function resourceValue(container: any, ref: { resource: string; divisor?: string | number }): string {
  const [section, name] = ref.resource.split('.');
  const given = container?.resources?.[section]?.[name];
  if (name === 'cpu') {
    const millis = given !== undefined ? parseCpu(given) : os.cpus().length * 1000;
    const divisor = ref.divisor !== undefined ? parseCpu(ref.divisor) : 1000;
    return String(Math.ceil(millis / divisor));
  }
  if (name === 'memory' || name === 'ephemeral-storage') {
    const bytes = given !== undefined ? parseMemory(given) : name === 'memory' ? os.totalmem() : 0;
    const divisor = ref.divisor !== undefined ? parseMemory(ref.divisor) : 1;
    return String(Math.ceil(bytes / divisor));
  }
  throw new ConfigError(`unsupported container resource: ${ref.resource}`);
}

/** Labels and annotations as the downward API writes them: key="value" per line, sorted. */
function formatMap(map: Record<string, string> | undefined): string {
  return Object.keys(map ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(map![k])}`)
    .join('\n');
}
