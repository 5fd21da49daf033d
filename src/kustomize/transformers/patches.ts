/**
 * `patches` (strategic merge or JSON 6902, inline or from a file, on a target selector or, for a strategic
 * merge patch without one, on the resource the patch names), and the deprecated `patchesStrategicMerge` and
 * `patchesJson6902`. The patch engines are kctl's own (api/patch), with each kind's merge keys.
 */
import * as path from 'path';
import { applyJsonPatch, JsonPatchError } from '../../api/patch/json-patch';
import { applyStrategicPatch, StrategicPatchError } from '../../api/patch/strategic';
import { KctlError } from '../../errors';
import { parseYamlDocuments } from '../../manifest/yaml-documents';
import { shapeOf } from '../../kinds/patch-shapes';
import type { KustomizeFiles } from '../files';
import { mapList, stringList, type Kustomization } from '../kustomization-file';
import { allIds, groupVersion, idString, kindOf, meta, nameOf, namespaceOf, sameId, storePreviousId, type Obj, type ResId, type Resource } from '../resource';
import { selectTargets } from './patch-target';

type Parsed = { type: 'strategic'; patches: Obj[] } | { type: 'json'; ops: unknown[] };

interface PatchOptions {
  allowNameChange: boolean;
  allowKindChange: boolean;
}

export function applyPatches(k: Kustomization, list: Resource[], files: KustomizeFiles): Resource[] {
  for (const entry of mapList(k, 'patches')) {
    const where = `${k.shown}: patches`;
    const parsed = parsePatch(patchText(k, entry, files, where), where);
    const options = entry.options as Obj | undefined;
    const opts = { allowNameChange: options?.allowNameChange === true, allowKindChange: options?.allowKindChange === true };
    const target = entry.target as Obj | undefined;
    if (parsed.type === 'json') {
      if (!target) throw new KctlError(`${where}: must specify a target for JSON patch ${oneLine(patchText(k, entry, files, where))}`);
      list = jsonPatch(list, selectTargets(list, target, where), parsed.ops, where);
    } else if (target) {
      const targets = selectTargets(list, target, where);
      for (const patch of parsed.patches) list = strategicPatch(list, targets, patch, opts, where);
    } else {
      for (const patch of parsed.patches) list = strategicPatch(list, [namedTarget(list, patch)], patch, opts, where);
    }
  }
  return list;
}

export function applyStrategicMergePatches(k: Kustomization, list: Resource[], files: KustomizeFiles): Resource[] {
  const where = `${k.shown}: patchesStrategicMerge`;
  for (const entry of stringList(k, 'patchesStrategicMerge')) {
    const inline = entry.includes('\n') || !files.stat(path.resolve(k.dir, entry));
    const parsed = parsePatch(inline ? entry : files.readTextInRoot(k.dir, entry), where);
    if (parsed.type === 'json') throw new KctlError(`${where}: ${entry} is a JSON patch; use patches with a target`);
    for (const patch of parsed.patches) list = strategicPatch(list, [namedTarget(list, patch)], patch, { allowNameChange: false, allowKindChange: false }, where);
  }
  return list;
}

export function applyJson6902Patches(k: Kustomization, list: Resource[], files: KustomizeFiles): Resource[] {
  const where = `${k.shown}: patchesJson6902`;
  for (const entry of mapList(k, 'patchesJson6902')) {
    const target = entry.target as Obj | undefined;
    if (!target) throw new KctlError(`${where}: each entry needs a target`);
    const parsed = parsePatch(patchText(k, entry, files, where), where);
    if (parsed.type !== 'json') throw new KctlError(`${where}: the patch of ${String(target.name ?? '')} is not a list of JSON patch operations`);
    list = jsonPatch(list, selectTargets(list, target, where), parsed.ops, where);
  }
  return list;
}

