/**
 * Pod Security admission: the namespace's enforce level refuses pods and pod templates that break it, its warn
 * level prints kubectl's `Warning: would violate PodSecurity ...` lines, its audit level records an event. It
 * runs twice, as a cluster's admission does for pods: at the front door (every command that stores a pod or a
 * pod template, refusing the whole command with nothing written) and where pods are made from objects already
 * in the state (the ReplicaSet controller, the pod backend), so a state edited by hand gets no bypass.
 *
 * A PersistentVolume's host directory counts as a hostPath volume of the pods that claim it.
 *
 * The one opt-out is visible: a namespace labelled with a lower level, or `kctl apply --allow-privileged`, which
 * marks the objects it admits that way with ALLOW_PRIVILEGED_ANNOTATION (settleOptIn).
 */
import type { KObject } from '../../../api/types';
import { pluralName } from '../../../api/kinds';
import { ValidationError } from '../../../errors';
import type { State } from '../../../store/state';
import { namespacePolicy, policyName, type LevelVersion, type NamespacePolicy } from './levels';
import { violations, type PodSubject, type Violation } from './checks';

export const ALLOW_PRIVILEGED_ANNOTATION = 'kctl.io/allow-privileged';
const OPT_IN_HINT = 'to run it anyway, label the namespace pod-security.kubernetes.io/enforce=privileged or apply with --allow-privileged';

/** A workload kind's pod template (the registry's podTemplate capability), handed in so this file needs no registry. */
export type TemplateOf = (obj: KObject) => PodSubject | undefined;

export interface AdmissionOptions {
  templateOf: TemplateOf;
  /** Where an object came from (`web.yaml:3:1`), to start its error line. */
  sourceOf?: (obj: KObject) => string | undefined;
}

/**
 * Admits objects as a command is about to store them, judged on `state` as it will be written (the namespaces'
 * labels included): throws a ValidationError listing every refused object, records audit events, and returns
 * the warning lines to print.
 */
export function admitPodSecurity(state: State, objects: KObject[], opts: AdmissionOptions): string[] {
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const obj of objects) {
    const subject = podSubject(obj, opts.templateOf);
    if (!subject) continue;
    const policy = policyFor(state, obj);
    const refused = enforced(subject, policy);
    if (refused.length) problems.push(`${prefix(opts.sourceOf?.(obj))}${forbidden(obj, policy.enforce!, refused)}`);
    warnings.push(...warningLines(subject, policy));
    audit(state, obj, subject, policy);
  }
  if (problems.length) throw new ValidationError(problems, OPT_IN_HINT);
  return warnings;
}

/**
 * `--allow-privileged` on manifests about to be applied: those the enforce level would refuse are marked as
 * admitted by the user. Without it, a manifest's own copy of the mark is dropped: a file does not grant itself
 * the opt-in (objects already stored keep theirs). Namespaces applied in the same command count with their new labels.
 */
export function settleOptIn(state: State, manifests: KObject[], allow: boolean, templateOf: TemplateOf): void {
  const pendingLabels = new Map(manifests.filter((o) => o.kind === 'Namespace').map((ns) => [ns.metadata.name, ns.metadata.labels]));
  for (const obj of manifests) {
    const subject = podSubject(obj, templateOf);
    if (!subject) continue;
    dropOptIn(subject);
    if (allow && enforced(subject, policyFor(state, obj, pendingLabels)).length) markOptIn(subject);
  }
}

/**
 * Why a pod about to be made (by a controller, or started by the pod backend) may not run, as Kubernetes' pod
 * admission words it: `pods "web-x" is forbidden: violates PodSecurity "baseline:latest": ...`; undefined when it may.
 */
export function podSecurityDenial(state: State, pod: KObject): string | undefined {
  const policy = policyOf(state, pod.metadata.namespace);
  const refused = enforced(pod, policy);
  return refused.length ? forbidden(pod, policy.enforce!, refused) : undefined;
}

/**
 * Why a PersistentVolume may not be mounted: its host directory is a hostPath volume of every pod that claims it,
 * so it needs the same opt-in (a cluster keeps PersistentVolumes to its admins; kctl has no admins).
 */
