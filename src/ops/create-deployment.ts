/**
 * `kctl create deployment NAME --image I`: the object kubectl generates (labels and selector app=NAME, one
 * container per --image named after the image, --port on the first container), created and then converged.
 */
import { dryRunMode } from './dry-run';
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { UsageError } from '../errors';
import { createObject } from './create';
import { convergeTargets } from './converge';

export interface CreateDeploymentOptions {
  image: string[];
  replicas: string;
  port?: string;
  dryRun?: string | boolean;
  output?: string;
  wait: boolean;
  timeout: string;
}

export async function createDeployment(f: Factory, name: string, command: string[], opts: CreateDeploymentOptions): Promise<void> {
  const replicas = integer(opts.replicas, '--replicas', 0);
  const port = opts.port === undefined ? undefined : integer(opts.port, '--port', 1);
  if (command.length && opts.image.length > 1) throw new UsageError('cannot specify multiple --image options and command');
  const names = containerNames(opts.image);
  const containers = opts.image.map((image, i) => ({ name: names[i], image, ...(command.length ? { command } : {}) }));
  if (port !== undefined) Object.assign(containers[0], { ports: [{ containerPort: port }] });
  const labels = { app: name };
  const deployment: KObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: f.namespace(), labels },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers } } },
  };
  await createObject(f, deployment, opts);
  if (!dryRunMode(opts.dryRun)) await convergeTargets(f, [{ kind: 'Deployment', namespace: f.namespace(), name }], opts);
}

/** kubectl: the image's last path part without tag or digest, '_' made '-', repeats made unique. */
function containerNames(images: string[]): string[] {
  const seen = new Map<string, number>();
  return images.map((image) => {
    const base = image.split('/').pop()!.split('@')[0].split(':')[0].replace(/_/g, '-');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

function integer(text: string, flag: string, min: number): number {
  if (!/^\d+$/.test(String(text).trim()) || Number(text) < min) throw new UsageError(`invalid argument "${text}" for "${flag}" flag: must be an integer >= ${min}`);
  return Number(text);
}
