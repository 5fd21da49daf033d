/**
 * The patch a user gives (`-p TEXT` or `--patch-file FILE`), JSON or YAML as kubectl accepts, and where in it a
 * field of the patched object was written: a problem found on the result is reported at its line:col in the
 * file, as apply reports a manifest's.
 */
import * as path from 'path';
import type { FieldPath } from '../../api/problems';
import { isMergedList, type MergedList, type PatchShape } from '../../api/patch/shape';
import { isPlainMap } from '../../api/patch/values';
import { parsePointer } from '../../api/patch/json-patch';
import { UsageError, ValidationError } from '../../errors';
import type { Position, SourceLocator } from '../../manifest/positions';
import type { PatchType } from './types';

export interface PatchDocument {
  value: unknown;
  /** The file it was read from; undefined for -p. */
  file?: string;
  locator: SourceLocator;
}

export function readPatch(patch: string | undefined, patchFile: string | undefined, cwd: string): PatchDocument {
  if (patch !== undefined && patchFile !== undefined) throw new UsageError('--patch and --patch-file are mutually exclusive');
  if (patch === undefined && patchFile === undefined) throw new UsageError('must specify --patch or --patch-file containing the contents of the patch');
  const text = patch ?? readPatchFile(path.resolve(cwd, patchFile!), patchFile!);
  const { parseYamlDocuments } = require('../../manifest/yaml-documents') as typeof import('../../manifest/yaml-documents');
  const parsed = parseYamlDocuments(text);
  const where = patchFile ?? `"${patch}"`;
  if (parsed.problems.length) {
    const p = parsed.problems[0];
    throw new ValidationError([patchFile ? `${patchFile}:${p.pos.line}:${p.pos.col}: ${p.message}` : `unable to parse ${where}: ${p.message}`]);
  }
  if (parsed.documents.length !== 1) throw new UsageError(`unable to parse ${where}: a patch is one JSON or YAML document, found ${parsed.documents.length}`);
  const doc = parsed.documents[0];
  if (doc.value === null || doc.value === undefined) throw new UsageError(`unable to parse ${where}: the patch is empty`);
  return { value: doc.value, file: patchFile, locator: doc.locator };
}

/** Patches are small; a bigger file is a mistake (a manifest, a binary), not something to read into memory. */
const MAX_PATCH_BYTES = 4 * 1024 * 1024;

function readPatchFile(file: string, shown: string): string {
  const fs = require('fs') as typeof import('fs');
  let stat: import('fs').Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(`unable to read patch file ${shown}: no such file`);
  }
  if (!stat.isFile()) throw new UsageError(`unable to read patch file ${shown}: not a regular file`);
  if (stat.size > MAX_PATCH_BYTES) throw new UsageError(`unable to read patch file ${shown}: larger than ${MAX_PATCH_BYTES} bytes`);
  return fs.readFileSync(file, 'utf8');
}

/**
 * Where the patch wrote the field at `field` of the result. A strategic patch's list elements are found by
 * their merge key (the result's index is not the patch's); a JSON patch's by the operation whose path holds it.
 */
export function positionInPatch(doc: PatchDocument, type: PatchType, field: FieldPath, result: unknown, shape: PatchShape): Position {
  if (type === 'json') return doc.locator.locate(jsonPatchPath(doc.value, field), 'key');
  return doc.locator.locate(type === 'strategic' ? strategicPath(doc.value, field, result, shape) : field, 'key');
}

function jsonPatchPath(ops: unknown, field: FieldPath): FieldPath {
  if (!Array.isArray(ops)) return [];
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i];
    if (!isPlainMap(op) || typeof op.path !== 'string') continue;
    let tokens: string[];
    try {
      tokens = parsePointer(op.path);
    } catch {
      continue;
    }
    if (tokens.every((t, j) => j < field.length && String(field[j]) === t)) return [i, 'value', ...field.slice(tokens.length)];
  }
  return [];
}

function strategicPath(patch: unknown, field: FieldPath, result: unknown, shape: PatchShape | undefined): FieldPath {
  const out: FieldPath = [];
  let p = patch;
  let r = result;
  let s: PatchShape | MergedList | undefined = shape;
  for (const seg of field) {
    if (typeof seg === 'number') {
      if (!Array.isArray(p) || !Array.isArray(r)) break;
      const list = isMergedList(s) ? s : undefined;
      const key = list?.mergeKey;
      const element = r[seg];
      const j = key && isPlainMap(element) ? p.findIndex((e) => isPlainMap(e) && e[key] === element[key]) : seg;
      if (j < 0 || j >= p.length) break;
      out.push(j);
      p = p[j];
      r = element;
      s = list?.item;
    } else {
      if (!isPlainMap(p) || !(seg in p)) break;
      out.push(seg);
      p = p[seg];
      r = isPlainMap(r) ? r[seg] : undefined;
      s = s && !isMergedList(s) ? s[seg] : undefined;
    }
  }
  return out;
}
