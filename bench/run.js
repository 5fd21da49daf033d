#!/usr/bin/env node
/**
 * The benchmark suite (issues 3 and 8): every scenario side by side in one run, kctl against the floor (a
 * parallel `docker run` loop), docker-compose and a single-node swarm, each figure the median of several runs.
 * Prints the table and, for a full run, writes bench/results/latest.json, latest.md and bench/README-table.md.
 *
 *   node bench/run.js [--only id,id] [--runs N] [--profile] [--experiment flags] [--write] [--list]
 *   (after npm run build)
 */
const fs = require('fs');
const path = require('path');
const scenarios = require('./scenarios');
const table = require('./lib/table');
const { machine, describeMachine } = require('./lib/machine');
const { docker } = require('./lib/proc');
const { sweep } = require('./lib/engine');
const { BENCH_LABEL } = require('./lib/labels');
const { releaseSwarm } = require('./lib/swarm');
const { cleanupAll } = require('./lib/tracked');
const { writeResults } = require('./lib/report');
const { summarize } = require('./lib/profile-summary');
const { ROOT } = require('./lib/kctl');

const DEFAULT_RUNS = 3;
const USAGE = `usage: node bench/run.js [--only id[,id...]] [--runs N] [--profile] [--experiment flags] [--write] [--list]
  --only     run only these scenarios (ids from --list); results are printed, not written, unless --write
  --runs     runs per scenario, the figure is their median (default ${DEFAULT_RUNS})
  --profile  run kctl under bench/lib/profile-hooks.js and print where its time goes
  --experiment  what-if flags for kctl's processes (bench/lib/experiment-hooks.js):
             parallelism=N; results are printed, never written
  --write    write bench/results/latest.* even with --only`;

function parseArgs(argv) {
  const opts = { runs: DEFAULT_RUNS, only: undefined, profile: false, experiment: undefined, write: undefined, list: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    if (flag === '--only') opts.only = value().split(',').filter(Boolean);
    else if (flag === '--runs') opts.runs = Number(value());
    else if (flag === '--profile') opts.profile = true;
    else if (flag === '--experiment') opts.experiment = value();
    else if (flag === '--write') opts.write = true;
    else if (flag === '--list') opts.list = true;
    else if (flag === '--help' || flag === '-h') opts.help = true;
    else throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error(`--runs must be a positive integer\n${USAGE}`);
  const unknown = (opts.only ?? []).filter((id) => !scenarios.some((s) => s.id === id));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; one of: ${scenarios.map((s) => s.id).join(', ')}`);
  if (opts.experiment && opts.write) throw new Error('--experiment results are not kctl\'s: they are never written');
  opts.write ??= opts.only === undefined && !opts.experiment;
  return opts;
}

async function preflight() {
  if (!fs.existsSync(path.join(ROOT, 'dist/cli/main.js'))) throw new Error('kctl is not built: run `npm run build` (or `npm run bench`)');
  for (const image of ['kctl-demo/web:v1', 'kctl-demo/web:v2']) {
    await docker('image', 'inspect', image).catch(() => {
      throw new Error(`the image ${image} is missing: run scripts/build-images.sh`);
    });
  }
  await sweep(BENCH_LABEL); // what an interrupted earlier run left
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) return console.log(USAGE);
  if (opts.list) return console.log(scenarios.map((s) => `${s.id.padEnd(16)} ${s.title}`).join('\n'));
  const selected = scenarios.filter((s) => !opts.only || opts.only.includes(s.id));
  await preflight();
  if (opts.experiment) console.error(`experiment: kctl runs with ${opts.experiment} (bench/lib/experiment-hooks.js)`);
  const result = { command: `node bench/run.js ${process.argv.slice(2).join(' ')}`.trim(), runs: opts.runs, machine: await machine(), rows: [], profiles: {} };
  console.error(`machine: ${describeMachine(result.machine)}`);

  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error('\ninterrupted: cleaning up (Ctrl-C again to leave things behind)');
    cleanupAll().then(releaseSwarm).finally(() => process.exit(130));
  });

  try {
    for (const scenario of selected) {
      const started = Date.now();
      const log = (msg) => console.error(`[${scenario.id}] ${msg}`);
      const profiles = [];
      const ctx = { runs: opts.runs, profile: opts.profile, kctlOptions: { profile: opts.profile, experiment: opts.experiment }, log, addProfiles: (ps) => profiles.push(...ps), settle: () => new Promise((r) => setTimeout(r, 1000)) };
      log('starting');
      let rows;
      try {
        rows = await scenario.run(ctx);
      } catch (e) {
        rows = [{ id: scenario.id, scenario: scenario.title, status: 'failed', note: e.message.split('\n')[0] }];
        console.error(e.stack ?? e);
        await cleanupAll();
      }
      log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s\n${table.text(rows)}`);
      if (profiles.length) {
        console.error(profiles.map(summarize).join('\n'));
        result.profiles[scenario.id] = profiles;
      }
      result.rows.push(...rows);
    }
  } finally {
    await cleanupAll();
    await releaseSwarm();
    await sweep(BENCH_LABEL); // a safety net: nothing of this run's label stays behind
  }
  console.log(`\n${describeMachine(result.machine)}; median of ${opts.runs} runs\n\n${table.text(result.rows)}`);
  const notes = table.notes(result.rows);
  if (notes.length) console.log(`\n${notes.join('\n')}`);
  if (opts.write) {
    if (!opts.profile) delete result.profiles;
    writeResults(result);
    console.log('\nwrote bench/results/latest.json, bench/results/latest.md and bench/README-table.md');
  }
}

main().catch((e) => {
  console.error(`error: ${e.message}`);
  cleanupAll()
    .then(releaseSwarm)
    .finally(() => process.exit(1));
});
