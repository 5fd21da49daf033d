/**
 * `resources` (and the deprecated `bases`): manifest files, read under the load restrictor, and directories
 * holding a kustomization, built recursively (a base or an overlay: its own root). Remote URLs are refused.
 */
import * as path from 'path';
import { KctlError } from '../errors';
import { parseYamlDocuments } from '../manifest/yaml-documents';
import type { KustomizeFiles } from './files';
import { stringList, type Kustomization } from './kustomization-file';
import { currentId, idString, makeResource, sameId, type Obj, type Resource } from './resource';

export function loadResources(k: Kustomization, files: KustomizeFiles, buildDir: (dir: string) => Resource[]): Resource[] {
  let list: Resource[] = [];
  for (const field of ['resources', 'bases']) {
    for (const entry of stringList(k, field)) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(entry) || entry.startsWith('git@')) {
        throw new KctlError(`${k.shown}: ${field}: remote resource "${entry}" is not supported by kctl (local files and directories only)`);
      }
      const abs = path.resolve(k.dir, entry);
      const stat = files.stat(abs);
      if (!stat) throw new KctlError(`${k.shown}: ${field}: accumulating resources from '${entry}': ${files.show(abs)}: no such file or directory`);
      const added = stat.isDirectory() ? buildDir(abs) : fileResources(k, files, entry);
      list = appendAll(list, added);
    }
  }
  return list;
}

function fileResources(k: Kustomization, files: KustomizeFiles, entry: string): Resource[] {
  const text = files.readTextInRoot(k.dir, entry);
  const shown = files.show(path.resolve(k.dir, entry));
  const { documents, problems } = parseYamlDocuments(text, 'kustomize');
  if (problems.length) throw new KctlError(`${shown}:${problems[0].pos.line}:${problems[0].pos.col}: ${problems[0].message}`);
  const out: Resource[] = [];
  for (const { value } of documents) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new KctlError(`${shown}: a resource must be a YAML map`);
    const obj = value as Obj;
    if (obj.kind === 'List' && Array.isArray(obj.items)) out.push(...obj.items.map((item) => makeResource(item as Obj)));
    else out.push(makeResource(obj));
  }
  return out;
}

export function appendAll(list: Resource[], added: Resource[]): Resource[] {
  const out = [...list];
  for (const r of added) {
    const id = currentId(r);
    if (out.some((o) => sameId(currentId(o), id))) throw new KctlError(`may not add resource with an already registered id: ${idString(id)}`);
    out.push(r);
  }
  return out;
}
