/**
 * Local proxies driven by the state: after each change of the state (a reconcile pass, a state file written by
 * another kctl) the listeners are recomputed, and this process's draining connections are reported (drain.ts).
 * Used by the controller process for node ports and by `kctl port-forward`.
 */
import type { State } from '../../../store/state';
import type { Store } from '../../../store/store';
import { DrainReporter } from './drain-reporter';
import { ProxySet, type ListenerSpec } from './proxy-set';

export class ProxyRunner {
  private readonly proxies: ProxySet;
  private readonly reporter: DrainReporter;
  /** Uids of the pods being deleted, as of the last sync: only those wait for our connections. */
  private deleting = new Set<string>();

  constructor(store: Store, private readonly listenersFrom: (state: State) => ListenerSpec[], log: (message: string) => void) {
    this.proxies = new ProxySet({ log, onConnections: () => this.connectionsChanged() });
    this.reporter = new DrainReporter(store, () => this.drainingDeleted(), log);
  }

  async sync(state: State): Promise<void> {
    this.deleting = new Set(state.list('Pod').filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.uid ?? ''));
    await this.proxies.sync(this.listenersFrom(state));
    await this.reporter.update();
  }

  listeners(): ReturnType<ProxySet['listeners']> {
    return this.proxies.listeners();
  }

  async close(): Promise<void> {
    await this.proxies.close();
    await this.reporter.clear();
  }

  private drainingDeleted(): Set<string> {
    return new Set([...this.proxies.draining()].filter((uid) => this.deleting.has(uid)));
  }

  private connectionsChanged(): void {
    if (this.deleting.size) void this.reporter.update();
  }
}
