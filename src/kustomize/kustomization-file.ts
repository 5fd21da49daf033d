/**
 * Finds and reads a directory's kustomization file and checks its fields: the ones kctl builds, the ones
 * kustomize has that kctl does not (a clear error naming the field), and unknown ones (kustomize's strict
 * decoding refuses those too).
 */
import * as path from 'path';
import { KctlError } from '../errors';
import { parseYamlDocuments } from '../manifest/yaml-documents';
import type { KustomizeFiles } from './files';
import type { Obj } from './resource';

export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

const SUPPORTED = new Set([
  'apiVersion', 'kind', 'metadata', 'resources', 'bases', 'namespace', 'namePrefix', 'nameSuffix', 'commonLabels',
  'labels', 'commonAnnotations', 'images', 'replicas', 'patches', 'patchesStrategicMerge', 'patchesJson6902',
  'configMapGenerator', 'secretGenerator', 'generatorOptions',
]);

const NOT_SUPPORTED = new Set([
  'components', 'crds', 'configurations', 'generators', 'transformers', 'validators', 'helmCharts', 'helmGlobals',
  'helmChartInflationGenerator', 'replacements', 'vars', 'openapi', 'sortOptions', 'buildMetadata', 'imageTags',
]);

export interface Kustomization {
  /** Absolute path of the directory (the root its files must stay in). */
  dir: string;
  /** The file as shown in messages: `overlays/prod/kustomization.yaml`. */
  shown: string;
  fields: Obj;
}

/** kustomize's deprecation warnings, in its order, each printed on stderr when the file is read. */
const DEPRECATED: [string, string][] = [
  ['bases', 'resources'],
  ['commonLabels', 'labels'],
  ['patchesJson6902', 'patches'],
  ['patchesStrategicMerge', 'patches'],
];

export function readKustomization(files: KustomizeFiles, dir: string, warn: (line: string) => void): Kustomization {
  const found = KUSTOMIZATION_FILE_NAMES.filter((n) => files.stat(path.join(dir, n))?.isFile());
  if (found.length === 0) {
    throw new KctlError(`unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${files.show(dir)}'`);
  }
  if (found.length > 1) throw new KctlError(`found multiple kustomization files under: ${files.show(dir)}`);
  const file = path.join(dir, found[0]);
  const shown = files.show(file);
  const parsed = parseYamlDocuments(files.readTextInRoot(dir, found[0]), 'kustomize');
  if (parsed.problems.length) {
    const p = parsed.problems[0];
    throw new KctlError(`${shown}:${p.pos.line}:${p.pos.col}: ${p.message}`);
  }
  const value = parsed.documents[0]?.value ?? {};
  if (parsed.documents.length > 1 || typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new KctlError(`${shown}: a kustomization must be one YAML map`);
  }
  const fields = value as Obj;
  for (const key of Object.keys(fields)) {
    if (NOT_SUPPORTED.has(key)) throw new KctlError(`${shown}: field "${key}" is not supported by kctl`);
    if (!SUPPORTED.has(key)) throw new KctlError(`${shown}: invalid Kustomization: unknown field "${key}"`);
  }
  if (fields.kind !== undefined && fields.kind !== 'Kustomization') {
    throw new KctlError(`${shown}: kind "${String(fields.kind)}" is not supported by kctl (only Kustomization)`);
  }
  for (const [field, instead] of DEPRECATED) {
    if (fields[field] !== undefined && fields[field] !== null) {
      warn(`# Warning: '${field}' is deprecated. Please use '${instead}' instead. Run 'kustomize edit fix' to update your Kustomization automatically.`);
    }
  }
  return { dir, shown, fields };
}

/** A field that must be a list of strings (resources, bases, patchesStrategicMerge). */
export function stringList(k: Kustomization, field: string): string[] {
  const v = k.fields[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((e) => typeof e !== 'string')) throw new KctlError(`${k.shown}: ${field} must be a list of strings`);
  return v as string[];
}

/** A field that must be a list of maps (patches, images, replicas, generators). */
export function mapList(k: Kustomization, field: string): Obj[] {
  const v = k.fields[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((e) => typeof e !== 'object' || e === null || Array.isArray(e))) throw new KctlError(`${k.shown}: ${field} must be a list of maps`);
  return v as Obj[];
}

/** A map of strings (commonLabels, commonAnnotations); values are read as the strings YAML wrote. */
export function stringMap(k: Kustomization, field: string, value: unknown = k.fields[field]): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new KctlError(`${k.shown}: ${field} must be a map`);
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value as Obj)) out[key] = v === null ? '' : String(v);
  return out;
}

export function stringField(k: Kustomization, field: string, value: unknown = k.fields[field]): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new KctlError(`${k.shown}: ${field} must be a string`);
  return value;
}
