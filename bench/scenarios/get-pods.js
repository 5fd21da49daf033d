/**
 * `kctl get pods` latency with 100 Running pods (a Deployment of 100 replicas on real Docker, since `get pods`
 * shows pods as Docker sees them now), against `node -e 0` measured in the same run, interleaved.
 */
const { Kctl } = require('../lib/kctl');
const { run } = require('../lib/proc');
const { deployment } = require('../lib/manifests');
const { timeIt, Samples, round } = require('../lib/stats');
const { track, release } = require('../lib/tracked');

const PODS = 100;
/** Each sample is cheap: more of them than the heavy scenarios take. */
const MIN_SAMPLES = 10;

module.exports = {
  id: 'get-pods-100',
  title: `kctl get pods (${PODS} Running pods)`,
  async run(ctx) {
    const kctl = track(new Kctl('getpods', ctx.kctlOptions));
    const samples = new Samples();
    try {
      kctl.write('web.yaml', deployment('bench', PODS));
      ctx.log(`setting up ${PODS} pods (untimed)`);
      await kctl.run(['apply', '-f', 'web.yaml', '--timeout', '10m'], { timeoutMs: 15 * 60_000 });
      const running = await kctl.runningPods();
      if (running !== PODS) throw new Error(`${running} pods running after apply, expected ${PODS}`);
      const node = () => run(process.execPath, ['-e', '0']);
      const get = async () => {
        const out = await kctl.run(['get', 'pods']);
        const lines = out.trim().split('\n').length - 1;
        if (lines !== PODS) throw new Error(`kctl get pods listed ${lines} pods, expected ${PODS}`);
      };
      await node(); // warm the file cache
      await get();
      kctl.profiles.length = 0;
      for (let i = 0; i < Math.max(ctx.runs, MIN_SAMPLES); i++) {
        samples.add('node', await timeIt(node));
        samples.add('kctl', await timeIt(get));
      }
      ctx.addProfiles(kctl.profiles.slice(0, 1));
    } finally {
      await release(kctl);
    }
    const [k, n] = [samples.median('kctl') * 1000, samples.median('node') * 1000];
    return [
      {
        id: this.id,
        scenario: this.title,
        unit: 'ms',
        kctl: round(k, 1),
        floor: `${n.toFixed(0)} ms (node -e 0)`,
        nodeMs: round(n, 1),
        ratio: { value: round(k / n, 3), to: 'node -e 0' },
        goal: undefined,
        note: 'no goal is set for get pods; `kctl get deployments` on 100 objects has 2.5x node -e 0 (startup row)',
        samples: samples.rounded(4),
      },
    ];
  },
};
