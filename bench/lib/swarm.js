/**
 * A single-node swarm: made (`docker swarm init --advertise-addr 127.0.0.1`) only when none is active, and left
 * again at the end only when this run made it. Services carry the bench label on themselves and their tasks.
 * No published port: swarm cannot publish on 127.0.0.1 only, and the issue's command has none.
 * Tasks join a swarm-scoped bridge network of the benchmark's own (like kctl's per-namespace bridge network),
 * not the default `bridge`: that one is not always usable (an engine whose docker0 interface is gone fails
 * every task with "could not find bridge docker0").
 */
const { docker, lines, run } = require('./proc');
const { containerIds } = require('./engine');
const { BENCH_LABEL, IMAGE } = require('./labels');

const NETWORK = 'kctl-bench-swarm';
/** `--detach=false` waits for ever when tasks keep failing: give up, and say why. */
const SWARM_TIMEOUT_MS = 180_000;

let createdSwarm = false;
let used = false;

/**
 * Checked before every use, not once: another process (bench/rollout.js run alone, say) may leave a swarm it
 * made while this run is going.
 */
async function ensureSwarm() {
  const state = (await docker('info', '--format', '{{.Swarm.LocalNodeState}}')).trim();
  if (state !== 'active') {
    await docker('swarm', 'init', '--advertise-addr', '127.0.0.1');
    createdSwarm = true;
  }
  // The name filter matches substrings (and swarm-scoped networks ignore ^$ anchors): compare names here.
  const networks = lines(await docker('network', 'ls', '--format', '{{.Name}}', '--filter', `name=${NETWORK}`));
  if (!networks.includes(NETWORK)) await docker('network', 'create', '--scope', 'swarm', '--driver', 'bridge', '--label', BENCH_LABEL, NETWORK);
  used = true;
}

/** Removes this run's services and network; leaves the swarm if this run created it. */
async function releaseSwarm() {
  if (!used) return;
  const active = (await docker('info', '--format', '{{.Swarm.LocalNodeState}}')).trim() === 'active';
  if (active) {
    await removeBenchServices();
    await docker('network', 'rm', NETWORK).catch(() => undefined);
    if (createdSwarm) await docker('swarm', 'leave', '--force');
  }
  createdSwarm = false;
  used = false;
}

async function removeBenchServices() {
  const services = lines(await docker('service', 'ls', '-q', '--filter', `label=${BENCH_LABEL}`).catch(() => ''));
  if (services.length) await docker('service', 'rm', ...services);
  await waitNoTasks();
}

/** Task containers linger a moment after their service is removed. Bounded: 30 s. */
async function waitNoTasks() {
  for (let i = 0; i < 150; i++) {
    if (!(await containerIds(BENCH_LABEL)).length) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

class SwarmService {
  constructor(name, { image = IMAGE } = {}) {
    this.name = `kctl-bench-${name}`;
    this.image = image;
  }

  /** `docker service create --replicas N --detach=false`: returns when swarm reports the service converged. */
  create(replicas) {
    // --no-resolve-image: no registry is reachable, a digest lookup would only add a failing request.
    return this.docker(['service', 'create', '--detach=false', '--quiet', '--no-resolve-image', '--name', this.name, '--label', BENCH_LABEL, '--container-label', BENCH_LABEL, '--network', NETWORK, '--stop-grace-period', '5s', '--replicas', String(replicas), this.image]);
  }

  scale(replicas) {
    return this.docker(['service', 'scale', '--detach=false', `${this.name}=${replicas}`]);
  }

  /** A swarm command, bounded; on failure the tasks' own error says what went wrong. */
  async docker(args) {
    try {
      return await run('docker', args, { timeoutMs: SWARM_TIMEOUT_MS });
    } catch (e) {
      const errors = lines(await docker('service', 'ps', '--no-trunc', '--format', '{{.Error}}', this.name).catch(() => ''));
      throw new Error(`${e.message.split('\n')[0]}${errors.length ? `; task error: ${errors[0]}` : ''}`);
    }
  }

  async runningTasks() {
    return (await containerIds(`com.docker.swarm.service.name=${this.name}`, { running: true })).length;
  }

  async cleanup() {
    await docker('service', 'rm', this.name).catch(() => undefined);
    await waitNoTasks();
  }
}

module.exports = { ensureSwarm, releaseSwarm, SwarmService };
