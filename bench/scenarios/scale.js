/**
 * Scale 10 -> 30 -> 10 on a running set: `kctl scale deployment/bench --replicas=N` (waits for convergence)
 * against the floor (more `docker run -d` / graceful stop + rm of the newest), `docker-compose up -d --scale`
 * and `docker service scale --detach=false`. Each tool is first brought to 10 (untimed).
 */
const { Kctl } = require('../lib/kctl');
const { Floor } = require('../lib/floor');
const { Compose } = require('../lib/compose');
const { ensureSwarm, SwarmService } = require('../lib/swarm');
const { containerIds } = require('../lib/engine');
const { deployment } = require('../lib/manifests');
const { timeIt, Samples, round } = require('../lib/stats');
const { track, release } = require('../lib/tracked');

const STEPS = [30, 10];

/** Times each step of one tool: `setup()` to 10, then `scaleTo(n)` for every step, checking `count()`. */
async function steps(tool, samples, { setup, scaleTo, count, cleanup }) {
  try {
    await setup();
    for (const n of STEPS) {
      samples.add(`${tool} ${n}`, await timeIt(() => scaleTo(n)));
      const got = await count();
      if (got !== n) throw new Error(`${tool}: ${got} running after scaling to ${n}`);
    }
  } finally {
    await cleanup();
  }
}

async function once(ctx, samples) {
  const floor = track(new Floor('scale'));
  await steps('floor', samples, {
    setup: () => floor.scaleTo(10),
    scaleTo: (n) => floor.scaleTo(n),
    count: async () => (await containerIds(floor.label, { running: true })).length,
    cleanup: () => release(floor),
  });

  const kctl = track(new Kctl('scale', ctx.kctlOptions));
  kctl.write('web.yaml', deployment('bench', 10));
  await steps('kctl', samples, {
    setup: () => kctl.run(['apply', '-f', 'web.yaml', '--timeout', '5m']),
    scaleTo: (n) => kctl.run(['scale', 'deployment/bench', `--replicas=${n}`, '--timeout', '5m']),
    count: () => kctl.runningPods(),
    cleanup: () => release(kctl),
  });
  ctx.addProfiles(kctl.profiles.slice(1));

  const compose = track(new Compose('scale'));
  await steps('compose', samples, {
    setup: () => compose.up(10),
    scaleTo: (n) => compose.up(n),
    count: async () => (await containerIds(`com.docker.compose.project=${compose.project}`, { running: true })).length,
    cleanup: async () => {
      await release(compose);
      compose.remove();
    },
  });

  await ensureSwarm();
  const swarm = track(new SwarmService('scale'));
  await steps('swarm', samples, {
    setup: () => swarm.create(10),
    scaleTo: (n) => swarm.scale(n),
    count: () => swarm.runningTasks(),
    cleanup: () => release(swarm),
  });
}

module.exports = {
  id: 'scale',
  title: 'scale 10 -> 30 -> 10',
  async run(ctx) {
    const samples = new Samples();
    for (let i = 0; i < ctx.runs; i++) {
      ctx.log(`run ${i + 1}/${ctx.runs}`);
      await once(ctx, samples);
      await ctx.settle();
    }
    let from = 10;
    return STEPS.map((n) => {
      const [kctl, floor, compose, swarm] = ['kctl', 'floor', 'compose', 'swarm'].map((t) => samples.median(`${t} ${n}`));
      const ratio = kctl / floor;
      const row = {
        id: `${this.id}-${from}-${n}`,
        scenario: `scale ${from} -> ${n}`,
        unit: 's',
        kctl: round(kctl, 3),
        floor: round(floor, 3),
        compose: round(compose, 3),
        swarm: round(swarm, 3),
        ratio: { value: round(ratio, 3), to: 'floor' },
        goal: { text: '<= 1.2x floor, < compose, < swarm', met: ratio <= 1.2 && kctl < compose && kctl < swarm },
        samples: Object.fromEntries(Object.entries(samples.rounded()).filter(([k]) => k.endsWith(` ${n}`))),
      };
      from = n;
      return row;
    });
  },
};
