/** `kctl create <kind>`: builds the object from flags, validates it like a manifest, refuses to overwrite. */
import { dryRunMode, isClientDryRun } from './dry-run';
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { pluralName, refName } from '../api/kinds';
import { ConflictError, KctlError, UsageError } from '../errors';
import { applyObject, createFromManifest, ensureDefaultNamespace, checkNamespace } from '../store/apply';
import { convergeTargets } from './converge';
import { checkNameOutput, writeResult } from './result-lines';
import { loadInputObjects } from './load';
import { admitPodSecurity } from './admission';
import { requireFlags } from './required-flags';

export interface CreateOptions {
  dryRun?: string | boolean;
  /** Record the last-applied annotation, so that a later `kctl apply` merges as if it had made the object. */
  saveConfig?: boolean;
  /** Print the object instead of `<kind>/<name> created`: any of kubectl's object formats (OBJECT_FORMATS). */
  output?: string;
  /** --template: the template of a bare template -o; alone it means go-template. */
  template?: string;
  allowMissingTemplateKeys?: boolean;
}

export async function createNamespace(f: Factory, name: string, opts: CreateOptions): Promise<void> {
  await createObject(f, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, opts);
}

export interface ConfigDataOptions extends CreateOptions {
  fromLiteral?: string[];
  fromFile?: string[];
  fromEnvFile?: string[];
  type?: string;
}

/** `kctl create configmap NAME`: UTF-8 values in data, anything else in binaryData, as kubectl does. */
export async function createConfigMap(f: Factory, name: string, opts: ConfigDataOptions): Promise<void> {
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  for (const [key, value] of collectData(f, 'ConfigMap', name, opts)) {
    if (isUtf8(value)) data[key] = value.toString('utf8');
    else binaryData[key] = value.toString('base64');
  }
  const obj: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: f.namespace() } };
  if (Object.keys(data).length) obj.data = data;
  if (Object.keys(binaryData).length) obj.binaryData = binaryData;
  await createObject(f, obj, opts);
}

/** `kctl create secret generic NAME`: every value base64-encoded in data. */
export async function createSecret(f: Factory, name: string, opts: ConfigDataOptions): Promise<void> {
  const data: Record<string, string> = {};
  for (const [key, value] of collectData(f, 'Secret', name, opts)) data[key] = value.toString('base64');
  // No --type: none, as kubectl sends it (the API server's default makes it Opaque).
  const obj: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: f.namespace() }, ...(opts.type ? { type: opts.type } : {}) };
  if (Object.keys(data).length) obj.data = data;
  await createObject(f, obj, opts);
}

