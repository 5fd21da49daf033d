/**
 * The invariants every reliability suite checks after its faults: the state file is valid JSON, no container
 * is an orphan (its io.kctl.pod-uid belongs to a Pod that `kctl get pods -o json` shows) and none is a
 * duplicate (at most one running app container per pod and container name).
 */
import * as fs from 'fs';
import type { Kctl } from '../../e2e/harness';
import type { DockerCli, DockerContainer } from './docker-cli';

export interface WorldView {
  pods: any[];
  containers: DockerContainer[];
  /** Running containers with io.kctl.role=app. */
  runningApp: DockerContainer[];
}

export async function observeWorld(k: Kctl, docker: DockerCli): Promise<WorldView> {
  // No file at all is the old file of a first command killed before it wrote anything (on a loaded machine a
  // kill can come before kctl has even started): then kctl must show no pods, and no container may exist.
  if (fs.existsSync(k.statePath)) {
    const raw = fs.readFileSync(k.statePath, 'utf8');
    const state = JSON.parse(raw); // throws (and fails the test) when the file is not valid JSON
    if (state.kind !== 'KctlState') throw new Error(`the state file is not a kctl state: ${raw.slice(0, 80)}`);
  }
  const got = await k.run(['get', 'pods', '-A', '-o', 'json']);
  if (got.code !== 0) throw new Error(`kctl get pods exited ${got.code}: ${got.stderr}`);
  const pods = JSON.parse(got.stdout).items;
  const containers = await docker.containers(k.scopeId);
  return { pods, containers, runningApp: containers.filter((c) => c.status === 'running' && c.labels['io.kctl.role'] === 'app') };
}

/** Containers of pods that are not in the state (service proxies belong to no pod and are left out). */
export function orphans(view: WorldView): string[] {
  const uids = new Set(view.pods.map((p) => p.metadata.uid));
  return view.containers.filter((c) => c.labels['io.kctl.pod-uid'] && !uids.has(c.labels['io.kctl.pod-uid'])).map((c) => `${c.name} (${c.status})`);
}

/** `<pod>/<container>` for each pod container that runs more than once. */
export function duplicates(view: WorldView): string[] {
  const seen = new Map<string, number>();
  for (const c of view.runningApp) {
    const key = `${c.labels['io.kctl.pod']}/${c.labels['io.kctl.container']}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen.entries()].filter(([, n]) => n > 1).map(([key, n]) => `${key} x${n}`);
}

/** Running app containers per Deployment (by the pod name prefix of their owner ReplicaSet). */
export function runningByDeployment(view: WorldView): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of view.runningApp) {
    const rs = c.labels['io.kctl.owner'] ?? '';
    const dep = rs.slice(0, rs.lastIndexOf('-'));
    out[dep] = (out[dep] ?? 0) + 1;
  }
  return out;
}
