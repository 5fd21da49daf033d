/**
 * `kctl set image deployment/web web=kctl-demo/web:v2`: a new image in the pod template (generation + 1),
 * which the Deployment controller rolls out; `*` names every container. Like kubectl, an object whose images
 * are already those is left alone and not printed. A Deployment that opted in to auto-rollback and was rolled
 * back while the command waited makes it exit 6, as `rollout status` does.
 */
import type { Factory } from '../app/factory';
import { refName } from '../api/kinds';
import { KctlError, UsageError } from '../errors';
import { resourcesAndPairs } from './metadata-pairs';
import { convergeTargets } from './converge';
import { templateContainers, templateTargets, updatePodTemplates } from './pod-templates';

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
  const targets = templateTargets(f, resources, 'set the image of');
  const updated = await updatePodTemplates(f, targets, (spec) => {
    const containers = templateContainers(spec);
    let changed = false;
    for (const [name, image] of images) {
      const named = name === '*' ? containers : containers.filter((c) => c.name === name);
      if (named.length === 0) throw new KctlError(`unable to find container named "${name}"`);
      for (const c of named) {
        if (c.image === image) continue;
        c.image = image;
        changed = true;
      }
    }
    return changed;
  });
  for (const u of updated) f.stdout.write(`${refName(u.kind, u.name)} image updated\n`);
  // Every object named, changed now or not: run again after a crash, the command must still wait for the
  // rollout that its first run started (as apply waits for unchanged objects).
  await convergeTargets(f, targets, opts);
}
