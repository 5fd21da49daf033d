/** What the local Docker backend's parts get: the store, the Docker runtime, the clock, the Docker scope and a logger. */
import type { ContainerRuntime } from '../../runtime/runtime';
import type { Store } from '../../store/store';
import type { Scope } from './scope';

export interface LocalContext {
  store: Store;
  runtime: ContainerRuntime;
  now(): Date;
  scope: Scope;
  log(level: number, message: string): void;
  /** Host address that container ports are published on (127.0.0.1). */
  publishAddress: string;
}
