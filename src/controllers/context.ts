/** What every controller gets: the store, the clock, a logger and the pod backend that runs the pods. */
import type { PodBackend } from '../backends/backend';
import type { Store } from '../store/store';

export interface ControllerContext {
  store: Store;
  now(): Date;
  log(level: number, message: string): void;
  backend: PodBackend;
}
