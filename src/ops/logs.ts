/**
 * `kctl logs`: the output of a pod's container from Docker, as kubectl shows it. With several sources
 * (--all-containers, -l, or --prefix) every line is prefixed `[pod/NAME/CONTAINER] `; -f follows all of
 * them until they end or kctl is interrupted.
 */
import type { Readable } from 'stream';
import type { Factory } from '../app/factory';
import { UsageError } from '../errors';
import { parseDuration } from '../util/duration';

export interface LogsOptions {
  container?: string;
  follow?: boolean;
  tail?: string;
  since?: string;
  previous?: boolean;
  timestamps?: boolean;
  allContainers?: boolean;
  selector?: string;
  prefix?: boolean;
}

export async function runLogs(f: Factory, target: string | undefined, opts: LogsOptions): Promise<void> {
  const { podsOf, chooseContainers } = require('./pod-targets') as typeof import('./pod-targets');
  const { podBackend } = require('../app/controller-context') as typeof import('../app/controller-context');
  const tail = opts.tail === undefined ? undefined : parseTail(opts.tail);
  const sinceSeconds = opts.since === undefined ? undefined : Math.ceil(parseDuration(opts.since, '--since') / 1000);
  const { pods, owner } = podsOf(f.store().read(), f.namespace(), target, opts.selector);
  const chosen = opts.selector ? pods : pods.slice(0, 1);
  if (owner && pods.length > 1) f.stderr.write(`Found ${pods.length} pods, using pod/${chosen[0].metadata.name}\n`);

  const backend = await podBackend(f);
  const sources: { label: string; stream: Readable }[] = [];
  for (const pod of chosen) {
    const choice = chooseContainers(pod, opts.container, Boolean(opts.allContainers));
    if (choice.note && !opts.selector) f.stderr.write(`${choice.note}\n`);
    for (const name of choice.names) {
      const container = await backend.containerOf(pod, name, Boolean(opts.previous));
      const stream = await backend.logs(container, { follow: opts.follow, tail, sinceSeconds, timestamps: opts.timestamps });
      sources.push({ label: `[pod/${pod.metadata.name}/${name}] `, stream });
    }
  }
  const prefixed = Boolean(opts.prefix) || sources.length > 1;
  const stop = () => sources.forEach((s) => s.stream.destroy());
  f.interrupted.then(stop);
  await Promise.all(sources.map((s) => copy(s.stream, (text) => f.stdout.write(text), prefixed ? s.label : undefined)));
}

/** Copies a log stream to `write`, whole lines with `prefix` when given, as they arrive. */
function copy(stream: Readable, write: (text: string) => void, prefix: string | undefined): Promise<void> {
  let partial = '';
  return new Promise((resolve, reject) => {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      if (prefix === undefined) return write(chunk);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      if (lines.length) write(lines.map((l) => `${prefix}${l}\n`).join(''));
    });
    const end = () => {
      if (prefix !== undefined && partial) write(`${prefix}${partial}\n`);
      partial = '';
      resolve();
    };
    stream.on('end', end);
    stream.on('close', end);
    stream.on('error', reject);
  });
}

function parseTail(text: string): number | undefined {
  if (!/^-?\d+$/.test(text)) throw new UsageError(`invalid argument "${text}" for "--tail" flag: must be an integer`);
  const n = Number(text);
  return n < 0 ? undefined : n;
}
