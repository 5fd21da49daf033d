/**
 * `kustomize build DIR`, for the fields kctl supports. Each kustomization: its resources (bases built first),
 * then its generators, then its transformers in kustomize's order. At the top only: content-hash suffixes,
 * references to renamed objects, and the legacy output order.
 */
import * as path from 'path';
import { KctlError } from '../errors';
import { KustomizeFiles } from './files';
import { absorbGenerated } from './generators/absorb';
import { generateConfigMaps } from './generators/configmap';
import { generateSecrets } from './generators/secret';
import { readKustomization, type Kustomization } from './kustomization-file';
import { legacyOrder } from './legacy-order';
import type { Obj, Resource } from './resource';
import { loadResources } from './resources';
import { addAnnotations } from './transformers/annotations';
import { addHashSuffixes } from './transformers/hash-suffix';
import { setImages } from './transformers/images';
import { addLabels } from './transformers/labels';
import { addNamePrefix, addNameSuffix } from './transformers/name-affix';
import { fixNameReferences } from './transformers/name-references';
import { setNamespace } from './transformers/namespace';
import { applyJson6902Patches, applyPatches, applyStrategicMergePatches } from './transformers/patches';
import { setReplicas } from './transformers/replicas';

export interface BuildOptions {
  cwd: string;
  /** For env files' bare KEY lines. */
  env: NodeJS.ProcessEnv;
  /** kustomize's warnings (deprecated fields), one line each. */
  warn: (line: string) => void;
}

type Transformer = (k: Kustomization, list: Resource[], files: KustomizeFiles) => Resource[];

/** kustomize's builtin transformer order. */
const TRANSFORMERS: Transformer[] = [
  applyStrategicMergePatches,
  applyPatches,
  setNamespace,
  addNamePrefix,
  addNameSuffix,
  addLabels,
  addAnnotations,
  applyJson6902Patches,
  setReplicas,
  setImages,
];

export function buildKustomization(dir: string, opts: BuildOptions): Obj[] {
  const files = new KustomizeFiles(opts.cwd);
  const root = path.resolve(opts.cwd, dir);
  if (!files.stat(root)?.isDirectory()) throw new KctlError(`must build at directory: '${dir}' is not a directory`);
  const built = accumulate(root, [], files, opts);
  return legacyOrder(fixNameReferences(addHashSuffixes(built))).map((r) => r.obj);
}

function accumulate(dir: string, visiting: string[], files: KustomizeFiles, opts: BuildOptions): Resource[] {
  const contained = visiting.find((v) => v === dir || v.startsWith(dir + path.sep));
  if (contained !== undefined) throw new KctlError(`cycle detected: candidate root '${files.show(dir)}' contains visited root '${files.show(contained)}'`);
  const k = readKustomization(files, dir, opts.warn);
  let list = loadResources(k, files, (sub) => accumulate(sub, [...visiting, dir], files, opts));
  for (const generated of [...generateConfigMaps(k, files, opts.env), ...generateSecrets(k, files, opts.env)]) list = absorbGenerated(list, generated);
  for (const transform of TRANSFORMERS) list = transform(k, list, files);
  return list;
}
