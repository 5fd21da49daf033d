/** What every controller gets: the store, the runtime, the clock, the Docker scope and a logger. */
import type { ContainerRuntime } from '../runtime/runtime';
import type { Store } from '../store/store';
import type { Scope } from '../backends/local/scope';

export interface ControllerContext {
  store: Store;
  runtime: ContainerRuntime;
  now(): Date;
  scope: Scope;
  log(level: number, message: string): void;
  /** Host address that container ports are published on (127.0.0.1). */
  publishAddress: string;
}
