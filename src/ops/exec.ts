/**
 * `kctl exec POD [-c C] [-i] [-t] -- CMD...`: runs a command in a running container; output streams as it
 * comes, -i forwards stdin, -t asks for a terminal, and the command's exit code becomes kctl's.
 */
import type { Readable } from 'stream';
import type { Factory } from '../app/factory';
import { KctlError, UsageError } from '../errors';
import { rawTerminal } from './terminal';

export interface ExecOptions {
  container?: string;
  stdin?: boolean;
  tty?: boolean;
}

export async function runExec(f: Factory, target: string, command: string[], opts: ExecOptions): Promise<void> {
  if (!command.length) throw new UsageError('you must specify at least one command for the container', 'kctl exec POD -- COMMAND [args...]');
  const { backend, container } = await execTarget(f, f.namespace(), target, opts.container);
  const terminal = rawTerminal(f, Boolean(opts.tty), Boolean(opts.stdin));
  try {
    const result = await backend.exec(container, command, {
      stdin: opts.stdin ? (f.stdin as Readable) : undefined,
      tty: terminal.raw,
      onOutput: (stream, chunk) => (stream === 'stdout' ? f.stdout : f.stderr).write(chunk.toString('utf8')),
    });
    f.stdout.write(result.stdout);
    f.stderr.write(result.stderr);
    if (result.exitCode !== 0) throw new KctlError(`command terminated with exit code ${result.exitCode}`, result.exitCode);
  } finally {
    terminal.restore();
  }
}

/** The running container that `kctl exec` and `kctl cp` work in: the pod's, picked by -c or by default, refused in kubectl's words. */
export async function execTarget(f: Factory, namespace: string, target: string, containerFlag: string | undefined) {
  const { podsOf, chooseContainers } = require('./pod-targets') as typeof import('./pod-targets');
  const { podBackend } = require('../app/controller-context') as typeof import('../app/controller-context');
  const pod = podsOf(f.store().read(), namespace, target, undefined).pods[0];
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KctlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const choice = chooseContainers(pod, containerFlag, false);
  if (choice.note) f.stderr.write(`${choice.note}\n`);
  const name = choice.names[0];
  const backend = await podBackend(f);
  const container = await backend.containerOf(pod, name, false);
  if (!container.running) throw new KctlError(`unable to upgrade connection: container not found ("${name}")`);
  return { backend, container };
}
