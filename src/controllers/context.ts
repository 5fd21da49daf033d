/** What every controller gets: the store, the clock, a logger, the pod backend that runs the pods and the host's limits. */
import type { PodBackend } from '../backends/backend';
import type { Store } from '../store/store';
import type { HostLimits } from '../kinds/pod/capacity';

export interface ControllerContext {
  store: Store;
  now(): Date;
  log(level: number, message: string): void;
  backend: PodBackend;
  limits: HostLimits;
}