export function persistentVolumeDenial(pv: KObject): string | undefined {
  const subject = hostVolumeSubject(pv);
  const policy = namespacePolicy(undefined);
  const refused = subject ? enforced(subject, policy) : [];
  return refused.length ? forbidden(pv, policy.enforce!, refused) : undefined;
}

/** A cluster-scoped object (a PersistentVolume) is judged at kctl's default level; no namespace label lowers it. */
function policyFor(state: State, obj: KObject, pending?: Map<string, Record<string, string> | undefined>): NamespacePolicy {
  return obj.kind === 'PersistentVolume' ? namespacePolicy(undefined) : policyOf(state, obj.metadata.namespace, pending);
}

/** The namespace's policy from its labels: those of a Namespace applied in the same command (`pending`) first. */
function policyOf(state: State, namespace = 'default', pending?: Map<string, Record<string, string> | undefined>): NamespacePolicy {
  const labels = pending?.has(namespace) ? pending.get(namespace) : state.get('Namespace', undefined, namespace)?.metadata.labels;
  return namespacePolicy(labels);
}

function enforced(subject: PodSubject, policy: NamespacePolicy): Violation[] {
  if (!policy.enforce || subject.metadata?.annotations?.[ALLOW_PRIVILEGED_ANNOTATION] === 'true') return [];
  return violations(policy.enforce.level, subject, policy.enforce.version);
}

function warningLines(subject: PodSubject, policy: NamespacePolicy): string[] {
  if (!policy.warn) return [];
  const found = violations(policy.warn.level, subject, policy.warn.version);
  return found.length ? [`Warning: would violate PodSecurity "${policyName(policy.warn)}": ${violationText(found)}`] : [];
}

function audit(state: State, obj: KObject, subject: PodSubject, policy: NamespacePolicy): void {
  if (!policy.audit) return;
  const found = violations(policy.audit.level, subject, policy.audit.version);
  // The stored object, which has its uid, is what the event is about.
  const stored = state.get(obj.kind, obj.metadata.namespace, obj.metadata.name) ?? obj;
  if (found.length) state.event(stored, 'Warning', 'PodSecurityAudit', `would violate PodSecurity "${policyName(policy.audit)}": ${violationText(found)}`);
}

function forbidden(obj: KObject, level: LevelVersion, found: Violation[]): string {
  return `${pluralName(obj.kind)} "${obj.metadata.name}" is forbidden: violates PodSecurity "${policyName(level)}": ${violationText(found)}`;
}

export function violationText(found: Violation[]): string {
  return found.map((v) => (v.detail ? `${v.reason} (${v.detail})` : v.reason)).join(', ');
}

function prefix(source: string | undefined): string {
  return source ? `${source}: ` : '';
}

function dropOptIn(subject: PodSubject): void {
  const metadata = subject.metadata;
  if (!metadata?.annotations || !(ALLOW_PRIVILEGED_ANNOTATION in metadata.annotations)) return;
  delete metadata.annotations[ALLOW_PRIVILEGED_ANNOTATION];
  if (Object.keys(metadata.annotations).length === 0) delete metadata.annotations;
}

/** What pods are made from: the Pod itself, a workload's pod template, or the host directory a PersistentVolume mounts. */
function podSubject(obj: KObject, templateOf: TemplateOf): PodSubject | undefined {
  if (obj.kind === 'PersistentVolume') return hostVolumeSubject(obj);
  const subject = obj.kind === 'Pod' ? obj : templateOf(obj);
  return subject?.spec ? subject : undefined;
}

/** A PersistentVolume judged as the pod volume it becomes; its own metadata carries the opt-in. */
function hostVolumeSubject(pv: KObject): PodSubject | undefined {
  const path = pv.spec?.hostPath?.path ?? pv.spec?.local?.path;
  return path === undefined ? undefined : { metadata: pv.metadata, spec: { containers: [], volumes: [{ name: pv.metadata.name, hostPath: { path } }] } };
}

function markOptIn(subject: PodSubject): void {
  const metadata = (subject.metadata ??= {});
  metadata.annotations = { ...metadata.annotations, [ALLOW_PRIVILEGED_ANNOTATION]: 'true' };
}
