/**
 * What a kind can do, capability by capability (kubectl's polymorphichelpers). Every capability is optional:
 * a verb asks the registry (registry.ts) for the one it needs and refuses a kind without it, with kubectl's
 * words. A kind's index.ts only wires: it loads the implementations when a capability is first used.
 */
import type { KObject, LabelSelector } from '../api/types';
import type { State } from '../store/state';
import type { HostLimits } from './pod/capacity';
import type { SyncResult, Verdict } from './results';
import type { AutoRollback } from './deployment/autorollback/decide';
import type { RolloutStatus } from './deployment/controller/rollout-status';
import type { Backend } from './service/controller/backends';
import type { KindColumns } from '../printers/columns/types';
import type { DescribeContext } from '../printers/describe/context';
import type { PatchShape } from '../api/patch/shape';
import type { FieldLabels } from '../api/field-selector';
import type { ContainerRuntime } from '../runtime/runtime';

/** The registry lookup, handed to controllers so they need not import the registry (no import cycle). */
export type KindLookup = (kind: string | undefined) => KindDefinition | undefined;

/** What every object controller gets, once per pass of the object controllers. */
export interface SyncContext {
  state: State;
  now: Date;
  kinds: KindLookup;
  /** How many pods the host runs at most (kinds/pod/capacity.ts). */
  limits: HostLimits;
}

/** One level-based step for one object (not being deleted); mutates the state, the caller persists it. */
export type ObjectSync = (ctx: SyncContext, obj: KObject) => SyncResult;

/** The scale subresource: what `scale`, `autoscale` and the HPA controller read and write. */
export interface ScaleCapability {
  /** The desired replicas (spec.replicas, defaulted). */
  replicas(obj: KObject): number;
  /** Sets the desired replicas; the caller bumps the generation and stores the object. */
  setReplicas(obj: KObject, replicas: number): void;
  /** The pods it scales, as the scale subresource's selector. */
  podSelector(obj: KObject): LabelSelector | undefined;
}

/** What `kctl expose` takes from an object: kubectl's MapBasedSelectorForObject and PortsForObject. */
export interface ExposeCapability {
  /** The Service's selector; throws kubectl's error when there is none a Service can express. */
  selector(obj: KObject): Record<string, string>;
  /** The ports to expose when --port is not given. */
  ports(obj: KObject): string[];
}

export type RolloutVerb = 'status' | 'history' | 'undo' | 'pause' | 'resume' | 'restart';

/** kubectl's StatusViewerFor, and what the rollout verbs need beyond it. */
export interface RolloutCapability {
  /** The rollout verbs the kind supports (kubectl's polymorphic helpers that have it). */
  verbs: readonly RolloutVerb[];
  /** Judges the stored object when `state` is given, so a caller polling with an old copy sees the latest. */
  status(obj: KObject, state?: State): RolloutStatus;
  /** The automatic rollback recorded since `since`, if any (a waiting command reports it and exits 6). */
  rolledBackSince(state: State, obj: KObject, since: Date): AutoRollback | undefined;
  /** `rollout history`: the revisions kept, oldest first (kinds with the history verb). */
  history?(state: State, obj: KObject): RolloutRevision[];
  /** `rollout undo`: back to `toRevision` (default: the one before the latest); returns kubectl's word (`rolled back`, `skipped rollback (...)`). */
  undo?(state: State, obj: KObject, toRevision: number | undefined): string;
}

/** One revision of a workload's rollout history. */
export interface RolloutRevision {
  revision: number;
  /** kubernetes.io/change-cause of that revision; printed as `<none>` when absent. */
  changeCause?: string;
  /** The pod template of the revision. */
  template: any;
}

/** Where `kctl port-forward` sends connections for a remote port, when the pods an object runs do not say it. */
export interface PortForwardCapability {
  /** Throws kubectl's error when `remote` is not a port of the object. */
  check(obj: KObject, remote: string): void;
  backends(state: State, obj: KObject, remote: string): Backend[];
  /** The pod port kubectl prints for `remote`. */
  shownRemote(state: State, obj: KObject, remote: string): string;
}

/** Where the objects of a kind kctl does not store as objects come from: records beside them, or the engine. */
export interface ListSource {
  state: State;
  runtime(): Promise<ContainerRuntime>;
  env: NodeJS.ProcessEnv;
}

export interface KindDefinition {
  kind: string;
  /** The objects of a kind that is not stored as objects (events, the node), made each time they are asked for. */
  list?(source: ListSource): Promise<KObject[]>;
  /** The object controllers of the kind, in order; each runs over every live object before the next. */
  sync?: ObjectSync[];
  /** The garbage collector runs again just before this kind's controllers (they read what the workloads deleted). */
  collectGarbageFirst?: boolean;
  /** When a command that touched the object may stop waiting. */
  converged?(state: State, obj: KObject): Verdict;
  /** The pod template it rolls out (`set image`); kinds without one refuse it. */
  podTemplate?(obj: KObject): { metadata?: any; spec?: any } | undefined;
  scale?: ScaleCapability;
  /** The pods the object runs, in the state's order, those being deleted included. */
  podsOf?(state: State, obj: KObject): KObject[];
  /** The phase of an object that has run to completion (Succeeded, Failed): `wait` stops hoping for it. */
  finishedPhase?(obj: KObject): string | undefined;
  expose?: ExposeCapability;
  portForward?: PortForwardCapability;
  rollout?: RolloutCapability;
  columns?: KindColumns;
  /** The fields `--field-selector` may name besides metadata.name and metadata.namespace (the API server's field set). */
  fieldLabels?: FieldLabels;
  /** Its fields' lists that a strategic merge patch merges (besides metadata's); other lists are replaced. */
  patchShape?: PatchShape;
  describe?(obj: KObject, ctx: DescribeContext): string;
  /** kubectl's api-resources VERBS. */
  verbs: readonly string[];
  /** kubectl's api-resources CATEGORIES (`all`: listed by `kctl get all`). */
  categories?: readonly string[];
}
