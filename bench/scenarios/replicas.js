/**
 * N replicas from nothing to all Running (issue 3): kctl apply of a Deployment (no readiness probe) waiting for
 * convergence, against the floor (parallel `docker run -d`), `docker-compose up -d --scale web=N` and
 * `docker service create --replicas N --detach=false`. Fresh state, network and project each run; cleanup untimed.
 */
const { Kctl } = require('../lib/kctl');
const { Floor } = require('../lib/floor');
const { ApiFloor } = require('../lib/api-floor');
const { Compose } = require('../lib/compose');
const { ensureSwarm, SwarmService } = require('../lib/swarm');
const { containerIds } = require('../lib/engine');
const { deployment } = require('../lib/manifests');
const { timeIt, Samples, round } = require('../lib/stats');
const { track, release } = require('../lib/tracked');

async function expectCount(what, actual, want) {
  const n = await actual();
  if (n !== want) throw new Error(`${what}: ${n} running after the command returned, expected ${want}`);
}

async function once(ctx, n, samples) {
  const floor = track(new Floor(`r${n}`));
  samples.add('floor', await timeIt(() => floor.scaleTo(n)));
  await expectCount('floor', async () => (await containerIds(floor.label, { running: true })).length, n);
  await release(floor);

  const api = track(new ApiFloor(`r${n}`));
  samples.add('api floor', await timeIt(() => api.up(n)));
  await expectCount('api floor', async () => (await containerIds(api.label, { running: true })).length, n);
  await release(api);

  const kctl = track(new Kctl(`r${n}`, ctx.kctlOptions));
  kctl.write('web.yaml', deployment('bench', n));
  samples.add('kctl', await timeIt(() => kctl.run(['apply', '-f', 'web.yaml', '--timeout', '5m'])));
  await expectCount('kctl', () => kctl.runningPods(), n);
  ctx.addProfiles(kctl.profiles);
  await release(kctl);

  const compose = track(new Compose(`r${n}`));
  samples.add('compose', await timeIt(() => compose.up(n)));
  await expectCount('compose', async () => (await containerIds(`com.docker.compose.project=${compose.project}`, { running: true })).length, n);
  await release(compose);
  compose.remove();

  await ensureSwarm();
  const swarm = track(new SwarmService(`r${n}`));
  samples.add('swarm', await timeIt(() => swarm.create(n)));
  await expectCount('swarm', () => swarm.runningTasks(), n);
  await release(swarm);
}

function replicas(n) {
  return {
    id: `replicas-${n}`,
    title: `${n} replicas from nothing to Running`,
    async run(ctx) {
      const samples = new Samples();
      for (let i = 0; i < ctx.runs; i++) {
        ctx.log(`run ${i + 1}/${ctx.runs}`);
        await once(ctx, n, samples);
        await ctx.settle();
      }
      const [kctl, floor, compose, swarm] = ['kctl', 'floor', 'compose', 'swarm'].map((k) => samples.median(k));
      const ratio = kctl / floor;
      return [
        {
          id: this.id,
          scenario: this.title,
          unit: 's',
          kctl: round(kctl, 3),
          floor: round(floor, 3),
          compose: round(compose, 3),
          swarm: round(swarm, 3),
          ratio: { value: round(ratio, 3), to: 'floor' },
          goal: { text: '<= 1.2x floor, < compose, < swarm', met: ratio <= 1.2 && kctl < compose && kctl < swarm },
          apiFloor: round(samples.median('api floor'), 3),
          note: `floor through the engine API (dockerode create + start, 8 at once, no CLI per container): ${samples.median('api floor').toFixed(2)} s, kctl ${(kctl / samples.median('api floor')).toFixed(2)}x that`,
          samples: samples.rounded(),
        },
      ];
    },
  };
}

module.exports = { replicas };
