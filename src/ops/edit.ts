/**
 * `kctl edit TYPE/NAME`: the object as YAML in $KUBE_EDITOR, $EDITOR or vi, validated like a manifest before
 * it is saved. An invalid edit reopens the file once with the problems as comments (kubectl's loop); a second
 * invalid save fails with the validation error (exit 3), keeping a copy of the edit.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { randomBytes } from 'crypto';
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { pluralName, refName } from '../api/kinds';
import { KctlError, NotFoundError, UsageError, ValidationError } from '../errors';
import { convergeTargets } from './converge';
import { parseResourceArgs } from './resource-args';
import { desiredUpdate, modifiedConflict, userFields } from './desired';
import { admitPodSecurity } from './admission';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

export async function runEdit(f: Factory, args: string[], opts: { wait: boolean; timeout: string }): Promise<void> {
  const { refs } = parseResourceArgs(args, { requireName: true });
  if (refs.length !== 1) throw new UsageError('edit takes exactly one resource: TYPE NAME or TYPE/NAME');
  const { kind, name } = refs[0];
  const namespace = kind.namespaced ? f.namespace() : undefined;
  const original = f.store().read().get(kind.kind, namespace, name!);
  if (!original) throw new NotFoundError(`${pluralName(kind.kind)} "${name}" not found`);
  const { printObjects } = require('../printers') as typeof import('../printers');
  const originalText = printObjects([original], { output: 'yaml', now: f.now(), colour: false });

  const file = path.join(os.tmpdir(), `kctl-edit-${randomBytes(6).toString('hex')}.yaml`);
  let content = HEADER + originalText;
  for (let round = 1; ; round++) {
    fs.writeFileSync(file, content, { mode: 0o600 });
    try {
      runEditor(f, file);
    } catch (e) {
      fs.rmSync(file, { force: true });
      throw e;
    }
    const edited = fs.readFileSync(file, 'utf8');
    if (stripComments(edited) === stripComments(originalText)) return cancel(f, file, 'Edit cancelled, no changes made.');
    if (stripComments(edited).trim() === '') return cancel(f, file, 'Edit cancelled, saved file was empty.');
    const result = await validate(f, file, original);
    if ('object' in result) {
      let saved: boolean;
      try {
        saved = await save(f, original, result.object);
      } finally {
        fs.rmSync(file, { force: true });
      }
      if (!saved) return void f.stderr.write('Edit cancelled, no changes made.\n');
      f.stdout.write(`${refName(original.kind, original.metadata.name)} edited\n`);
      await convergeTargets(f, [{ kind: original.kind, namespace: original.metadata.namespace, name: original.metadata.name }], opts);
      return;
    }
    const { problems } = result;
    if (round === 2) throw new ValidationError(problems, `A copy of your changes has been stored to "${file}"`);
    const notValid = `# ${pluralName(original.kind)} "${original.metadata.name}" was not valid:\n${problems.map((p) => `# * ${withoutPosition(p, file)}\n`).join('')}#\n`;
    content = HEADER + notValid + stripComments(edited);
  }
}

/** $KUBE_EDITOR, else $EDITOR, else vi, run through the shell as kubectl does (so `code --wait` works). */
function runEditor(f: Factory, file: string): void {
  const { spawnSync } = require('child_process') as typeof import('child_process');
  const editor = f.env.KUBE_EDITOR || f.env.EDITOR || 'vi';
  const result = spawnSync(`${editor} '${file}'`, { shell: true, stdio: 'inherit', env: f.env });
  if (result.error || result.status !== 0) {
    throw new KctlError(`there was a problem with the editor "${editor}"`, undefined, 'set KUBE_EDITOR or EDITOR to an editor that exits 0 after saving');
  }
}

function cancel(f: Factory, file: string, message: string): void {
  fs.rmSync(file, { force: true });
  f.stderr.write(`${message}\n`);
}

/** The edited file through the manifest loader: one object, the same one, valid. */
async function validate(f: Factory, file: string, original: KObject): Promise<{ object: KObject } | { problems: string[] }> {
  const { loadManifests } = require('../manifest/load') as typeof import('../manifest/load');
  try {
    const { objects, warnings } = await loadManifests([file], { cwd: f.cwd, defaultNamespace: original.metadata.namespace });
    for (const w of warnings) f.stderr.write(`${w}\n`);
    if (objects.length !== 1) return { problems: [`the edited file must hold exactly one object, found ${objects.length}`] };
    const edited = objects[0].obj;
    const same = edited.kind === original.kind && edited.apiVersion === original.apiVersion && edited.metadata.name === original.metadata.name && (edited.metadata.namespace ?? undefined) === original.metadata.namespace;
    return same ? { object: edited } : { problems: ['At least one of apiVersion, kind and name was changed'] };
  } catch (e) {
    if (e instanceof ValidationError) return { problems: e.problems };
    throw e;
  }
}

/**
 * Writes the edit (desired.ts). Fails if someone else changed the object since the editor opened. Returns false
 * when the edit changes nothing once defaults are applied.
 */
async function save(f: Factory, original: KObject, edited: KObject): Promise<boolean> {
  return f.store().update((state) => {
    const live = state.get(original.kind, original.metadata.namespace, original.metadata.name);
    if (!live || live.metadata.uid !== original.metadata.uid) throw new NotFoundError(`${pluralName(original.kind)} "${original.metadata.name}" not found`);
    if (userFields(live) !== userFields(original)) {
      throw modifiedConflict(original.kind, original.metadata.name);
    }
    const next = desiredUpdate(live, edited);
    if (!next) return false;
    state.put(next);
    admitPodSecurity(f, state, [next]);
    return true;
  });
}

/**
 * Comment lines removed (the header and the problems) before comparing and rewriting an edit. Only lines
 * starting with '#' in column 0: an indented '#' may be content of a block scalar (a script in a ConfigMap).
 */
function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
}

/** `<file>:12:5: spec.replicas: ...` -> `spec.replicas: ...`: line numbers move once the problems are added above. */
function withoutPosition(problem: string, file: string): string {
  return problem.startsWith(`${file}:`) ? problem.slice(file.length + 1).replace(/^\d+:\d+: /, '') : problem;
}
