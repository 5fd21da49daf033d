/**
 * A no-op re-apply: 50 Deployments (1 replica each) applied and Running, then `kctl apply -f dir/` again, timed,
 * with Docker's container create/destroy events counted over the command (they must be 0). Compose does the same
 * thing with `docker-compose up -d` of 50 unchanged services.
 */
const { Kctl } = require('../lib/kctl');
const { Compose } = require('../lib/compose');
const { containerEvents } = require('../lib/engine');
const { deployment } = require('../lib/manifests');
const { timeIt, Samples, round } = require('../lib/stats');
const { track, release } = require('../lib/tracked');

const COUNT = 50;
/** Events reach `docker events` a moment after the call that caused them. */
const EVENT_LAG_MS = 1000;
const names = Array.from({ length: COUNT }, (_, i) => `app-${String(i).padStart(2, '0')}`);

/** Times `fn` and counts container create/destroy events labelled `label` during it. */
async function timedWithEvents(label, fn) {
  const since = Date.now();
  const seconds = await timeIt(fn);
  const until = Date.now() + EVENT_LAG_MS;
  await new Promise((r) => setTimeout(r, EVENT_LAG_MS));
  const events = await containerEvents(label, since, until);
  return { seconds, changes: events.create + events.destroy };
}

async function kctlSamples(ctx, samples) {
  const kctl = track(new Kctl('noop', ctx.kctlOptions));
  try {
    for (const name of names) kctl.write(`manifests/${name}.yaml`, deployment(name, 1));
    ctx.log(`kctl: applying ${COUNT} Deployments (untimed)`);
    await kctl.run(['apply', '-f', 'manifests/', '--timeout', '10m'], { timeoutMs: 15 * 60_000 });
    for (let i = 0; i < ctx.runs; i++) {
      let out;
      const r = await timedWithEvents(kctl.label, async () => (out = await kctl.run(['apply', '-f', 'manifests/'])));
      const unchanged = out.split('\n').filter((l) => l.endsWith(' unchanged')).length;
      if (unchanged !== COUNT) throw new Error(`kctl reported ${unchanged} unchanged, expected ${COUNT}:\n${out}`);
      samples.add('kctl', r.seconds);
      samples.add('kctl changes', r.changes);
    }
    ctx.addProfiles(kctl.profiles.slice(1, 2));
  } finally {
    await release(kctl);
  }
}

async function composeSamples(ctx, samples) {
  const compose = track(new Compose('noop', { services: names }));
  try {
    ctx.log(`compose: up of ${COUNT} services (untimed)`);
    await compose.up();
    for (let i = 0; i < ctx.runs; i++) {
      const r = await timedWithEvents(`com.docker.compose.project=${compose.project}`, () => compose.up());
      samples.add('compose', r.seconds);
      samples.add('compose changes', r.changes);
    }
  } finally {
    await release(compose);
    compose.remove();
  }
}

module.exports = {
  id: 'noop-reapply-50',
  title: `no-op re-apply of ${COUNT} Deployments`,
  async run(ctx) {
    const samples = new Samples();
    await kctlSamples(ctx, samples);
    await composeSamples(ctx, samples);
    const [k, c] = [samples.median('kctl'), samples.median('compose')];
    const maxChanges = (t) => Math.max(...samples.byName[`${t} changes`]);
    return [
      {
        id: this.id,
        scenario: this.title,
        unit: 's',
        kctl: round(k, 3),
        compose: round(c, 3),
        ratio: { value: round(k / c, 3), to: 'compose' },
        note: 'compose: `docker-compose up -d` of 50 unchanged services; no goal is set for the time',
        samples: samples.rounded(),
      },
      {
        id: `${this.id}-events`,
        scenario: 'container create/remove events during that re-apply (most in any run)',
        unit: 'count',
        kctl: maxChanges('kctl'),
        compose: maxChanges('compose'),
        goal: { text: '0', met: maxChanges('kctl') === 0 },
      },
    ];
  },
};
