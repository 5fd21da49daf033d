/**
 * The shapes of a kind's api-layer parts: what src/kinds/<kind>/ declares and src/kinds/catalog.ts lists.
 * Types only, so the kind folders, api/ and manifest/ can share them without importing one another.
 */
import type { NameRule } from './names';
import type { FieldPath, Problems } from './problems';
import type { Json, KObject } from './types';

/** How a kind is spelt on the command line, printed, stored and validated. */
export interface KindInfo {
  kind: string;
  apiVersion: string;
  /** Also accepted in manifests (older or alternative group versions). */
  acceptedApiVersions: string[];
  plural: string;
  singular: string;
  shortNames: string[];
  /** How kubectl prints a reference: `deployment.apps`, `service`, ... */
  display: string;
  namespaced: boolean;
  /** The rule metadata.name follows (Kubernetes: a DNS-1123 subdomain unless the kind says otherwise). */
  nameRule: NameRule;
  /** File under schemas/ (without .json); absent for kinds only kctl creates (ReplicaSet, Endpoints, Event). */
  schema?: string;
  /** Users may write it in a manifest. */
  applicable: boolean;
}

/** Field name -> values for which ignoring the field changes nothing. */
export type IgnoredFields = Record<string, unknown[]>;

/** Fields kctl accepts but ignores (meaningless on one Docker host), at one place of an object. */
export interface IgnoredSection {
  /** Where the fields sit; a `'*'` step stands for every item of a list. */
  at: FieldPath;
  fields: IgnoredFields;
}

/**
 * What `apply` does to one kind beyond the shared merge of store/apply.ts (the API server's write path and
 * kubectl's three-way merge); every hook is optional.
 */
export interface ApplyRules {
  /** The manifest as the server takes it in, before anything else (also before it is recorded as last-applied). */
  normalize?(manifest: KObject): KObject;
  /** Fields the server sets on a new object. */
  prepareForCreate?(created: KObject): void;
  /** On apply's merge: fields the manifest leaves out but another command owns keep their live value in `next`. */
  keepLive?(manifest: KObject, live: KObject, next: KObject): void;
  /** On every update (apply, replace, edit, patch): what the server allocated and `wanted` leaves out stays in `next`. */
  keepAllocated?(wanted: KObject, live: KObject, next: KObject): void;
}

/**
 * One kind's row in the catalog. Everything but the names is loaded on first use (a require in the
 * loader), so that commands which only resolve names do not load the rules of every kind.
 */
export interface KindParts {
  info: KindInfo;
  /** The API server's defaults for the kind, filled into a copy (metadata.namespace is already set). */
  defaults?: () => { defaults(obj: KObject): void };
  /** The kind's semantic checks, after the object-meta checks every kind gets. */
  validate?: () => { validate(p: Problems, obj: Json): void };
  /** Fields to warn about, in the order they are reported. */
  ignored?: () => { ignoredSections: IgnoredSection[] };
  apply?: () => ApplyRules;
}
