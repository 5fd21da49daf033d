#!/usr/bin/env node
/**
 * Footprint of the controller process (issue: the controller process): with 50 pods of kctl-demo/web:v1
 * running and nothing changing, its resident memory (VmRSS) and CPU (utime + stime from /proc, in percent of
 * one core) over a 30 s window after it has settled, at the default resync period. `runs` windows are
 * measured one after the other (default 1); the figures are their medians. Goals: < 100 MB, < 2% of a core.
 * Usage: node bench/footprint.js [runs]   (after npm run build and scripts/build-images.sh; Linux /proc)
 * Writes bench/results/footprint.json.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Kctl, ROOT } = require('./lib/kctl');
const { deployment } = require('./lib/manifests');
const { median, round } = require('./lib/stats');

const runs = Number(process.argv[2] || 1);
const PODS = 50;
const SETTLE_MS = 10_000;
const WINDOW_MS = 30_000;
const GOAL_MB = 100;
const GOAL_CPU = 2;
const TICKS = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in these (100 on Linux)

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime (fields 14 and 15)
}

function rssMB(pid) {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  return kb / 1024;
}

async function main() {
  const k = new Kctl('footprint');
  const samples = { rss: [], cpu: [] };
  try {
    await k.run(['apply', '-f', k.write('web.yaml', deployment('web', PODS))]);
    await k.run(['controller', 'start']);
    const pid = Number(/pid (\d+)/.exec(await k.run(['controller', 'status']))[1]);
    await sleep(SETTLE_MS);
    if ((await k.runningPods()) !== PODS) throw new Error(`expected ${PODS} running pods, found ${await k.runningPods()}`);
    for (let i = 0; i < runs; i++) {
      const cpu0 = cpuSeconds(pid);
      const t0 = Date.now();
      const rss = [];
      while (Date.now() - t0 < WINDOW_MS) {
        rss.push(rssMB(pid));
        await sleep(1000);
      }
      const cpu = ((cpuSeconds(pid) - cpu0) / ((Date.now() - t0) / 1000)) * 100;
      samples.rss.push(Math.max(...rss));
      samples.cpu.push(cpu);
      process.stderr.write(`window ${i + 1}/${runs}: RSS up to ${Math.max(...rss).toFixed(1)} MB, CPU ${cpu.toFixed(2)}% of a core\n`);
    }
  } finally {
    await k.run(['controller', 'stop']).catch(() => undefined);
    await k.cleanup();
  }
  const rss = round(median(samples.rss), 1);
  const cpu = round(median(samples.cpu), 2);
  const window = `${PODS} pods running, idle, resync every 10 s (the default), ${WINDOW_MS / 1000} s window${runs > 1 ? `, median of ${runs}` : ''}; ${os.cpus().length} cores`;
  const result = {
    runs,
    pods: PODS,
    rssMB: rss,
    cpuPercentOfCore: cpu,
    rows: [
      { id: 'footprint-rss', scenario: `controller process memory (RSS, ${PODS} pods)`, unit: 'count', kctl: `${rss} MB`, goal: { text: `< ${GOAL_MB} MB`, met: rss < GOAL_MB }, note: `bench/footprint.js: highest VmRSS, ${window}` },
      { id: 'footprint-cpu', scenario: `controller process idle CPU (${PODS} pods)`, unit: 'count', kctl: `${cpu}% of a core`, goal: { text: `< ${GOAL_CPU}% of a core`, met: cpu < GOAL_CPU }, note: `bench/footprint.js: utime+stime over the window, ${window}` },
    ],
  };
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results/footprint.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`footprint: RSS ${rss} MB (goal < ${GOAL_MB}), idle CPU ${cpu}% of a core (goal < ${GOAL_CPU})`);
}

main().catch((e) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
