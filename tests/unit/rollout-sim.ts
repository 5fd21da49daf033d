/**
 * A deterministic stand-in for the world around the object controllers, for unit tests: a fake clock, and a
 * pod controller that makes a Pod Ready some ticks after it was created and removes a Pod some ticks after
 * it was marked for deletion. Each round runs the manager's object controllers (syncObjects, in its order),
 * and `check` runs after every single write to the state, so invariants are checked on every intermediate
 * state, not only between rounds.
 */
import type { KObject } from '../../src/api/types';
import { State, emptyState } from '../../src/store/state';
import { syncObjects } from '../../src/controllers/manager';
import { isControlledBy } from '../../src/kinds/ownership';
import { rolloutStatus } from '../../src/kinds/deployment/controller/rollout-status';

export const START = new Date('2024-05-01T10:00:00.000Z');

export interface SimOptions {
  /** Ticks from creation until a Pod is Ready (default 2). */
  readyAfter?: number;
  /** Ticks from deletionTimestamp until the Pod is gone (default 1). */
  goneAfter?: number;
  tickMs?: number;
  /** Pods with this image never become Ready (a broken version). */
  brokenImage?: string;
}

/** A State that calls `afterWrite` after each put and remove. */
class CheckedState extends State {
  constructor(now: () => Date, private readonly afterWrite: () => void) {
    super(emptyState(), now);
  }

  put(obj: KObject): KObject {
    const stored = super.put(obj);
    this.afterWrite();
    return stored;
  }

  remove(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    const removed = super.remove(kind, namespace, name);
    this.afterWrite();
    return removed;
  }
}

export class Sim {
  now = new Date(START);
  readonly state: State = new CheckedState(() => this.now, () => this.check());
  readonly readyAfter: number;
  readonly goneAfter: number;
  readonly tickMs: number;
  readonly brokenImage?: string;
  /** Called after every write to the state (controller steps, pod transitions, edits) and after every round. */
  check: () => void = () => {};

  constructor(opts: SimOptions = {}) {
    this.readyAfter = opts.readyAfter ?? 2;
    this.goneAfter = opts.goneAfter ?? 1;
    this.tickMs = opts.tickMs ?? 1000;
    this.brokenImage = opts.brokenImage;
  }

  /** Stores a new Deployment (generation 1) and returns the stored object. */
  create(dep: KObject): KObject {
    dep.metadata.generation = 1;
    return this.state.put(dep);
  }

  /** A user's spec change: mutate, then generation + 1, as the API server does. */
  edit(name: string, change: (dep: KObject) => void): KObject {
    const dep = this.deployment(name);
    change(dep);
    dep.metadata.generation = (dep.metadata.generation ?? 1) + 1;
    return this.state.put(dep);
  }

  deployment(name: string): KObject {
    const dep = this.state.get('Deployment', 'default', name);
    if (!dep) throw new Error(`no deployment ${name}`);
    return dep;
  }

  /** One round of the object controllers without moving the clock. */
  reconcile(): void {
    syncObjects(this.state, this.now);
    this.check();
  }

  /** The clock moves one tick, the pod controller acts, then the object controllers run. */
  tick(): void {
    this.now = new Date(this.now.getTime() + this.tickMs);
    this.podController();
    this.reconcile();
  }

  /** Ticks until `done` holds; returns the number of ticks, or throws past `maxTicks`. */
  runUntil(done: () => boolean, maxTicks = 1000): number {
    for (let i = 0; i <= maxTicks; i++) {
      if (done()) return i;
      this.tick();
    }
    throw new Error(`not done after ${maxTicks} ticks`);
  }

  private podController(): void {
    const ticksSince = (iso: string | undefined) => (this.now.getTime() - Date.parse(iso ?? '')) / this.tickMs;
    for (const pod of this.state.list('Pod')) {
      if (pod.metadata.deletionTimestamp) {
        if (ticksSince(pod.metadata.deletionTimestamp) >= this.goneAfter) {
          this.state.remove('Pod', pod.metadata.namespace, pod.metadata.name);
        }
        continue;
      }
      if (pod.status?.phase !== 'Pending' || ticksSince(pod.metadata.creationTimestamp) < this.readyAfter) continue;
      const ready = pod.spec.containers?.[0]?.image !== this.brokenImage;
      const at = this.now.toISOString();
      pod.status = { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: at }] };
      this.state.put(pod);
    }
  }

  /** `rollout status` says done and no Pod of the Deployment is still terminating: nothing more will happen. */
  settled(name = 'web'): boolean {
    const dep = this.deployment(name);
    return rolloutStatus(dep, this.state).done && this.pods(dep).every((p) => !p.metadata.deletionTimestamp);
  }

  // --- What the tests look at -------------------------------------------------------------------------

  replicaSets(dep: KObject): KObject[] {
    return this.state.list('ReplicaSet', 'default').filter((rs) => isControlledBy(rs, dep));
  }

  /** Every Pod of the Deployment, terminating ones included. */
  pods(dep: KObject): KObject[] {
    const rsUids = new Set(this.replicaSets(dep).map((rs) => rs.metadata.uid));
    return this.state.list('Pod', 'default').filter((p) => p.metadata.ownerReferences?.some((r) => rsUids.has(r.uid)));
  }

  activePods(dep: KObject): KObject[] {
    return this.pods(dep).filter((p) => !p.metadata.deletionTimestamp);
  }

  /** Pods that serve: not terminating, Ready, and Ready for longer than minReadySeconds. */
  availablePods(dep: KObject): KObject[] {
    const minReadyMs = (dep.spec.minReadySeconds ?? 0) * 1000;
    return this.activePods(dep).filter((p) => {
      const ready = p.status?.conditions?.find((c: any) => c.type === 'Ready');
      return ready?.status === 'True' && (minReadyMs === 0 || Date.parse(ready.lastTransitionTime) + minReadyMs < this.now.getTime());
    });
  }

  imagesOf(pods: KObject[]): string[] {
    return pods.map((p) => p.spec.containers[0].image).sort();
  }

  events(obj: KObject): string[] {
    return this.state.eventsFor(obj).map((e) => e.message);
  }
}

export interface DeploymentOptions {
  name?: string;
  replicas?: number;
  image?: string;
  strategy?: 'RollingUpdate' | 'Recreate';
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  changeCause?: string;
}

/** A Deployment as the manifest loader leaves it: every default filled in. */
export function deployment(o: DeploymentOptions = {}): KObject {
  const name = o.name ?? 'web';
  const strategy = (o.strategy ?? 'RollingUpdate') === 'Recreate'
    ? { type: 'Recreate' }
    : { type: 'RollingUpdate', rollingUpdate: { maxSurge: o.maxSurge ?? '25%', maxUnavailable: o.maxUnavailable ?? '25%' } };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name }, ...(o.changeCause ? { annotations: { 'kubernetes.io/change-cause': o.changeCause } } : {}) },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      strategy,
      minReadySeconds: o.minReadySeconds ?? 0,
      revisionHistoryLimit: o.revisionHistoryLimit ?? 10,
      progressDeadlineSeconds: o.progressDeadlineSeconds ?? 600,
      template: {
        metadata: { labels: { app: name } },
        spec: { restartPolicy: 'Always', containers: [{ name: 'app', image: o.image ?? 'web:v1' }] },
      },
    },
  };
}

/** Sets the image of the first container (what `kctl set image` does to the spec). */
export function setImage(image: string): (dep: KObject) => void {
  return (dep) => {
    dep.spec.template.spec.containers[0].image = image;
  };
}
