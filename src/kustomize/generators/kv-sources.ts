/**
 * The key/value pairs of a generator: `literals` (KEY=VALUE, surrounding quotes removed), `files` (PATH, or
 * KEY=PATH; the key defaults to the file's name) and `envs` (KEY=VALUE lines; `#` comments and blank lines
 * skipped; a bare KEY takes its value from kctl's environment, as kustomize does).
 */
import * as path from 'path';
import { KctlError } from '../../errors';
import type { KustomizeFiles } from '../files';
import type { Kustomization } from '../kustomization-file';
import type { Obj } from '../resource';

export interface Pair {
  key: string;
  value: Buffer;
}

export function keyValuePairs(k: Kustomization, entry: Obj, files: KustomizeFiles, env: NodeJS.ProcessEnv): Pair[] {
  const name = String(entry.name ?? '');
  const pairs: Pair[] = [];
  const add = (key: string, value: Buffer) => {
    if (!/^[-._a-zA-Z0-9]+$/.test(key) || key === '.' || key === '..') {
      throw new KctlError(`${k.shown}: "${key}" in ${name} is not a valid key name: must consist of alphanumeric characters, '-', '_' or '.'`);
    }
    if (pairs.some((p) => p.key === key)) throw new KctlError(`${k.shown}: cannot add key ${key}, another key by that name already exists in ${name}`);
    pairs.push({ key, value });
  };
  for (const envFile of listOf(k, entry, 'envs').concat(typeof entry.env === 'string' ? [entry.env] : [])) {
    for (const pair of envFilePairs(k, files.readTextInRoot(k.dir, envFile), envFile, env)) add(pair.key, pair.value);
  }
  for (const literal of listOf(k, entry, 'literals')) {
    const eq = literal.indexOf('=');
    if (eq < 0) throw new KctlError(`${k.shown}: invalid literal source ${literal}, expected key=value`);
    add(literal.slice(0, eq), Buffer.from(unquote(literal.slice(eq + 1))));
  }
  for (const file of listOf(k, entry, 'files')) {
    const eq = file.indexOf('=');
    const [key, rel] = eq < 0 ? [path.basename(file), file] : [file.slice(0, eq), file.slice(eq + 1)];
    if (!key || !rel) throw new KctlError(`${k.shown}: file sources: ${file}: key or file path is missing`);
    add(key, files.readInRoot(k.dir, rel));
  }
  return pairs;
}

function listOf(k: Kustomization, entry: Obj, field: string): string[] {
  const v = entry[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new KctlError(`${k.shown}: ${field} of ${String(entry.name ?? '')} must be a list`);
  return v.map(String);
}

function unquote(v: string): string {
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}

function envFilePairs(k: Kustomization, text: string, file: string, env: NodeJS.ProcessEnv): Pair[] {
  const out: Pair[] = [];
  text.replace(/^\uFEFF/, '').split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) throw new KctlError(`${k.shown}: ${file}:${i + 1}: "${key}" is not a valid key name`);
    out.push({ key, value: Buffer.from(eq < 0 ? env[key] ?? '' : line.slice(eq + 1)) });
  });
  return out;
}