/** `kctl create secret tls NAME --cert=PATH --key=PATH`: a kubernetes.io/tls Secret whose key pair kubectl checks first. */
export async function createTlsSecret(f: Factory, name: string, opts: CreateOptions & { cert?: string; key?: string }): Promise<void> {
  requireFlags(opts, ['cert', 'key']);
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const read = (file: string) => {
    try {
      return fs.readFileSync(path.resolve(f.cwd, file));
    } catch (e) {
      throw new UsageError(`open ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
    }
  };
  const cert = read(opts.cert!);
  const key = read(opts.key!);
  checkKeyPair(cert, key);
  const obj: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: f.namespace() }, type: 'kubernetes.io/tls', data: { 'tls.crt': cert.toString('base64'), 'tls.key': key.toString('base64') } };
  await createObject(f, obj, opts);
}

/** Go's tls.X509KeyPair, as kubectl runs it before it sends the Secret. */
function checkKeyPair(cert: Buffer, key: Buffer): void {
  const crypto = require('crypto') as typeof import('crypto');
  let x509: import('crypto').X509Certificate;
  let privateKey: import('crypto').KeyObject;
  try {
    x509 = new crypto.X509Certificate(cert);
  } catch {
    throw new KctlError('failed to load key pair tls: failed to find any PEM data in certificate input');
  }
  try {
    privateKey = crypto.createPrivateKey(key);
  } catch {
    throw new KctlError('failed to load key pair tls: failed to find any PEM data in key input');
  }
  if (!x509.checkPrivateKey(privateKey)) throw new KctlError('failed to load key pair tls: private key does not match public key');
}

export interface CreateFromFilesOptions extends CreateOptions {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  wait: boolean;
  timeout: string;
}

/** `kctl create -f FILE` (or `-k DIR`): every object in the files is new (one that exists already refuses them all), then converges. */
export async function createFromFiles(f: Factory, opts: CreateFromFilesOptions): Promise<void> {
  checkNameOutput(opts.output);
  const dryRun = dryRunMode(opts.dryRun);
  const objects = await loadInputObjects(f, opts);
  if (objects.length === 0) throw new KctlError('no objects passed to create');
  const create = (state: import('../store/state').State) => createAll(f, state, objects, opts);
  if (dryRun) {
    if (!isClientDryRun(opts.dryRun)) create(f.store().read());
  }
  else await f.store().update(create);
  for (const obj of objects) writeResult(f, obj, 'created', { output: opts.output, suffix: dryRun ? ' (dry run)' : '' });
  if (!dryRun) await convergeTargets(f, objects.map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name })), opts);
}

/** Stores `objects` as new ones (create -f, replace --force): one that exists refuses them all; admitted like apply. */
export function createAll(f: Factory, state: import('../store/state').State, objects: KObject[], opts: CreateOptions): void {
  ensureDefaultNamespace(state);
  const namespaces = new Set(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name));
  for (const obj of objects) {
    if (state.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) throw new ConflictError(`${pluralName(obj.kind)} "${obj.metadata.name}" already exists`);
    checkNamespace(state, obj, namespaces);
    storeCreated(state, obj, opts);
  }
  admitPodSecurity(f, state, objects);
}

function storeCreated(state: import('../store/state').State, obj: KObject, opts: CreateOptions): void {
  const { applyDefaults } = require('../api/defaults') as typeof import('../api/defaults');
  if (opts.saveConfig) applyObject(state, obj, applyDefaults);
  else createFromManifest(state, obj, applyDefaults);
}

/** Shared by every `create` subcommand. */
export async function createObject(f: Factory, obj: KObject, opts: CreateOptions, verb = 'created'): Promise<void> {
  const { validateObject } = require('../manifest/load') as typeof import('../manifest/load');
  const { applyDefaults } = require('../api/defaults') as typeof import('../api/defaults');
  const printing = opts.output !== undefined || opts.template !== undefined;
  const { checkPrintOptions, printObjects } = require('../printers') as typeof import('../printers');
  const { OBJECT_FORMATS } = require('../printers/output-format') as typeof import('../printers/output-format');
  if (printing) checkPrintOptions({ output: opts.output, template: opts.template, formats: OBJECT_FORMATS });
  validateObject(obj);
  const dryRun = dryRunMode(opts.dryRun);
  // What a client-side dry run prints: the object as generated, as kubectl prints it (no defaults; a namespace only when -n named one).
  const generated = structuredClone(obj);
  if (!f.globals.namespace) delete generated.metadata.namespace;
  const create = (state: import('../store/state').State) => {
    ensureDefaultNamespace(state);
    if (state.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) throw new ConflictError(`${pluralName(obj.kind)} "${obj.metadata.name}" already exists`);
    checkNamespace(state, obj, new Set());
    storeCreated(state, obj, opts);
    admitPodSecurity(f, state, [obj]);
  };
  if (dryRun) {
    if (!isClientDryRun(opts.dryRun)) create(f.store().read());
  }
  else await f.store().update(create);
  if (!printing) {
    f.stdout.write(`${refName(obj.kind, obj.metadata.name)} ${verb}${dryRun ? ' (dry run)' : ''}\n`);
    return;
  }
  const { withGoZeroValues } = require('../printers/go-zero-values') as typeof import('../printers/go-zero-values');
  const printed = dryRun ? withGoZeroValues(generated) : applyDefaults(obj);
  f.stdout.write(printObjects([printed], { output: opts.output, template: opts.template, allowMissingTemplateKeys: opts.allowMissingTemplateKeys, formats: OBJECT_FORMATS, goStructOrder: true, now: f.now(), colour: false }));
}

/** A valid ConfigMap/Secret key (Kubernetes' IsConfigMapKey). */
const KEY = /^[-._a-zA-Z0-9]+$/;

/** --from-literal key=value, --from-file [key=]path (a directory: one key per file), --from-env-file path. */
function collectData(f: Factory, kind: 'ConfigMap' | 'Secret', name: string, opts: ConfigDataOptions): Map<string, Buffer> {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const out = new Map<string, Buffer>();
  const add = (key: string, value: Buffer) => {
    if (!KEY.test(key)) throw new UsageError(`"${key}" is not a valid key name for a ${kind}: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name', or 'KEY_NAME', or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`);
    if (out.has(key)) throw new UsageError(`cannot add key ${key}, another key by that name already exists in Data for ${kind} "${name}"`);
    out.set(key, value);
  };
  for (const literal of opts.fromLiteral ?? []) {
    const eq = literal.indexOf('=');
    if (eq <= 0) throw new UsageError(`invalid literal source ${literal}, expected key=value`);
    add(literal.slice(0, eq), Buffer.from(literal.slice(eq + 1)));
  }
  for (const source of opts.fromFile ?? []) {
    const eq = source.indexOf('=');
    const [key, file] = eq > 0 ? [source.slice(0, eq), source.slice(eq + 1)] : [undefined, source];
    const full = path.resolve(f.cwd, file);
    const stat = statOrThrow(fs, full, file);
    if (stat.isDirectory()) {
      if (key) throw new UsageError(`cannot give a key name for a directory path: ${file}`);
      for (const entry of fs.readdirSync(full, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.isFile() && KEY.test(entry.name)) add(entry.name, fs.readFileSync(path.join(full, entry.name)));
      }
    } else add(key ?? path.basename(full), fs.readFileSync(full));
  }
  for (const file of opts.fromEnvFile ?? []) {
    const full = path.resolve(f.cwd, file);
    statOrThrow(fs, full, file);
    for (const [i, raw] of fs.readFileSync(full, 'utf8').split(/\r?\n/).entries()) {
      const line = raw.trimStart();
      if (!line || line.startsWith('#')) continue;
      const eq = line.indexOf('=');
      if (eq <= 0) throw new UsageError(`${file}:${i + 1}: invalid line "${line}": expected KEY=VALUE`);
      add(line.slice(0, eq), Buffer.from(line.slice(eq + 1)));
    }
  }
  return out;
}

function statOrThrow(fs: typeof import('fs'), full: string, given: string): import('fs').Stats {
  try {
    return fs.statSync(full);
  } catch {
    throw new UsageError(`error reading ${given}: no such file or directory`);
  }
}

function isUtf8(b: Buffer): boolean {
  return Buffer.from(b.toString('utf8'), 'utf8').equals(b);
}
