/**
 * Reads manifests (-f files, directories, stdin) and validates every object in them. All problems of all
 * files are reported at once, one line each: `<file>:<line>:<col>: <field.path>: <message>`, in a
 * ValidationError (exit code 3). Objects come back as written, without defaults (see api/defaults.ts).
 */
import { findKind, refName } from '../api/kinds';
import type { KObject } from '../api/types';
import type { FieldPath, FieldProblem } from '../api/problems';
import { UsageError, ValidationError } from '../errors';
import { checkObject, servedKinds, type CheckResult } from './check-object';
import { formatFieldPath } from './field-path';
import type { Position, SourceLocator } from './positions';
import { readSources, type Source } from './sources';
import { parseYamlDocuments, type YamlDocument } from './yaml-documents';

export interface SourcedObject {
  obj: KObject;
  /** index: 0-based position of the object among the objects of its file (List items count one each). */
  source: { file: string; line: number; column: number; index: number };
}

export interface LoadResult {
  objects: SourcedObject[];
  /** Complete lines to print on stderr: `Warning: web.yaml:20:7: spec.template.spec.nodeSelector is ignored by kctl (one Docker host)`. */
  warnings: string[];
}

export interface LoadOptions {
  recursive?: boolean;
  stdin?: NodeJS.ReadableStream;
  cwd: string;
  /**
   * Namespace for namespaced objects that name none (the -n namespace, else "default"). An object naming
   * another namespace keeps it: whether that contradicts an explicit -n is the command's call (ops/load.ts).
   */
  defaultNamespace?: string;
}

export async function loadManifests(paths: string[], opts: LoadOptions): Promise<LoadResult> {
  if (paths.length === 0) throw new UsageError('must specify one of -f and -k');
  return checkSources(await readSources(paths, opts), opts);
}

/** Validates texts already in hand (`-k`: the kustomize build output) as loadManifests validates files. */
export function checkSources(sources: Source[], opts: Pick<LoadOptions, 'defaultNamespace'>): LoadResult {
  const problems: string[] = [];
  const objects: SourcedObject[] = [];
  const warnings: string[] = [];
  let unservedKind = false;
  for (const { file, text, problem } of sources) {
    if (problem !== undefined) {
      problems.push(`${file}: ${problem}`);
      continue;
    }
    const parsed = parseYamlDocuments(text ?? '');
    for (const p of parsed.problems) problems.push(`${file}:${p.pos.line}:${p.pos.col}: ${p.message}`);
    let index = 0;
    for (const item of parsed.documents.flatMap(expandList)) {
      const checked = checkItem(item, opts.defaultNamespace);
      if (checked.ignoredObject) {
        const { line, col } = item.locator.start;
        warnings.push(`Warning: ${file}:${line}:${col}: ${checked.ignoredObject} is ignored by kctl (one Docker host)`);
        continue;
      }
      if (!checked.object) {
        problems.push(...problemLines(file, item.locator, checked.problems));
        unservedKind ||= Boolean(checked.unservedKind);
        continue;
      }
      const { line, col } = item.locator.start;
      objects.push({ obj: checked.object, source: { file, line, column: col, index: index++ } });
      warnings.push(...sortedLines(file, checked.ignored.map((path) => ({ pos: item.locator.locate(path, 'key'), text: ignoredText(path) }))).map((l) => `Warning: ${l}`));
    }
  }
  if (problems.length) throw new ValidationError([...capped(problems), ...notApplied(objects)], unservedKind ? `kctl serves ${servedKinds()}` : undefined);
  return { objects, warnings };
}

/** Bad documents stop the whole input (nothing changes): the line naming the good ones, left alone too. */
function notApplied(objects: SourcedObject[]): string[] {
  if (objects.length === 0) return [];
  const MAX_NAMED = 10;
  const named = objects.slice(0, MAX_NAMED).map(({ obj, source }) => `${refName(obj.kind, obj.metadata.name)} (${source.file}:${source.line}:${source.column})`);
  const more = objects.length > MAX_NAMED ? ` and ${objects.length - MAX_NAMED} more` : '';
  return [`nothing changed: the valid ${objects.length === 1 ? 'document' : 'documents'} ${named.join(', ')}${more} ${objects.length === 1 ? 'was' : 'were'} not used either`];
}

/** Enough to fix a real manifest in one round; a hostile file could otherwise produce millions of lines. */
export const MAX_REPORTED_PROBLEMS = 200;

function capped(problems: string[]): string[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_REPORTED_PROBLEMS), `... and ${problems.length - MAX_REPORTED_PROBLEMS} more problems`];
}

/**
 * Validates one object that does not come from a file position (`kctl edit`, `kctl create ...`).
 * Problem lines are `<file>: <field>: <message>` (or `<field>: <message>` without a file).
 */
export function validateObject(value: unknown, file?: string): { object: KObject; warnings: string[] } {
  const result = checkObject(value);
  const prefix = file ? `${file}: ` : '';
  if (result.ignoredObject) throw new ValidationError([`${prefix}${result.ignoredObject}: kctl does not support this kind (one Docker host)`]);
  if (!result.object) throw new ValidationError(result.problems.map((p) => prefix + problemText(p)));
  return { object: result.object, warnings: result.ignored.map((path) => `Warning: ${prefix}${ignoredText(path)}`) };
}

interface Item {
  value: unknown;
  locator: SourceLocator;
  /** Set when the item is unusable before its object is even looked at (a List whose items is no list). */
  problems?: FieldProblem[];
}

/** `kind: List` documents (as `kubectl get -o yaml` prints several objects) stand for their items. */
function expandList(doc: YamlDocument): Item[] {
  const v = doc.value as { kind?: unknown; items?: unknown };
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v.kind !== 'List') return [{ value: doc.value, locator: doc.locator }];
  if (v.items === undefined || v.items === null) return [];
  if (!Array.isArray(v.items)) return [{ value: v, locator: doc.locator, problems: [{ field: ['items'], message: 'must be an array' }] }];
  return v.items.map((item, i) => ({ value: item, locator: doc.locator.child(['items', i]) }));
}

function checkItem(item: Item, defaultNamespace: string | undefined): CheckResult {
  if (item.problems) return { problems: item.problems, ignored: [] };
  const result = checkObject(item.value);
  if (result.object && defaultNamespace && findKind(result.object.kind)?.namespaced) result.object.metadata.namespace ??= defaultNamespace;
  return result;
}

function problemLines(file: string, locator: SourceLocator, problems: FieldProblem[]): string[] {
  return sortedLines(file, problems.map((p) => ({ pos: locate(locator, p), text: problemText(p) })));
}

/** `file:line:col: text` lines sorted by position, so that they read top to bottom; duplicates dropped. */
function sortedLines(file: string, located: { pos: Position; text: string }[]): string[] {
  const sorted = [...located].sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col);
  return [...new Set(sorted.map(({ pos, text }) => `${file}:${pos.line}:${pos.col}: ${text}`))];
}

function locate(locator: SourceLocator, p: FieldProblem): Position {
  const at = p.at ?? { path: p.field, part: 'value' as const };
  return locator.locate(at.path, at.part);
}

export function problemText(p: FieldProblem): string {
  return p.field.length ? `${formatFieldPath(p.field)}: ${p.message}` : p.message;
}

export function ignoredText(path: FieldPath): string {
  return `${formatFieldPath(path)} is ignored by kctl (one Docker host)`;
}
