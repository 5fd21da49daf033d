/**
 * SIGINT/SIGTERM as a promise: long-running commands (controller, --watch, logs -f, port-forward) hook the
 * signals so the first one stops them cleanly instead of killing kctl mid-step.
 */
const resolvers: (() => void)[] = [];
let signalsHooked = false;

/** Resolves when a hooked signal arrives; the process factory hands it to commands as `interrupted`. */
export function interruptSignal(): Promise<void> {
  return new Promise<void>((resolve) => resolvers.push(resolve));
}

/** Long-running commands call this so the first SIGINT/SIGTERM stops them cleanly instead of killing kctl. */
export function hookInterrupts(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  const fire = () => resolvers.splice(0).forEach((r) => r());
  process.once('SIGINT', fire);
  process.once('SIGTERM', fire);
}
