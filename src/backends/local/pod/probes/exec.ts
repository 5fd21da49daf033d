/** exec probes: the command runs inside the container; exit code 0 is success. */
import type { ContainerRuntime } from '../../../../runtime/runtime';
import type { ProbeOutcome } from './outcome';

export async function execProbe(runtime: ContainerRuntime, containerId: string, probe: any, timeoutMs: number): Promise<ProbeOutcome> {
  const command: string[] = probe.exec?.command ?? [];
  const timedOut: ProbeOutcome = { ok: false, message: `command "${command.join(' ')}" timed out` };
  let timer: NodeJS.Timeout | undefined;
  // The runtime is asked to give up too (so nothing is left reading), but a probe never waits past its timeout.
  const deadline = new Promise<ProbeOutcome>((resolve) => (timer = setTimeout(() => resolve(timedOut), timeoutMs)));
  const run = runtime.exec(containerId, command, { timeoutMs }).then(
    (r): ProbeOutcome => (r.exitCode === 0 ? { ok: true } : { ok: false, message: `${r.stdout}${r.stderr}`.trimEnd() }),
    (e: Error): ProbeOutcome => ({ ok: false, message: e.message }),
  );
  try {
    return await Promise.race([deadline, run]);
  } finally {
    clearTimeout(timer);
  }
}
