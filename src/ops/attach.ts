/** Copying one running pod container's output (and kctl's stdin) until it exits: `kctl run -i` and `kctl debug -i`. */
import type { Readable } from 'stream';
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { rawTerminal } from './terminal';

export interface AttachFlags {
  stdin?: boolean;
  tty?: boolean;
  /** kubectl's "If you don't see a command prompt" line, printed unless quiet. */
  prompt: boolean;
}

export async function attachContainer(f: Factory, pod: KObject, name: string, opts: AttachFlags): Promise<void> {
  const { podBackend } = require('../app/controller-context') as typeof import('../app/controller-context');
  const backend = await podBackend(f);
  const container = await backend.containerOf(pod, name, false);
  if (opts.prompt) f.stderr.write("If you don't see a command prompt, try pressing enter.\n");
  const terminal = rawTerminal(f, Boolean(opts.tty), Boolean(opts.stdin));
  const abort = new AbortController();
  void f.interrupted.then(() => abort.abort());
  try {
    await backend.attach(container, {
      stdin: opts.stdin ? (f.stdin as Readable) : undefined,
      tty: opts.tty,
      onOutput: (stream, chunk) => (stream === 'stdout' ? f.stdout : f.stderr).write(chunk.toString('utf8')),
      signal: abort.signal,
    });
  } finally {
    terminal.restore();
    if (opts.stdin) f.stdin.pause(); // kctl's stdin no longer keeps it running
  }
}
