/**
 * Points the custom kinds (src/kinds/custom) at the command's state file: the CustomResourceDefinitions stored
 * there, read again only when the file has changed (a command may look kinds up many times).
 */
import * as fs from 'fs';
import type { KObject } from '../api/types';
import { setCustomResourceSource } from '../kinds/custom/source';
import type { Factory } from './factory';

export function customResourcesOf(f: Factory): void {
  let cached: { key: string; crds: KObject[] } | undefined;
  setCustomResourceSource(() => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(f.statePath());
    } catch {
      return [];
    }
    const key = `${stat.mtimeMs}/${stat.size}/${stat.ino}`;
    if (cached?.key !== key) cached = { key, crds: f.store().read().list('CustomResourceDefinition') };
    return cached.crds;
  });
}
