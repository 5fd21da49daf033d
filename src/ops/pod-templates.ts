/**
 * What the `set` verbs that change a pod template share (`set image`, `set env`): the named objects that have
 * one, refused in kubectl's words otherwise, and one transaction that changes the templates, bumps the
 * generation of each object it changed and admits the result like apply.
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { pluralName } from '../api/kinds';
import { KctlError, NotFoundError, UsageError } from '../errors';
import { bumpGeneration } from '../api/generation';
import { kindDefinition, kindsWith } from '../kinds/registry';
import type { State } from '../store/state';
import { pluralsOf } from './kind-names';
import { admitPodSecurity } from './admission';
import { parseResourceArgs } from './resource-args';

export interface TemplateTarget {
  kind: string;
  namespace: string;
  name: string;
  podTemplate(obj: KObject): { metadata?: any; spec?: any } | undefined;
}

/** `what`: the refusal's words, "set the image of". */
export function templateTargets(f: Factory, resources: string[], what: string): TemplateTarget[] {
  const { refs } = parseResourceArgs(resources, { requireName: true });
  return refs.map((ref) => {
    const podTemplate = kindDefinition(ref.kind.kind)?.podTemplate;
    if (!podTemplate) throw new UsageError(`cannot ${what} ${ref.kind.plural}: only ${pluralsOf(kindsWith((d) => d.podTemplate))} have a pod template kctl rolls out`);
    return { kind: ref.kind.kind, namespace: f.namespace(), name: ref.name!, podTemplate };
  });
}

export function storedTarget(state: State, t: TemplateTarget): KObject {
  const obj = state.get(t.kind, t.namespace, t.name);
  if (!obj) throw new NotFoundError(`${pluralName(t.kind)} "${t.name}" not found`);
  return obj;
}

/**
 * Runs `change` on each target's pod spec inside one transaction; `change` returns whether it changed
 * anything. `check` may refuse the changed object (validation). Returns the targets changed.
 */
export async function updatePodTemplates(f: Factory, targets: TemplateTarget[], change: (spec: any, obj: KObject) => boolean, check: (obj: KObject) => void = () => {}): Promise<TemplateTarget[]> {
  return f.store().update((state) =>
    targets.filter((t) => {
      const obj = storedTarget(state, t);
      const template = t.podTemplate(obj);
      if (!template?.spec || !change(template.spec, obj)) return false;
      check(obj);
      bumpGeneration(obj);
      state.put(obj);
      admitPodSecurity(f, state, [obj]);
      return true;
    }),
  );
}

/** A pod spec's init containers and containers, in the order kubectl walks them. */
export function templateContainers(spec: any): any[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
}

/** `-c web,side` or a glob such as `*` or `web-*`, as kubectl's --containers. */
export function containerMatcher(selector: string): (name: string) => boolean {
  const patterns = selector.split(',').map((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`));
  return (name) => patterns.some((p) => p.test(name));
}

/** The containers of `spec` that `-c selector` names; none is kubectl's error. */
export function selectedContainers(spec: any, selector: string): any[] {
  const matches = containerMatcher(selector);
  const containers = templateContainers(spec).filter((c) => matches(c.name));
  if (containers.length === 0) throw new KctlError(`unable to find container named "${selector}"`);
  return containers;
}
