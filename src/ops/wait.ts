/**
 * `kctl wait`: until every selected object meets every --for (condition=T[=V], delete, create,
 * jsonpath={...}[=V]), reconciling in-process meanwhile. Prints kubectl's `deployment.apps/web condition met`
 * per object as it is met; fails fast when a condition can no longer become true (the object was deleted or
 * is being deleted, its pods are stuck in a state only the user can fix, a pod has finished).
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { kindInfo, pluralName, refName } from '../api/kinds';
import { parseSelector } from '../api/selector';
import { KctlError, NotFoundError, UsageError } from '../errors';
import type { Verdict } from '../kinds/results';
import type { State } from '../store/state';
import { parseDuration } from '../util/duration';
import { kindDefinition } from '../kinds/registry';
import { parseResourceArgs } from './resource-args';

export interface WaitOptions {
  for?: string[];
  selector?: string;
  all?: boolean;
  timeout: string;
}

type WaitFor =
  | { type: 'delete' }
  | { type: 'create' }
  | { type: 'condition'; condition: string; value: string }
  | { type: 'jsonpath'; path: string; template: import('../printers/jsonpath').JSONPathTemplate; value?: string };

interface Target {
  kind: string;
  namespace?: string;
  name: string;
  /** The object first seen; one with the same name and another uid is a new object (kubectl's wait). */
  uid?: string;
}

/** A target's state against the --for list: met, still waiting (and on what), or never going to be met. */
type Check = { met: true } | { met: false; waitingFor: string; failure?: KctlError };

const JSONPATH_USAGE = "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'";

export async function runWait(f: Factory, args: string[], opts: WaitOptions): Promise<void> {
  const conditions = (opts.for ?? []).map(parseFor);
  if (conditions.length === 0) throw new UsageError('--for must be set', "e.g. --for=condition=Available, --for=delete or --for=jsonpath='{.status.readyReplicas}'=3");
  const timeoutMs = parseDuration(opts.timeout);
  const onlyDelete = conditions.every((c) => c.type === 'delete');
  const targets = selectTargets(f, args, opts, conditions);
  if (targets.length === 0) {
    if (onlyDelete) return;
    throw new KctlError('no matching resources found');
  }

  let printed = 0;
  const check = (state: State): Verdict => {
    const results = targets.map((t) => checkTarget(state, t, conditions));
    // "condition met" lines in the order the objects were named, each as soon as it and those before it are met
    for (; printed < targets.length && results[printed].met; printed++) f.stdout.write(`${refName(targets[printed].kind, targets[printed].name)} condition met\n`);
    const pending = results.find((r): r is Extract<Check, { met: false }> => !r.met);
    if (!pending) return { done: true };
    const failed = results.find((r) => !r.met && r.failure) as Extract<Check, { met: false }> | undefined;
    return { done: false, failure: failed?.failure, waitingFor: pending.waitingFor };
  };

  let verdict = check(f.store().read());
  if (!verdict.done && !verdict.failure) {
    const { controllerContext } = require('../app/controller-context') as typeof import('../app/controller-context');
    const { driveUntil } = require('../controllers/drive') as typeof import('../controllers/drive');
    const waiting = () => targets[printed];
    verdict = await driveUntil(await controllerContext(f), check, {
      wait: true,
      timeoutMs,
      interrupted: f.interrupted,
      timeoutMessage: () => `timed out waiting for the condition on ${kindInfo(waiting().kind).plural}/${waiting().name}`,
    });
  }
  if (verdict.failure) throw verdict.failure;
  if (!verdict.done) throw new KctlError('interrupted before the condition was met');
}

