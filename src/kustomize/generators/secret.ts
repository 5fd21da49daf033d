/** secretGenerator: every value base64 in data; `type` defaults to Opaque. */
import type { KustomizeFiles } from '../files';
import { mapList, type Kustomization } from '../kustomization-file';
import type { Obj, Resource } from '../resource';
import { generatedResource } from './generated-object';
import { keyValuePairs } from './kv-sources';

export function generateSecrets(k: Kustomization, files: KustomizeFiles, env: NodeJS.ProcessEnv): Resource[] {
  return mapList(k, 'secretGenerator').map((entry) => {
    const data: Record<string, string> = {};
    for (const { key, value } of keyValuePairs(k, entry, files, env)) data[key] = value.toString('base64');
    const body: Obj = { type: typeof entry.type === 'string' && entry.type ? entry.type : 'Opaque' };
    if (Object.keys(data).length) body.data = data;
    return generatedResource(k, entry, 'secretGenerator', 'Secret', body);
  });
}
