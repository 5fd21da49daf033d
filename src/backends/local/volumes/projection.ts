/**
 * The files of configMap, secret, downwardAPI and projected volumes: one file per key (or per listed item,
 * at its path and mode), Kubernetes' default mode 0644 unless defaultMode or the item says otherwise.
 */
import type { PodFacts } from '../../../kinds/pod/config/field-ref';
import { fieldValue, resourceValue } from '../../../kinds/pod/config/field-ref';
import { ConfigError, requireSource, type SourceKind, type SourceLookup } from '../../../kinds/pod/config/sources';

export interface ProjectedFile {
  /** Relative path inside the volume. */
  path: string;
  content: Buffer;
  mode: number;
}

const DEFAULT_MODE = 0o644;

/** The kinds of volume whose content kctl writes (the others are Docker volumes or host paths). */
export function isProjected(volume: any): boolean {
  return Boolean(volume.configMap || volume.secret || volume.downwardAPI || volume.projected);
}

export function projectedFiles(volume: any, facts: PodFacts, lookup: SourceLookup): ProjectedFile[] {
  if (volume.configMap) return keyFiles('ConfigMap', volume.configMap.name, volume.configMap, volume.configMap.defaultMode, lookup);
  if (volume.secret) return keyFiles('Secret', volume.secret.secretName, volume.secret, volume.secret.defaultMode, lookup);
  if (volume.downwardAPI) return downwardFiles(volume.downwardAPI.items ?? [], volume.downwardAPI.defaultMode, facts);
  const files: ProjectedFile[] = [];
  for (const source of volume.projected?.sources ?? []) {
    const mode = volume.projected.defaultMode;
    if (source.configMap) files.push(...keyFiles('ConfigMap', source.configMap.name, source.configMap, mode, lookup));
    else if (source.secret) files.push(...keyFiles('Secret', source.secret.name, source.secret, mode, lookup));
    else if (source.downwardAPI) files.push(...downwardFiles(source.downwardAPI.items ?? [], mode, facts));
  }
  return files;
}

function keyFiles(kind: SourceKind, name: string, source: { items?: any[]; optional?: boolean }, defaultMode: number | undefined, lookup: SourceLookup): ProjectedFile[] {
  const data = requireSource(lookup, 'files', kind, name, source.optional);
  if (!data) return [];
  const mode = defaultMode ?? DEFAULT_MODE;
  if (!source.items?.length) return [...data].map(([key, content]) => ({ path: key, content, mode }));
  const files: ProjectedFile[] = [];
  for (const item of source.items) {
    const content = data.get(item.key);
    if (content === undefined) {
      if (source.optional) continue;
      throw new ConfigError(`${kind === 'ConfigMap' ? 'configmap' : 'secret'} references non-existent ${kind === 'ConfigMap' ? 'config' : 'secret'} key: ${item.key}`);
    }
    files.push({ path: safePath(item.path), content, mode: item.mode ?? mode });
  }
  return files;
}

function downwardFiles(items: any[], defaultMode: number | undefined, facts: PodFacts): ProjectedFile[] {
  return items.map((item) => {
    const value = item.fieldRef ? fieldValue(facts, item.fieldRef.fieldPath) : resourceValue(container(facts, item.resourceFieldRef.containerName), item.resourceFieldRef);
    return { path: safePath(item.path), content: Buffer.from(value), mode: item.mode ?? defaultMode ?? DEFAULT_MODE };
  });
}

function container(facts: PodFacts, name: string | undefined): any {
  return (facts.pod.spec.containers ?? []).find((c: any) => c.name === name) ?? facts.pod.spec.containers?.[0];
}

/** Item paths stay inside the volume: relative, no `..` (Kubernetes' validation says the same). */
function safePath(p: string): string {
  if (!p || p.startsWith('/') || p.split('/').includes('..')) throw new ConfigError(`invalid path "${p}": must be a relative path without '..'`);
  return p;
}
