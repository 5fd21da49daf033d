/**
 * `kctl set image deployment/web web=kctl-demo/web:v2`: a new image in the pod template (generation + 1),
 * which the Deployment controller rolls out; `*` names every container. Like kubectl, an object whose images
 * are already those is left alone and not printed. A Deployment that opted in to auto-rollback and was rolled
 * back while the command waited makes it exit 6, as `rollout status` does.
 */
import type { Factory } from '../app/factory';
import { pluralName, refName } from '../api/kinds';
import { KctlError, NotFoundError, UsageError } from '../errors';
import { resourcesAndPairs } from './metadata-pairs';
import { parseResourceArgs } from './resource-args';
import { convergeTargets } from './converge';
import { bumpGeneration } from '../api/generation';
import { kindDefinition, kindsWith } from '../kinds/registry';
import { pluralsOf } from './kind-names';
import { admitPodSecurity } from './admission';

export async function runSetImage(f: Factory, args: string[], opts: { wait: boolean; timeout: string }): Promise<void> {
  const { resources, pairs } = resourcesAndPairs(args, 'image');
  if (resources.length === 0) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (pairs.length === 0) throw new UsageError('at least one image update is required');
  const images = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) throw new UsageError(`invalid image format: ${pair}`);
    images.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  const { refs } = parseResourceArgs(resources, { requireName: true });
  const templated = refs.map((ref) => {
    const podTemplate = kindDefinition(ref.kind.kind)?.podTemplate;
    if (!podTemplate) throw new UsageError(`cannot set the image of ${ref.kind.plural}: only ${pluralsOf(kindsWith((d) => d.podTemplate))} have a pod template kctl rolls out`);
    return { ...ref, podTemplate };
  });
  const ns = f.namespace();
  const updated = await f.store().update((state) =>
    templated.flatMap((ref) => {
      const obj = state.get(ref.kind.kind, ns, ref.name!);
      if (!obj) throw new NotFoundError(`${pluralName(ref.kind.kind)} "${ref.name}" not found`);
      const spec = ref.podTemplate(obj)?.spec ?? {};
      const containers: any[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
      let changed = false;
      for (const [name, image] of images) {
        const targets = name === '*' ? containers : containers.filter((c) => c.name === name);
        if (targets.length === 0) throw new KctlError(`unable to find container named "${name}"`);
        for (const c of targets) {
          if (c.image === image) continue;
          c.image = image;
          changed = true;
        }
      }
      if (!changed) return [];
      bumpGeneration(obj);
      state.put(obj);
      admitPodSecurity(f, state, [obj]);
      return [{ kind: obj.kind, name: obj.metadata.name }];
    }),
  );
  for (const u of updated) f.stdout.write(`${refName(u.kind, u.name)} image updated\n`);
  // Every object named, changed now or not: run again after a crash, the command must still wait for the
  // rollout that its first run started (as apply waits for unchanged objects).
  await convergeTargets(f, refs.map((ref) => ({ kind: ref.kind.kind, name: ref.name!, namespace: ns })), opts);
}
