/**
 * ConfigMap and Secret contents as the kubelet hands them to containers: key -> bytes. A Secret's data is
 * base64 and its stringData (when it was not folded into data) is plain text that wins. Errors carry
 * Kubernetes' messages, which name objects and keys but never a value.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';

export type SourceKind = 'ConfigMap' | 'Secret';

/** A reference that cannot be resolved; the container waits in CreateContainerConfigError with this message. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Finds the ConfigMaps and Secrets of one namespace. `use`: a ConfigMap's binaryData becomes files but never
 * environment variables (the kubelet reads only data for env).
 */
export type SourceLookup = (kind: SourceKind, name: string, use: SourceUse) => Map<string, Buffer> | undefined;
export type SourceUse = 'env' | 'files';

export function stateLookup(state: State, namespace: string): SourceLookup {
  return (kind, name, use) => {
    const obj = state.get(kind, namespace, name);
    return obj && !obj.metadata.deletionTimestamp ? sourceData(obj, use) : undefined;
  };
}

export function sourceData(obj: KObject, use: SourceUse): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const put = (values: unknown, encoding: 'utf8' | 'base64') => {
    for (const [k, v] of Object.entries((values as Record<string, string> | undefined) ?? {})) out.set(k, Buffer.from(String(v), encoding));
  };
  if (obj.kind === 'Secret') {
    put(obj.data, 'base64');
    put(obj.stringData, 'utf8');
  } else {
    if (use === 'files') put(obj.binaryData, 'base64');
    put(obj.data, 'utf8');
  }
  return out;
}

/** `configmap "x" not found`, as the kubelet says it. */
export function notFound(kind: SourceKind, name: string): ConfigError {
  return new ConfigError(`${kind.toLowerCase()} "${name}" not found`);
}

/** The whole object, or undefined when it is missing and optional; missing and required throws. */
export function requireSource(lookup: SourceLookup, use: SourceUse, kind: SourceKind, name: string, optional: boolean | undefined): Map<string, Buffer> | undefined {
  const data = lookup(kind, name, use);
  if (!data && !optional) throw notFound(kind, name);
  return data;
}
