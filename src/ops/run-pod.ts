/**
 * The Pod `kubectl run` generates (its run-pod/v1 generator) and the checks kubectl makes of the flags first,
 * in kubectl's order and words: label run=NAME unless --labels, one container named NAME, the words after --
 * as its args (its command with --command), --env, --port, --annotations, --privileged, stdin/tty for -i/-t,
 * dnsPolicy ClusterFirst; then --overrides patches it (--override-type merge, json or strategic, as kubectl).
 */
import type { KObject } from '../api/types';
import { imageReferenceError } from '../api/image-reference';
import { envVarNameErrors } from '../api/names';
import { UsageError } from '../errors';
import { parseUint16 } from '../util/go-port';
import { patchObject } from './patch/apply-patch';
import { PATCH_TYPES, type PatchType } from './patch/types';

export interface RunPodOptions {
  image?: string;
  restart?: string;
  env?: string[];
  labels?: string;
  annotations?: string[];
  privileged?: boolean;
  overrides?: string;
  overrideType?: string;
  port?: string;
  command?: boolean;
  imagePullPolicy?: string;
  stdin?: boolean;
  tty?: boolean;
}

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

const RESTART_POLICIES: RestartPolicy[] = ['Always', 'OnFailure', 'Never'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

/**
 * The policy kubectl acts on when attached: --restart, else OnFailure with -i, else Always. (The pod itself gets
 * --restart or Always, as kubectl's generator only sees the flag.)
 */
export function restartPolicyOf(opts: RunPodOptions): RestartPolicy {
  if (!opts.restart) return opts.stdin ? 'OnFailure' : 'Always';
  if (!RESTART_POLICIES.includes(opts.restart as RestartPolicy)) throw new UsageError(`invalid restart policy: ${opts.restart}`);
  return opts.restart as RestartPolicy;
}

/** kubectl's checks of --image (once it is given at all) and of -t. */
export function checkImageFlags(opts: RunPodOptions): void {
  if (!opts.image) throw new UsageError('--image is required');
  if (imageReferenceError(opts.image)) throw new UsageError(`invalid image name "${opts.image}": invalid reference format`);
  if (opts.tty && !opts.stdin) throw new UsageError('-i/--stdin is required for containers with -t/--tty=true');
}

export function checkPullPolicy(opts: RunPodOptions): void {
  if (opts.imagePullPolicy && !PULL_POLICIES.includes(opts.imagePullPolicy)) throw new UsageError(`invalid image pull policy: ${opts.imagePullPolicy}`);
}

export function runPod(name: string, namespace: string, args: string[], opts: RunPodOptions): KObject {
  const env = (opts.env ?? []).map(parseEnv);
  const labels = opts.labels ? parseLabels(opts.labels) : { run: name };
  const annotations = opts.annotations?.length ? parseAnnotations(opts.annotations) : undefined;
  const port = opts.port ? parseUint16(opts.port) : undefined;
  const container: Record<string, unknown> = {
    name,
    image: opts.image,
    ...(args.length ? { [opts.command ? 'command' : 'args']: args } : {}),
    ...(env.length ? { env } : {}),
    ...(opts.imagePullPolicy ? { imagePullPolicy: opts.imagePullPolicy } : {}),
    ...(port !== undefined ? { ports: [{ containerPort: port }] } : {}),
    // kubectl run never leaves stdin open after the first attach (--leave-stdin-open is not offered).
    ...(opts.stdin ? { stdin: true, stdinOnce: true } : {}),
    ...(opts.tty ? { tty: true } : {}),
    ...(opts.privileged ? { securityContext: { privileged: true } } : {}),
  };
  const pod: KObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels, ...(annotations ? { annotations } : {}) },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: opts.restart || 'Always' },
  };
  return overridden(pod, opts);
}

/** kubectl's Overrider: --overrides (JSON) patched onto the generated pod, by --override-type (merge by default). */
function overridden(pod: KObject, opts: RunPodOptions): KObject {
  if (!opts.overrides) return pod;
  const type = (opts.overrideType || 'merge') as PatchType;
  if (!PATCH_TYPES.includes(type)) throw new UsageError(`invalid override type: ${type}`);
  let patch: unknown;
  try {
    patch = JSON.parse(opts.overrides);
  } catch (e) {
    throw new UsageError(`Invalid JSON Patch: --overrides: ${(e as Error).message}`);
  }
  const result = patchObject(pod, patch, type, `pods "${pod.metadata.name}"`) as KObject;
  if (result === null || typeof result !== 'object' || typeof result.apiVersion !== 'string' || !result.apiVersion) {
    throw new UsageError('--overrides left the generated Pod without an apiVersion (kubectl requires one)');
  }
  if (result.kind !== 'Pod') throw new UsageError(`--overrides cannot change the kind of the generated Pod (to ${JSON.stringify(result.kind)})`);
  return result;
}

/** kubectl run's --annotations: each `key=value` (the value may hold more `=`). */
function parseAnnotations(specs: string[]): Record<string, string> {
  const annotations: Record<string, string> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq < 0) throw new UsageError(`invalid annotations format: ${spec}`);
    annotations[spec.slice(0, eq)] = spec.slice(eq + 1);
  }
  return annotations;
}

function parseEnv(text: string): { name: string; value: string } {
  const eq = text.indexOf('=');
  const name = eq < 0 ? '' : text.slice(0, eq);
  if (!name || envVarNameErrors(name).length) throw new UsageError(`invalid env: ${text}`);
  return { name, value: text.slice(eq + 1) };
}

/** kubectl's ParseLabels: `k=v,k2=v2`; the keys and values are then checked like any object's labels. */
function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const spec of text.split(',')) {
    const parts = spec.split('=');
    if (parts.length !== 2) throw new UsageError(`unexpected label spec: ${spec}`);
    if (!parts[0]) throw new UsageError('unexpected empty label key');
    labels[parts[0]] = parts[1];
  }
  return labels;
}
