/** bench/results/latest.json, latest.md and the README section (bench/README-table.md) from one run's rows. */
const fs = require('fs');
const path = require('path');
const table = require('./table');
const { describeMachine } = require('./machine');

const RESULTS = path.join(__dirname, '..', 'results');

function tableSection(result) {
  const notes = table.notes(result.rows);
  return [
    `Measured on ${describeMachine(result.machine)}. Each figure is the median of ${result.runs} runs (cheap scenarios take more samples); cleanup between runs is not timed.`,
    '',
    table.markdown(result.rows),
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}

function latestMarkdown(result) {
  return [`# kctl benchmark: latest run`, '', `\`${result.command}\``, '', tableSection(result), ''].join('\n');
}

function readmeSection(result) {
  return [
    '## Benchmarks',
    '',
    'One command runs every scenario side by side on this machine\'s Docker engine and prints the table below (it also',
    'writes `bench/results/latest.json` and `bench/results/latest.md`):',
    '',
    '    npm run bench                                  # build, then every scenario (about 30 minutes on 2 cores)',
    '    node bench/run.js --only replicas-10 --runs 5  # one scenario (see --list), after npm run build',
    '    node bench/run.js --only replicas-10 --profile # plus where kctl spends its time (Docker calls, passes, state writes)',
    '',
    'It needs Docker, `docker-compose` (Debian\'s 1.29 package) and the demo images (`scripts/build-images.sh`). It',
    'compares kctl with the **floor** (a parallel loop of `docker run -d`, 8 at once, same image, a port published on',
    '127.0.0.1, a user-defined network: what the engine itself needs), **docker-compose** (`up -d --scale web=N`) and a',
    'single-node **swarm** (`docker service create --replicas N --detach=false`; the swarm is initialised if none is',
    'active and left again afterwards). CLI latency is compared with `node -e 0`. Everything the benchmark creates is',
    'labelled (`io.kctl.bench=run`, or the temp state file\'s `io.kctl.state`) and removed afterwards.',
    '',
    tableSection(result),
    '',
  ].join('\n');
}

function writeResults(result) {
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), latestMarkdown(result));
  fs.writeFileSync(path.join(__dirname, '..', 'README-table.md'), readmeSection(result));
}

module.exports = { writeResults };