function parseFor(text: string): WaitFor {
  const lower = text.toLowerCase();
  if (lower === 'delete') return { type: 'delete' };
  if (lower === 'create') return { type: 'create' };
  if (lower.startsWith('condition=')) {
    const [condition, value = 'true', extra] = text.slice('condition='.length).split('=');
    if (!condition || extra !== undefined) throw new UsageError(`unrecognized condition: "${text}"`);
    return { type: 'condition', condition, value };
  }
  if (lower.startsWith('jsonpath=')) {
    const parts = text.slice('jsonpath='.length).split('=');
    if (parts.length > 2 || !parts[0]) throw new UsageError(JSONPATH_USAGE);
    const { relaxedJSONPath, parseJSONPath } = require('../printers/jsonpath') as typeof import('../printers/jsonpath');
    let template;
    try {
      template = parseJSONPath(relaxedJSONPath(parts[0].replace(/^['"]|['"]$/g, '')));
    } catch (e) {
      throw new UsageError(`invalid jsonpath ${parts[0]}: ${(e as Error).message}`);
    }
    const value = parts.length === 2 ? parts[1].replace(/^['"]|['"]$/g, '') : undefined;
    if (value === '') throw new UsageError('jsonpath wait has to have a value after equal sign');
    return { type: 'jsonpath', path: template.source, template, value };
  }
  throw new UsageError(`unrecognized condition: "${text}"`, 'use condition=NAME[=VALUE], delete, create or jsonpath={...}[=VALUE]');
}

/** The objects to wait for, fixed at the start as kubectl does (named, -l selector, or --all). */
function selectTargets(f: Factory, args: string[], opts: WaitOptions, conditions: WaitFor[]): Target[] {
  const query = parseResourceArgs(args);
  const namespace = f.namespace();
  const state = f.store().read();
  const selector = opts.selector ? parseSelector(opts.selector) : undefined;
  const targets: Target[] = [];
  for (const ref of query.refs) {
    const ns = ref.kind.namespaced ? namespace : undefined;
    if (ref.name === undefined) {
      if (!selector && !opts.all) throw new UsageError('resource(s) were provided, but no name, label selector, or --all flag specified');
      for (const o of state.list(ref.kind.kind, ns, selector)) targets.push(targetOf(o));
      continue;
    }
    const obj = state.get(ref.kind.kind, ns, ref.name);
    if (obj) targets.push(targetOf(obj));
    else if (conditions.some((c) => c.type === 'create')) targets.push({ kind: ref.kind.kind, namespace: ns, name: ref.name });
    else if (!conditions.every((c) => c.type === 'delete')) throw new NotFoundError(`${pluralName(ref.kind.kind)} "${ref.name}" not found`);
  }
  return targets;
}

function targetOf(o: KObject): Target {
  return { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name, uid: o.metadata.uid };
}

function checkTarget(state: State, t: Target, conditions: WaitFor[]): Check {
  const found = state.get(t.kind, t.namespace, t.name);
  const obj = found && (!t.uid || found.metadata.uid === t.uid) ? found : undefined;
  const ref = refName(t.kind, t.name);
  for (const c of conditions) {
    if (c.type === 'delete') {
      if (obj) return { met: false, waitingFor: `${ref} still exists` };
      continue;
    }
    if (c.type === 'create') {
      if (!found) return { met: false, waitingFor: `${ref} does not exist yet` };
      continue;
    }
    if (!obj) return { met: false, waitingFor: `${ref} is gone`, failure: new KctlError(`${ref} was deleted while waiting for the condition`) };
    const current = c.type === 'condition' ? conditionMet(obj, c) : jsonPathMet(obj, c);
    if (current.met) continue;
    return { ...current, failure: current.failure ?? hopeless(state, obj, c) };
  }
  return { met: true };
}

function conditionMet(obj: KObject, c: Extract<WaitFor, { type: 'condition' }>): Check {
  const found = ((obj.status?.conditions ?? []) as { type: string; status: string; message?: string }[]).find((x) => x.type.toLowerCase() === c.condition.toLowerCase());
  if (found && found.status.toLowerCase() === c.value.toLowerCase()) return { met: true };
  const ref = refName(obj.kind, obj.metadata.name);
  return { met: false, waitingFor: found ? `${ref}: condition ${found.type} is ${found.status}${found.message ? ` (${found.message})` : ''}` : `${ref} has no ${c.condition} condition yet` };
}

function jsonPathMet(obj: KObject, c: Extract<WaitFor, { type: 'jsonpath' }>): Check {
  const { findJSONPathValues } = require('../printers/jsonpath') as typeof import('../printers/jsonpath');
  const values = findJSONPathValues(c.template, JSON.parse(JSON.stringify(obj)));
  const ref = refName(obj.kind, obj.metadata.name);
  if (values.length > 1) return { met: false, waitingFor: '', failure: new UsageError(`given jsonpath expression ${c.path} matches more than one value`) };
  const value = values[0];
  if (value !== null && typeof value === 'object') return { met: false, waitingFor: '', failure: new UsageError(`jsonpath ${c.path} leads to a nested object or list which is not supported`) };
  if (c.value === undefined ? value !== undefined : value !== undefined && String(value) === c.value) return { met: true };
  return { met: false, waitingFor: value === undefined ? `${ref}: ${c.path} is not set${c.value === undefined ? ' yet' : `, waiting for ${c.value}`}` : `${ref}: ${c.path} is ${String(value)}, waiting for ${c.value}` };
}

/** Why an unmet condition can no longer become true without a change from the user, if it cannot. */
function hopeless(state: State, obj: KObject, c: WaitFor): KctlError | undefined {
  const ref = refName(obj.kind, obj.metadata.name);
  if (obj.metadata.deletionTimestamp) return new KctlError(`${ref} is being deleted: the condition can no longer be met`);
  const kind = kindDefinition(obj.kind);
  const phase = kind?.finishedPhase?.(obj);
  if (phase) return new KctlError(`${ref} has finished (phase ${phase}): the condition can no longer be met`);
  // Waiting for something to become True on an object that is stuck (bad image, crash loop, deadline).
  if (c.type === 'condition' && c.value.toLowerCase() === 'true') return kind?.converged?.(state, obj).failure;
  return undefined;
}
