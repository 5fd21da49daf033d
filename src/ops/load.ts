/** Manifests in for apply, delete -f, scale -f, diff: loaded, validated, warnings shown, namespace settled. */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { findKind } from '../api/kinds';
import { UsageError } from '../errors';

/** Where each loaded object was written, `web.yaml:3:1`, for errors found after loading (admission). */
const SOURCES = new WeakMap<KObject, string>();

/** `warn: false`: the commands that only read or remove the named objects (get -f, delete -f) say nothing of what applying them would ignore. */
export interface LoadOptions {
  warn?: boolean;
}

export async function loadObjects(f: Factory, paths: string[], recursive: boolean, opts: LoadOptions = {}): Promise<KObject[]> {
  const { loadManifests } = require('../manifest/load') as typeof import('../manifest/load');
  return settled(f, await loadManifests(paths, { recursive, stdin: f.stdin, cwd: f.cwd, defaultNamespace: f.namespace() }), opts);
}

/** The -f / -k flags of apply, diff, delete and get: kubectl's rules for combining them, then the objects. */
export interface InputFlags {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
}

export async function loadInputObjects(f: Factory, flags: InputFlags, opts: LoadOptions = {}): Promise<KObject[]> {
  if (flags.kustomize === undefined) return loadObjects(f, flags.filename ?? [], Boolean(flags.recursive), opts);
  if (flags.filename?.length) throw new UsageError('only one of -f or -k can be specified');
  if (flags.recursive) throw new UsageError("the -k flag can't be used with -f or -R");
  const { kustomizedText } = require('./kustomize') as typeof import('./kustomize');
  const { checkSources } = require('../manifest/load') as typeof import('../manifest/load');
  const text = kustomizedText(f, flags.kustomize);
  return settled(f, checkSources([{ file: flags.kustomize, text }], { defaultNamespace: f.namespace() }), opts);
}

function settled(f: Factory, result: import('../manifest/load').LoadResult, opts: LoadOptions): KObject[] {
  if (opts.warn !== false) for (const w of result.warnings) f.stderr.write(`${w.startsWith('Warning: ') ? w : `Warning: ${w}`}\n`);
  return result.objects.map(({ obj, source }) => {
    SOURCES.set(obj, `${source.file}:${source.line}:${source.column}`);
    return settleNamespace(f, obj);
  });
}

export function sourceOf(obj: KObject): string | undefined {
  return SOURCES.get(obj);
}

/** kubectl: an explicit -n that contradicts the manifest is an error; otherwise -n (or default) fills it. */
export function settleNamespace(f: Factory, obj: KObject): KObject {
  if (findKind(obj.kind)?.namespaced === false) {
    delete obj.metadata.namespace;
    return obj;
  }
  const given = f.globals.namespace;
  if (obj.metadata.namespace && given && obj.metadata.namespace !== given) {
    throw new UsageError(`the namespace from the provided object "${obj.metadata.namespace}" does not match the namespace "${given}". You must pass '--namespace=${obj.metadata.namespace}' to perform this operation.`);
  }
  obj.metadata.namespace = obj.metadata.namespace ?? f.namespace();
  return obj;
}
