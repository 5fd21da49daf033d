/**
 * `kctl set env deployment/web KEY=VALUE KEY2- [--from=configmap/NAME|secret/NAME] [--prefix P] [--keys K]
 * [-c CONTAINERS] [--list]`: kubectl's env editing of pod templates. KEY=VALUE sets (replacing a valueFrom),
 * KEY- removes, --from adds one configMapKeyRef/secretKeyRef variable per key (named as kubectl names them:
 * prefix + key, invalid characters as `_`, upper case). An object left unchanged is not printed.
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { kindInfo, pluralName, refName } from '../api/kinds';
import { KctlError, NotFoundError, UsageError } from '../errors';
import { checkedChange } from './desired';
import { resourcesAndPairs } from './metadata-pairs';
import { convergeTargets } from './converge';
import { containerMatcher, selectedContainers, storedTarget, templateContainers, templateTargets, updatePodTemplates } from './pod-templates';

export interface SetEnvOptions {
  env?: string[];
  from?: string;
  prefix?: string;
  keys?: string[];
  containers?: string;
  list?: boolean;
  overwrite: boolean;
  wait: boolean;
  timeout: string;
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, unknown>;
}

export async function runSetEnv(f: Factory, args: string[], opts: SetEnvOptions): Promise<void> {
  const { resources, pairs } = resourcesAndPairs(args, 'env');
  if (resources.length === 0) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const targets = templateTargets(f, resources, 'set the environment of');

  if (opts.list) {
    if (pairs.length || opts.env?.length || opts.from) throw new UsageError('--list and --env/KEY=VALUE/--from cannot be combined');
    const matches = containerMatcher(opts.containers ?? '*');
    const state = f.store().read();
    for (const t of targets) {
      const spec = t.podTemplate(storedTarget(state, t))?.spec ?? {};
      for (const c of templateContainers(spec).filter((c: EnvVar) => matches(c.name))) {
        f.stdout.write(`# ${groupVersionResource(t.kind)} ${t.name}, container ${c.name}\n`);
        for (const e of (c.env ?? []) as EnvVar[]) f.stdout.write(`${listLine(e)}\n`);
      }
    }
    return;
  }

  const { set, remove } = parsePairs([...(opts.env ?? []), ...pairs]);
  const fromVars = opts.from ? varsFrom(f, opts.from, opts.prefix ?? '', opts.keys) : [];
  if (set.length + remove.length + fromVars.length === 0) throw new UsageError('at least one environment variable must be provided');
  const wanted = [...fromVars, ...set];

  const updated = await updatePodTemplates(
    f,
    targets,
    (spec) => {
      let changed = false;
      for (const c of selectedContainers(spec, opts.containers ?? '*')) {
        const before = JSON.stringify(c.env ?? []);
        c.env = updatedEnv((c.env ?? []) as EnvVar[], wanted, remove, opts.overwrite, c.name);
        if (c.env.length === 0) delete c.env;
        changed ||= JSON.stringify(c.env ?? []) !== before;
      }
      return changed;
    },
    (obj: KObject) => void checkedChange(obj),
  );
  for (const t of updated) f.stdout.write(`${refName(t.kind, t.name)} env updated\n`);
  await convergeTargets(f, targets, opts);
}

function parsePairs(pairs: string[]): { set: EnvVar[]; remove: string[] } {
  const set: EnvVar[] = [];
  const remove: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq > 0) set.push({ name: pair.slice(0, eq), value: pair.slice(eq + 1) });
    else if (pair.endsWith('-') && pair.length > 1 && eq < 0) remove.push(pair.slice(0, -1));
    else throw new UsageError(`environment variables must be of the form key=value and can only contain letters, numbers, and underscores: ${pair}`);
  }
  return { set, remove };
}

function updatedEnv(env: EnvVar[], wanted: EnvVar[], remove: string[], overwrite: boolean, container: string): EnvVar[] {
  const out = env.filter((e) => !remove.includes(e.name));
  for (const w of wanted) {
    const i = out.findIndex((e) => e.name === w.name);
    if (i < 0) out.push(w);
    else if (overwrite) out[i] = w;
    else if (JSON.stringify(out[i]) !== JSON.stringify(w)) throw new KctlError(`'${w.name}' already has a value in container "${container}", and --overwrite is false`);
  }
  return out;
}

/** One variable per key of the ConfigMap or Secret, referring to it (kubectl's --from). */
function varsFrom(f: Factory, from: string, prefix: string, keys: string[] | undefined): EnvVar[] {
  const [type, name, extra] = from.split('/');
  const kind = { configmap: 'ConfigMap', configmaps: 'ConfigMap', cm: 'ConfigMap', secret: 'Secret', secrets: 'Secret' }[type.toLowerCase()];
  if (!kind || !name || extra !== undefined) throw new UsageError(`--from must be configmap/NAME or secret/NAME, not "${from}"`);
  const source = f.store().read().get(kind, f.namespace(), name);
  if (!source) throw new NotFoundError(`${pluralName(kind)} "${name}" not found`);
  const all = Object.keys({ ...(source.data ?? {}), ...(source.binaryData ?? {}) }).sort();
  const chosen = keys?.length ? keys : all;
  for (const k of chosen) if (!all.includes(k)) throw new KctlError(`${pluralName(kind)} "${name}" has no key "${k}"`);
  const ref = kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef';
  return chosen.map((key) => ({ name: `${prefix}${key}`.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase(), valueFrom: { [ref]: { name, key } } }));
}

/** How kubectl prints a mapping's GroupVersionResource in the --list header: `apps/v1, Resource=deployments`. */
function groupVersionResource(kind: string): string {
  const info = kindInfo(kind);
  return `${info.apiVersion.includes('/') ? info.apiVersion : `/${info.apiVersion}`}, Resource=${info.plural}`;
}

/** kubectl's --list lines: values as KEY=VALUE, references as comments. */
function listLine(e: EnvVar): string {
  const from = e.valueFrom as any;
  if (!from) return `${e.name}=${e.value ?? ''}`;
  if (from.configMapKeyRef) return `# ${e.name} from configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `# ${e.name} from secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `# ${e.name} from field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) return `# ${e.name} from resource ${from.resourceFieldRef.resource}`;
  return `# ${e.name} from an unknown source`;
}
