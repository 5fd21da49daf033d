#!/usr/bin/env node
/**
 * kctl against another build of itself, in the same run (a refactor must not be slower): for each run, each tree
 * in turn applies 10 replicas from nothing (no probe), then on a fresh state rolls 10 probed replicas out from
 * v1 to v2 and undoes it; medians of the runs. Usage, after npm run build in both checkouts:
 *   node bench/side-by-side.js OTHER_CHECKOUT [runs]
 */
const path = require('path');
const { Kctl, ROOT } = require('./lib/kctl');
const { deployment } = require('./lib/manifests');
const { IMAGE } = require('./lib/labels');
const { timeIt, Samples } = require('./lib/stats');

const [other, runsArg] = process.argv.slice(2);
if (!other) throw new Error('usage: node bench/side-by-side.js OTHER_CHECKOUT [runs]');
const trees = { other: path.resolve(other), this: ROOT };
const runs = Number(runsArg || 3);
const V2 = IMAGE.replace(/:v1$/, ':v2');

async function once(name, root, samples) {
  const fresh = new Kctl(`sbs-${name}`, { root });
  try {
    fresh.write('web.yaml', deployment('bench', 10));
    samples.add(`${name} apply 10`, await timeIt(() => fresh.run(['apply', '-f', 'web.yaml', '--timeout', '5m'])));
  } finally {
    await fresh.cleanup();
  }
  const roll = new Kctl(`sbs-${name}`, { root });
  try {
    roll.write('web.yaml', deployment('bench', 10, { readiness: true }));
    await roll.run(['apply', '-f', 'web.yaml', '--timeout', '5m']);
    samples.add(`${name} rollout v1->v2`, await timeIt(() => roll.run(['set', 'image', 'deployment/bench', `web=${V2}`, '--timeout', '5m'])));
    samples.add(`${name} undo`, await timeIt(() => roll.run(['rollout', 'undo', 'deployment/bench', '--timeout', '5m'])));
  } finally {
    await roll.cleanup();
  }
}

(async () => {
  const samples = new Samples();
  for (let i = 0; i < runs; i++) for (const [name, root] of Object.entries(trees)) await once(name, root, samples);
  console.log(`other = ${trees.other}, this = ${trees.this}; median of ${runs} runs, seconds`);
  for (const what of ['apply 10', 'rollout v1->v2', 'undo']) {
    const o = samples.median(`other ${what}`);
    const t = samples.median(`this ${what}`);
    console.log(`${what.padEnd(16)} other ${o.toFixed(2)}  this ${t.toFixed(2)}  ratio ${(t / o).toFixed(2)}`);
  }
})().catch((e) => {
  console.error(e.stack ?? e);
  process.exit(1);
});
