/**
 * Docker's container events for this state file, kept subscribed across engine restarts: when the stream
 * fails (the engine went away) it is opened again with back-off, and `onReconnect` asks for a full resync
 * because events were missed meanwhile.
 */
import type { ContainerRuntime, RuntimeEvent } from '../../runtime/runtime';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 15_000;

export interface EngineEventsOptions {
  runtime: ContainerRuntime;
  labels: Record<string, string>;
  onEvent: (e: RuntimeEvent) => void;
  onReconnect: () => void;
  log: (message: string) => void;
}

export class EngineEvents {
  private unsubscribe?: () => void;
  private retry?: NodeJS.Timeout;
  private delay = FIRST_RETRY_MS;
  private stopped = false;
  private lost = false;

  constructor(private readonly opts: EngineEventsOptions) {}

  async start(): Promise<void> {
    await this.subscribe();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    this.unsubscribe?.();
  }

  private async subscribe(): Promise<void> {
    if (this.stopped) return;
    try {
      this.unsubscribe = await this.opts.runtime.events(this.opts.labels, this.opts.onEvent, (e) => this.failed(e));
      this.delay = FIRST_RETRY_MS;
      if (this.lost) {
        this.lost = false;
        this.opts.log('Docker events: connected again; resyncing');
        this.opts.onReconnect();
      }
    } catch (e) {
      this.failed(e as Error);
    }
  }

  private failed(e: Error): void {
    if (this.stopped) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (!this.lost) this.opts.log(`Docker events: ${e.message}; reconnecting`);
    this.lost = true;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.subscribe(), this.delay);
    this.delay = Math.min(MAX_RETRY_MS, this.delay * 2);
  }
}
