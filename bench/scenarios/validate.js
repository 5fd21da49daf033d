/** Validation of 1,000 generated Deployments through the CLI: `kctl apply --dry-run=client -f dir/`. */
const { Kctl } = require('../lib/kctl');
const { deployment } = require('../lib/manifests');
const { timeIt, Samples, round } = require('../lib/stats');
const { track, release } = require('../lib/tracked');

const COUNT = 1000;

module.exports = {
  id: 'validate-1000',
  title: `validate ${COUNT.toLocaleString('en')} manifests (apply --dry-run=client)`,
  async run(ctx) {
    const kctl = track(new Kctl('validate'));
    const samples = new Samples();
    try {
      for (let i = 0; i < COUNT; i++) {
        const name = `app-${String(i).padStart(4, '0')}`;
        kctl.write(`manifests/${name}.yaml`, deployment(name, 1 + (i % 5), { readiness: i % 2 === 0 }));
      }
      const apply = async () => {
        const out = await kctl.run(['apply', '--dry-run=client', '-f', 'manifests/']);
        const ok = out.split('\n').filter((l) => l.endsWith('created (dry run)')).length;
        if (ok !== COUNT) throw new Error(`kctl reported ${ok} objects created (dry run), expected ${COUNT}`);
      };
      await apply(); // warm the file cache
      for (let i = 0; i < ctx.runs; i++) samples.add('kctl', await timeIt(apply));
    } finally {
      await release(kctl);
    }
    const k = samples.median('kctl');
    return [
      {
        id: this.id,
        scenario: this.title,
        unit: 's',
        kctl: round(k, 3),
        note: `${((k * 1000) / COUNT).toFixed(2)} ms per manifest, one process, files of 1 Deployment each; no goal is set`,
        samples: samples.rounded(),
      },
    ];
  },
};
