#!/usr/bin/env node
/**
 * Rollout benchmark (issue: rollouts): a rolling update of 10 replicas kctl-demo/web:v1 -> v2 (readiness
 * httpGet /healthz every second) and the undo back to v1, timed, beside `docker service update --image` and
 * `docker service rollback` of the same image on a single-node swarm with swarm's default update and rollback
 * settings, in the same run. Each command is timed until it returns, which for both tools is when the change
 * has converged; after each, what runs is checked (kctl: every Ready pod serves the version on /version).
 * Goal: kctl at least 5x faster than swarm on both.
 * Usage: node bench/rollout.js [runs]   (after npm run build and scripts/build-images.sh)
 * Writes bench/results/rollout.json. The swarm is made only when none is active and left again afterwards.
 * The service carries io.kctl.bench=rollout (not the runner's io.kctl.bench=run, which the runner's other
 * scenarios sweep) and joins a swarm-scoped bridge network of its own, not the default `bridge` (its docker0
 * interface is not always there on this machine).
 */
const fs = require('fs');
const path = require('path');
const { containerIds } = require('./lib/engine');
const { Kctl } = require('./lib/kctl');
const { machine, describeMachine } = require('./lib/machine');
const { docker, run } = require('./lib/proc');
const { Samples, round, timeIt } = require('./lib/stats');

const runs = Number(process.argv[2] || 1);
const REPLICAS = 10;
const GOAL = 5;
const LABEL = 'io.kctl.bench=rollout';
const SERVICE = 'kctl-bench-rollout';
const NETWORK = 'kctl-bench-rollout';
/** A swarm command that does not return in this time has failed (`--detach=false` waits for ever otherwise). */
const SWARM_TIMEOUT_MS = 300_000;

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${REPLICAS}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      terminationGracePeriodSeconds: 5
      containers:
        - name: web
          image: kctl-demo/web:v1
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet: {path: /healthz, port: http}
            periodSeconds: 1
`;

/** What the Ready pods serve on /version through their published ports, e.g. "v2 x10". */
async function served(kctl) {
  const pods = JSON.parse(await kctl.run(['get', 'pods', '-o', 'json'])).items;
  const ready = pods.filter((p) => p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
  const versions = await Promise.all(ready.map(async (p) => (await (await fetch(`http://127.0.0.1:${p.status.kctl.ports[0].hostPort}/version`)).text()).trim()));
  const distinct = [...new Set(versions)];
  return distinct.map((v) => `${v} x${versions.filter((x) => x === v).length}`).join(', ');
}

async function benchKctl(samples) {
  const kctl = new Kctl('rollout');
  try {
    kctl.write('web.yaml', manifest);
    await kctl.run(['apply', '-f', 'web.yaml']);
    samples.add('kctlUpdate', await timeIt(() => kctl.run(['set', 'image', 'deployment/web', 'web=kctl-demo/web:v2'])));
    const afterUpdate = await served(kctl);
    samples.add('kctlUndo', await timeIt(() => kctl.run(['rollout', 'undo', 'deployment/web'])));
    const afterUndo = await served(kctl);
    if (afterUpdate !== `v2 x${REPLICAS}` || afterUndo !== `v1 x${REPLICAS}`) throw new Error(`kctl served ${afterUpdate} after the update and ${afterUndo} after the undo`);
  } finally {
    await kctl.cleanup();
  }
}

/** Swarm's defaults: parallelism 1, no delay, 5 s monitor, stop-first; --detach=false waits until converged. */
async function benchSwarm(samples) {
  const swarm = (...args) => run('docker', args, { timeoutMs: SWARM_TIMEOUT_MS });
  const createdSwarm = (await docker('info', '--format', '{{.Swarm.LocalNodeState}}')).trim() !== 'active';
  if (createdSwarm) await docker('swarm', 'init', '--advertise-addr', '127.0.0.1');
  try {
    await docker('network', 'create', '--scope', 'swarm', '--driver', 'bridge', '--label', LABEL, NETWORK);
    // --no-resolve-image: no registry is reachable, a digest lookup would only add a failing request.
    await swarm('service', 'create', '--detach=false', '--quiet', '--no-resolve-image', '--name', SERVICE, '--label', LABEL, '--container-label', LABEL, '--network', NETWORK, '--replicas', String(REPLICAS), 'kctl-demo/web:v1');
    samples.add('swarmUpdate', await timeIt(() => swarm('service', 'update', '--detach=false', '--quiet', '--no-resolve-image', '--image', 'kctl-demo/web:v2', SERVICE)));
    samples.add('swarmRollback', await timeIt(() => swarm('service', 'rollback', '--detach=false', '--quiet', SERVICE)));
    const image = (await docker('service', 'inspect', '--format', '{{.Spec.TaskTemplate.ContainerSpec.Image}}', SERVICE)).trim();
    if (image !== 'kctl-demo/web:v1') throw new Error(`swarm runs ${image} after the rollback`);
  } finally {
    await docker('service', 'rm', SERVICE).catch(() => undefined);
    // Task containers linger a moment after their service is removed (bounded: 30 s).
    for (let i = 0; i < 150 && (await containerIds(LABEL)).length; i++) await new Promise((r) => setTimeout(r, 200));
    await docker('network', 'rm', NETWORK).catch(() => undefined);
    if (createdSwarm) await docker('swarm', 'leave', '--force');
  }
}

(async () => {
  const machineAtStart = await machine();
  const samples = new Samples();
  for (let i = 0; i < runs; i++) {
    await benchKctl(samples);
    await benchSwarm(samples);
  }
  const m = (name) => round(samples.median(name));
  const seconds = { kctlUpdate: m('kctlUpdate'), kctlUndo: m('kctlUndo'), swarmUpdate: m('swarmUpdate'), swarmRollback: m('swarmRollback') };
  const result = {
    runs,
    replicas: REPLICAS,
    machine: describeMachine(machineAtStart),
    seconds,
    samples: samples.rounded(2),
    speedup: { update: round(seconds.swarmUpdate / seconds.kctlUpdate, 1), undo: round(seconds.swarmRollback / seconds.kctlUndo, 1) },
    goal: GOAL,
  };
  console.log(`rolling update and undo of ${REPLICAS} replicas (median of ${runs}); ${result.machine}`);
  console.log('step                   kctl s   swarm s   swarm/kctl   goal');
  console.log(`update v1 -> v2      ${seconds.kctlUpdate.toFixed(2).padStart(8)}  ${seconds.swarmUpdate.toFixed(2).padStart(8)}  ${result.speedup.update.toFixed(1).padStart(10)}x   >= ${GOAL}x`);
  console.log(`undo / rollback      ${seconds.kctlUndo.toFixed(2).padStart(8)}  ${seconds.swarmRollback.toFixed(2).padStart(8)}  ${result.speedup.undo.toFixed(1).padStart(10)}x   >= ${GOAL}x`);
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'rollout.json'), JSON.stringify(result, null, 2) + '\n');
})().catch((e) => {
  console.error(e.message ?? e);
  process.exit(1);
});