function patchText(k: Kustomization, entry: Obj, files: KustomizeFiles, where: string): string {
  const hasPath = typeof entry.path === 'string' && entry.path !== '';
  const hasPatch = typeof entry.patch === 'string' && entry.patch !== '';
  if (hasPath && hasPatch) throw new KctlError(`${where}: patch and path can't be set at the same time`);
  if (hasPatch) return entry.patch as string;
  if (hasPath) return files.readTextInRoot(k.dir, entry.path as string);
  throw new KctlError(`${where}: must specify one of patch and path`);
}

function parsePatch(text: string, where: string): Parsed {
  const { documents, problems } = parseYamlDocuments(text, 'kustomize');
  if (problems.length) throw new KctlError(`${where}: ${problems[0].pos.line}:${problems[0].pos.col}: ${problems[0].message}`);
  const values = documents.map((d) => d.value);
  if (values.length === 1 && Array.isArray(values[0])) return { type: 'json', ops: values[0] };
  if (values.length > 0 && values.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) return { type: 'strategic', patches: values as Obj[] };
  throw new KctlError(`${where}: unable to parse SM or JSON patch from ${oneLine(text)}`);
}

/** The one resource a target-less strategic merge patch names, by any of its ids. */
function namedTarget(list: Resource[], patch: Obj): Resource {
  const id: ResId = { ...groupVersion(patch), kind: kindOf(patch), name: nameOf(patch), namespace: namespaceOf(patch) };
  const matches = list.filter((r) => allIds(r).some((other) => sameId(other, id)));
  if (matches.length === 1) return matches[0];
  const problem = matches.length ? 'multiple matches' : 'no matches';
  throw new KctlError(`no resource matches strategic merge patch "${idString(id)}": ${problem} for Id ${idString(id)}; failed to find unique target for patch ${idString(id)}`);
}

function strategicPatch(list: Resource[], targets: Resource[], patch: Obj, opts: PatchOptions, where: string): Resource[] {
  const deleted = new Set<Resource>();
  for (const r of targets) {
    const { name, namespace, kind } = { name: nameOf(r.obj), namespace: (r.obj.metadata as Obj | undefined)?.namespace, kind: r.obj.kind };
    if (opts.allowNameChange || opts.allowKindChange) storePreviousId(r);
    let patched: unknown;
    try {
      patched = applyStrategicPatch(r.obj, patch, shapeOf(kindOf(r.obj)));
    } catch (e) {
      if (e instanceof StrategicPatchError) throw new KctlError(`${where}: ${kindOf(r.obj)}/${name}: ${e.message}`);
      throw e;
    }
    if (patched === undefined || Object.keys(patched as Obj).length === 0) {
      deleted.add(r);
      continue;
    }
    r.obj = patched as Obj;
    if (!opts.allowKindChange) r.obj.kind = kind;
    if (!opts.allowNameChange) meta(r.obj).name = name;
    if (namespace === undefined) delete meta(r.obj).namespace;
    else meta(r.obj).namespace = namespace;
  }
  return list.filter((r) => !deleted.has(r));
}

function jsonPatch(list: Resource[], targets: Resource[], ops: unknown[], where: string): Resource[] {
  for (const r of targets) {
    try {
      r.obj = ops.reduce((obj: Obj, op) => applyLenient(obj, op), r.obj);
    } catch (e) {
      if (e instanceof JsonPatchError) throw new KctlError(`${where}: ${kindOf(r.obj)}/${nameOf(r.obj)}: ${e.message}`);
      throw e;
    }
  }
  return list;
}

/** kustomize's JSON patch library lets `replace` set a key that a map does not have yet, as `add` would. */
function applyLenient(obj: Obj, op: unknown): Obj {
  try {
    return applyJsonPatch(obj, [op]) as Obj;
  } catch (e) {
    const o = op as Obj;
    if (!(e instanceof JsonPatchError) || o?.op !== 'replace' || typeof o.path !== 'string') throw e;
    return applyJsonPatch(obj, [{ ...o, op: 'add' }]) as Obj;
  }
}

function oneLine(text: string): string {
  return JSON.stringify(text.trim());
}
