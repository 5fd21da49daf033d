/**
 * When the controller process reconciles: one pass at a time, as soon as something asks for it (a Docker
 * event, a change of the state file) or when a pass asked to be run again (probes, back-off, resync).
 * Requests made while a pass runs are kept and honoured when it ends, so no change is ever missed.
 */
export class PassScheduler {
  private timer?: NodeJS.Timeout;
  private dueAt?: number;
  /** The earliest time asked for while a pass was running. */
  private pendingAt?: number;
  private running?: Promise<void>;
  private stopped = false;

  constructor(private readonly run: () => Promise<void>, private readonly now: () => number = Date.now) {}

  /** A pass no later than `delayMs` from now (earlier requests win). */
  request(delayMs: number): void {
    if (this.stopped) return;
    const at = this.now() + Math.max(0, delayMs);
    if (this.running) {
      this.pendingAt = Math.min(this.pendingAt ?? at, at);
      return;
    }
    if (this.dueAt !== undefined && this.dueAt <= at) return;
    clearTimeout(this.timer);
    this.dueAt = at;
    this.timer = setTimeout(() => void this.fire(), at - this.now());
  }

  /** No more passes; resolves when the one running (if any) has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async fire(): Promise<void> {
    this.dueAt = undefined;
    this.timer = undefined;
    this.running = this.run();
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
    const pending = this.pendingAt;
    this.pendingAt = undefined;
    if (pending !== undefined) this.request(pending - this.now());
  }
}
