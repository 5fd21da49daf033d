/**
 * A Deployment that has nothing to do with the fault a suite injects: after each fault it must still run its
 * one pod and serve, which is how a suite shows a refusal touched nothing else.
 */
import { deploymentYaml } from '../../e2e/harness';
import type { EngineKctl } from './kctl';

export async function startBystander(k: EngineKctl): Promise<void> {
  k.write('bystander.yaml', deploymentYaml('bystander', { replicas: 1 }));
  const r = await k.run(['apply', '-f', 'bystander.yaml', '--timeout', '60s']);
  if (r.code !== 0) throw new Error(`bystander: ${r.stderr}`);
}

/** Its one pod runs and answers v1 on its published port. */
export async function bystanderServes(k: EngineKctl): Promise<boolean> {
  const pods = JSON.parse((await k.run(['get', 'pods', '-l', 'app=bystander', '-o', 'json'])).stdout).items;
  if (pods.length !== 1 || pods[0].status.phase !== 'Running') return false;
  const port = pods[0].status.kctl.ports[0].hostPort;
  return (await (await fetch(`http://127.0.0.1:${port}/version`)).text()).trim() === 'v1';
}

/** It still reconciles after the faults: scaled to 2 it runs 2 serving pods, and back to 1. */
export async function bystanderReconciles(k: EngineKctl): Promise<boolean> {
  for (const replicas of ['2', '1']) {
    const r = await k.run(['scale', 'deployment/bystander', '--replicas', replicas, '--timeout', '60s']);
    if (r.code !== 0) throw new Error(`scale to ${replicas}: ${r.stderr}`);
    const ready = JSON.parse((await k.run(['get', 'deployment', 'bystander', '-o', 'json'])).stdout).status.readyReplicas;
    if (ready !== Number(replicas)) return false;
  }
  return bystanderServes(k);
}
