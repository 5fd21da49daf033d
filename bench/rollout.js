#!/usr/bin/env node
/**
 * Rollout benchmark (issue: rollouts): a rolling update of 10 replicas kctl-demo/web:v1 -> v2 (readiness
 * httpGet /healthz every second) and the undo back to v1, timed, beside `docker service update --image` and
 * `docker service rollback` of the same image on a single-node swarm with swarm's default update and rollback
 * settings, in the same run. Each command is timed until it returns, which for both tools is when the change
 * has converged. Goal: kctl at least 5x faster than swarm on both.
 * Usage: node bench/rollout.js [runs]   (after npm run build and scripts/build-images.sh)
 * Writes bench/results/rollout.json. Creates a swarm only if none is active, and leaves it again afterwards.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const runs = Number(process.argv[2] || 1);
const REPLICAS = 10;
const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin/kctl');
const SERVICE = 'kctl-bench-web';
const LABEL = 'io.kctl.bench=rollout';

const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, ...opts });
const docker = (...args) => sh('docker', args);

function timed(fn) {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function manifest() {
  return `apiVersion: apps/v1
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
}

/** The versions the Ready pods serve on /version, through their published ports. */
async function servedVersions(kctl) {
  const pods = JSON.parse(kctl(['get', 'pods', '-o', 'json'])).items;
  const ready = pods.filter((p) => p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
  const versions = await Promise.all(ready.map(async (p) => (await (await fetch(`http://127.0.0.1:${p.status.kctl.ports[0].hostPort}/version`)).text()).trim()));
  return versions.sort().join(',');
}

async function benchKctl() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kctl-bench-rollout-'));
  const env = { ...process.env, KCTL_STATE: path.join(dir, 'state.json'), NO_COLOR: '1' };
  const kctl = (args) => sh(process.execPath, [bin, ...args], { env, cwd: dir });
  fs.writeFileSync(path.join(dir, 'web.yaml'), manifest());
  try {
    kctl(['apply', '-f', 'web.yaml', '--timeout', '5m']);
    const update = timed(() => kctl(['set', 'image', 'deployment/web', 'web=kctl-demo/web:v2', '--timeout', '5m']));
    const afterUpdate = await servedVersions(kctl);
    const undo = timed(() => kctl(['rollout', 'undo', 'deployment/web', '--timeout', '5m']));
    const afterUndo = await servedVersions(kctl);
    const want = (v) => Array(REPLICAS).fill(v).join(',');
    if (afterUpdate !== want('v2') || afterUndo !== want('v1')) throw new Error(`kctl served ${afterUpdate} after the update and ${afterUndo} after the undo`);
    return { update, undo };
  } finally {
    try {
      kctl(['delete', 'deployment', 'web', '--timeout', '2m']);
    } finally {
      const { scopeFor } = require(path.join(root, 'dist/controllers/scope.js'));
      const ids = docker('ps', '-aq', '--filter', `label=io.kctl.state=${scopeFor(env.KCTL_STATE).id}`).split('\n').filter(Boolean);
      if (ids.length) docker('rm', '-f', ...ids);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Swarm's defaults: parallelism 1, no delay, 5 s monitor, stop-first; the CLI waits until the service converges. */
function benchSwarm() {
  // No registry can be reached: resolving the image digest would only add a failing lookup to swarm's times.
  docker('service', 'create', '--detach=false', '--no-resolve-image', '--name', SERVICE, '--label', LABEL, '--container-label', LABEL, '--replicas', String(REPLICAS), 'kctl-demo/web:v1');
  try {
    const update = timed(() => docker('service', 'update', '--detach=false', '--no-resolve-image', '--image', 'kctl-demo/web:v2', SERVICE));
    const rollback = timed(() => docker('service', 'rollback', '--detach=false', SERVICE));
    const image = docker('service', 'inspect', '--format', '{{.Spec.TaskTemplate.ContainerSpec.Image}}', SERVICE).trim();
    if (image !== 'kctl-demo/web:v1') throw new Error(`swarm runs ${image} after the rollback`);
    return { update, rollback };
  } finally {
    docker('service', 'rm', SERVICE);
    // Task containers linger briefly after the service is removed.
    for (let i = 0; i < 100 && docker('ps', '-aq', '--filter', `label=${LABEL}`).trim(); i++) sh('sleep', ['0.2']);
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

(async () => {
  const swarmState = docker('info', '--format', '{{.Swarm.LocalNodeState}}').trim();
  const createdSwarm = swarmState !== 'active';
  if (createdSwarm) docker('swarm', 'init', '--advertise-addr', '127.0.0.1');
  const samples = { kctlUpdate: [], kctlUndo: [], swarmUpdate: [], swarmRollback: [] };
  try {
    for (let i = 0; i < runs; i++) {
      const k = await benchKctl();
      samples.kctlUpdate.push(k.update);
      samples.kctlUndo.push(k.undo);
      const s = benchSwarm();
      samples.swarmUpdate.push(s.update);
      samples.swarmRollback.push(s.rollback);
    }
  } finally {
    if (createdSwarm) docker('swarm', 'leave', '--force');
  }
  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, +median(v).toFixed(2)]));
  const result = {
    runs,
    replicas: REPLICAS,
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, docker ${docker('version', '--format', '{{.Server.Version}}').trim()}`,
    seconds: m,
    samples: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((x) => +x.toFixed(2))])),
    speedup: { update: +(m.swarmUpdate / m.kctlUpdate).toFixed(1), undo: +(m.swarmRollback / m.kctlUndo).toFixed(1) },
    goal: 5,
  };
  console.log(`rolling update and undo of ${REPLICAS} replicas (median of ${runs})`);
  console.log('step                   kctl s   swarm s   swarm/kctl   goal');
  console.log(`update v1 -> v2      ${m.kctlUpdate.toFixed(2).padStart(8)}  ${m.swarmUpdate.toFixed(2).padStart(8)}  ${result.speedup.update.toFixed(1).padStart(10)}x   >= 5x`);
  console.log(`undo / rollback      ${m.kctlUndo.toFixed(2).padStart(8)}  ${m.swarmRollback.toFixed(2).padStart(8)}  ${result.speedup.undo.toFixed(1).padStart(10)}x   >= 5x`);
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'rollout.json'), JSON.stringify(result, null, 2) + '\n');
})().catch((e) => {
  console.error(e.stderr ? `${e.message}\n${e.stderr}` : e);
  process.exit(1);
});
