/**
 * A container's environment as the kubelet builds it: envFrom first (in order, with prefix), then env
 * (value with $(VAR) expansion over what is defined so far, valueFrom configMapKeyRef / secretKeyRef /
 * fieldRef / resourceFieldRef). Resolved once, when the container is created; a later ConfigMap change
 * reaches it on its next restart, as in Kubernetes.
 */
import { expand } from './expand';
import { fieldValue, resourceValue, type PodFacts } from './field-ref';
import { ConfigError, requireSource, type SourceKind, type SourceLookup } from './sources';

/** What envFrom accepts as a variable name (Kubernetes skips other keys with a warning event). */
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

export interface ResolvedEnv {
  env: Record<string, string>;
  /** envFrom keys that are not valid variable names (reported as an event, as the kubelet does). */
  skipped: string[];
}

export function resolveEnv(container: any, facts: PodFacts, lookup: SourceLookup): ResolvedEnv {
  const env: Record<string, string> = {};
  const skipped: string[] = [];
  for (const from of container.envFrom ?? []) {
    const [kind, ref] = from.configMapRef ? (['ConfigMap', from.configMapRef] as const) : (['Secret', from.secretRef] as const);
    if (!ref) continue;
    const data = requireSource(lookup, 'env', kind, ref.name, ref.optional);
    for (const [key, value] of data ?? []) {
      const name = `${from.prefix ?? ''}${key}`;
      if (ENV_NAME.test(name)) env[name] = value.toString('utf8');
      else skipped.push(name);
    }
  }
  const vars = (name: string) => env[name];
  for (const e of container.env ?? []) {
    const value = e.valueFrom ? valueFrom(e.valueFrom, container, facts, lookup) : expand(String(e.value ?? ''), vars);
    if (value !== undefined) env[e.name] = value;
  }
  return { env, skipped };
}

/** command and args with $(VAR) references to the container's environment expanded. */
export function expandArgs(args: string[] | undefined, env: Record<string, string>): string[] | undefined {
  return args?.map((a) => expand(String(a), (name) => env[name]));
}

/** undefined: an optional reference that is missing, so the variable is left out. */
function valueFrom(source: any, container: any, facts: PodFacts, lookup: SourceLookup): string | undefined {
  if (source.configMapKeyRef) return keyRef('ConfigMap', source.configMapKeyRef, facts, lookup);
  if (source.secretKeyRef) return keyRef('Secret', source.secretKeyRef, facts, lookup);
  if (source.fieldRef) return fieldValue(facts, source.fieldRef.fieldPath);
  if (source.resourceFieldRef) {
    const named = source.resourceFieldRef.containerName;
    const target = named ? [...(facts.pod.spec.containers ?? []), ...(facts.pod.spec.initContainers ?? [])].find((c: any) => c.name === named) : container;
    return resourceValue(target, source.resourceFieldRef);
  }
  return '';
}

function keyRef(kind: SourceKind, ref: { name: string; key: string; optional?: boolean }, facts: PodFacts, lookup: SourceLookup): string | undefined {
  const data = requireSource(lookup, 'env', kind, ref.name, ref.optional);
  if (!data) return undefined;
  const value = data.get(ref.key);
  if (value !== undefined) return value.toString('utf8');
  if (ref.optional) return undefined;
  throw new ConfigError(`couldn't find key ${ref.key} in ${kind} ${facts.pod.metadata.namespace ?? 'default'}/${ref.name}`);
}
