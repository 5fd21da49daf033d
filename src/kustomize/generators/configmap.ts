/** configMapGenerator: text values in data, values that are not UTF-8 in binaryData (base64). */
import type { KustomizeFiles } from '../files';
import { mapList, type Kustomization } from '../kustomization-file';
import type { Obj, Resource } from '../resource';
import { generatedResource } from './generated-object';
import { keyValuePairs } from './kv-sources';

export function generateConfigMaps(k: Kustomization, files: KustomizeFiles, env: NodeJS.ProcessEnv): Resource[] {
  return mapList(k, 'configMapGenerator').map((entry) => {
    const data: Record<string, string> = {};
    const binaryData: Record<string, string> = {};
    for (const { key, value } of keyValuePairs(k, entry, files, env)) {
      const text = utf8(value);
      if (text === undefined) binaryData[key] = value.toString('base64');
      else data[key] = text;
    }
    const body: Obj = {};
    if (Object.keys(data).length) body.data = data;
    if (Object.keys(binaryData).length) body.binaryData = binaryData;
    return generatedResource(k, entry, 'configMapGenerator', 'ConfigMap', body);
  });
}

function utf8(value: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(value);
  } catch {
    return undefined;
  }
}
