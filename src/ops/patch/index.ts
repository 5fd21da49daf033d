/**
 * `kctl patch (TYPE NAME | TYPE/NAME | -f FILE) (-p PATCH | --patch-file FILE) [--type strategic|merge|json]`:
 * kubectl's three patch types on any stored kind. The patched object is validated like a manifest (problems
 * at their line:col in a patch file) and admitted like apply; status and server-set fields stay as stored.
 * `--local` patches the -f objects and prints them, touching nothing stored.
 */
import type { Factory } from '../../app/factory';
import type { KObject } from '../../api/types';
import { pluralName, refName } from '../../api/kinds';
import { KctlError, NotFoundError, UsageError } from '../../errors';
import type { State } from '../../store/state';
import type { Target } from '../../kinds/converged';
import { admitPodSecurity } from '../admission';
import { convergeTargets } from '../converge';
import { checkedChange, desiredUpdate, modifiedConflict } from '../desired';
import { dryRunMode, type DryRunFlag } from '../dry-run';
import { loadObjects } from '../load';
import { parseResourceArgs } from '../resource-args';
import { patchObject } from './apply-patch';
import { shapeOf } from '../../kinds/patch-shapes';
import { positionInPatch, readPatch, type PatchDocument } from './document';
import { PATCH_TYPES, type PatchType } from './types';

export interface PatchOptions {
  patch?: string;
  patchFile?: string;
  type?: string;
  filename?: string[];
  recursive?: boolean;
  local?: boolean;
  dryRun?: DryRunFlag;
  output?: string;
  template?: string;
  allowMissingTemplateKeys?: boolean;
  wait: boolean;
  timeout: string;
}

export async function runPatch(f: Factory, args: string[], opts: PatchOptions): Promise<void> {
  const type = patchType(opts.type);
  const dryRun = dryRunMode(opts.dryRun);
  const files = opts.filename ?? [];
  if (opts.local && args.length) throw new UsageError('cannot specify --local and server resources');
  if (opts.local && files.length === 0) throw new UsageError('--local requires a filename (-f)');
  if (files.length && args.length) throw new UsageError('cannot specify resources by name and by filename (-f) together');
  if (!files.length && !args.length) throw new UsageError('You must provide one or more resources by argument or filename.');
  const doc = readPatch(opts.patch, opts.patchFile, f.cwd);
  if (opts.output !== undefined || opts.template) printers().checkPrintOptions(opts);
  const fromFiles = files.length ? await loadObjects(f, files, Boolean(opts.recursive), { warn: false }) : [];

  if (opts.local) {
    const patched = fromFiles.map((obj) => checkedResult(obj, doc, type));
    return print(f, patched.map((obj) => ({ obj, changed: true })), opts, '');
  }

  const targets: Target[] = files.length ? fromFiles.map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name })) : namedTargets(f, args);
  for (const t of targets) {
    if (!kindVerbs(t.kind).includes('patch')) throw new KctlError(`${pluralName(t.kind)} "${t.name}": the server does not allow this method on the requested resource (kctl makes ${pluralName(t.kind)} itself)`);
  }
  const patchAll = (state: State) =>
    targets.map((t) => {
      const live = state.get(t.kind, t.namespace, t.name);
      if (!live) throw new NotFoundError(`${pluralName(t.kind)} "${t.name}" not found`);
      const patched = checkedResult(live, doc, type);
      if (patched.metadata.resourceVersion !== live.metadata.resourceVersion) {
        throw modifiedConflict(t.kind, t.name);
      }
      const next = desiredUpdate(live, patched);
      if (!next) return { obj: live, changed: false };
      state.put(next);
      admitPodSecurity(f, state, [next]);
      return { obj: next, changed: true };
    });
  const results = dryRun ? patchAll(f.store().read()) : await f.store().update(patchAll);
  print(f, results, opts, dryRun ? ' (dry run)' : '');
  const changed = results.filter((r) => r.changed).map((r) => ({ kind: r.obj.kind, namespace: r.obj.metadata.namespace, name: r.obj.metadata.name }));
  if (!dryRun && changed.length) await convergeTargets(f, changed, opts);
}

function patchType(value: string | undefined): PatchType {
  const type = (value ?? 'strategic') as PatchType;
  if (!PATCH_TYPES.includes(type)) throw new UsageError(`--type must be one of [${PATCH_TYPES.join(' ')}], not "${value}"`);
  return type;
}

function namedTargets(f: Factory, args: string[]): Target[] {
  const { refs } = parseResourceArgs(args, { requireName: true });
  return refs.map((ref) => ({ kind: ref.kind.kind, namespace: ref.kind.namespaced ? f.namespace() : undefined, name: ref.name! }));
}

function kindVerbs(kind: string): readonly string[] {
  const { kindDefinition } = require('../../kinds/registry') as typeof import('../../kinds/registry');
  return kindDefinition(kind)?.verbs ?? [];
}

/** The patched object, valid and still the same object; problems as apply words them. */
function checkedResult(obj: KObject, doc: PatchDocument, type: PatchType): KObject {
  const shown = `${pluralName(obj.kind)} "${obj.metadata.name}"`;
  const patched = patchObject(obj, doc.value, type, shown) as KObject;
  const where = doc.file
    ? (field: import('../../api/problems').FieldPath) => {
        const pos = positionInPatch(doc, type, field, patched, shapeOf(obj.kind));
        return `${doc.file}:${pos.line}:${pos.col}: `;
      }
    : undefined;
  const checked = checkedChange(patched, where);
  const same = checked.apiVersion === obj.apiVersion && checked.kind === obj.kind && checked.metadata.name === obj.metadata.name && checked.metadata.namespace === obj.metadata.namespace;
  if (!same) throw new KctlError(`${shown}: a patch cannot change apiVersion, kind, metadata.name or metadata.namespace`);
  return checked;
}

const printers = () => require('../../printers') as typeof import('../../printers');

function print(f: Factory, results: { obj: KObject; changed: boolean }[], opts: PatchOptions, suffix: string): void {
  const { output, template, allowMissingTemplateKeys } = opts;
  if (output !== undefined || template) {
    f.stdout.write(printers().printObjects(results.map((r) => r.obj), { output, template, allowMissingTemplateKeys, now: f.now(), colour: false }));
    return;
  }
  for (const { obj, changed } of results) f.stdout.write(`${refName(obj.kind, obj.metadata.name)} patched${changed ? '' : ' (no change)'}${suffix}\n`);
}
