#!/usr/bin/env node
/**
 * Self-healing benchmark (issue: the controller process): with `kctl controller start` running, the seconds
 * from `docker rm -f` of a pod's app container to its replacement being Ready in the state (the moment
 * `kctl get pods` says 1/1 Running again), for a Deployment of 3 replicas of kctl-demo/web:v1 without
 * probes. The state file is read directly every 10 ms so that the measuring adds no kctl process.
 * Median of `runs` removals (default 5). Goal: under 2 s.
 * Usage: node bench/heal.js [runs]   (after npm run build and scripts/build-images.sh)
 * Writes bench/results/heal.json.
 */
const fs = require('fs');
const path = require('path');
const { Kctl, ROOT } = require('./lib/kctl');
const { docker, lines } = require('./lib/proc');
const { deployment } = require('./lib/manifests');
const { median, round } = require('./lib/stats');

const runs = Number(process.argv[2] || 5);
const GOAL_S = 2;
const POLL_MS = 10;
const LIMIT_MS = 60_000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The pod's app container id once it is Ready on a container other than `old`. */
function readyOn(statePath, podUid, old) {
  let state;
  try {
    state = JSON.parse(fs.readFileSync(statePath, 'utf8'));
  } catch {
    return undefined; // between a write and its rename
  }
  const pod = Object.values(state.objects).find((o) => o.kind === 'Pod' && o.metadata.uid === podUid);
  const ready = pod?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
  const id = String(pod?.status?.containerStatuses?.[0]?.containerID ?? '').replace('docker://', '');
  return ready && id && !old.startsWith(id) && !id.startsWith(old) ? id : undefined;
}

async function main() {
  const k = new Kctl('heal');
  const seconds = [];
  try {
    await k.run(['apply', '-f', k.write('web.yaml', deployment('web', 3))]);
    await k.run(['controller', 'start']);
    for (let i = 0; i < runs; i++) {
      const [victim] = lines(await docker('ps', '-q', '--no-trunc', '--filter', `label=${k.label}`, '--filter', 'label=io.kctl.role=app'));
      const podUid = (await docker('inspect', '-f', '{{ index .Config.Labels "io.kctl.pod-uid" }}', victim)).trim();
      const t0 = Date.now();
      await docker('rm', '-f', victim);
      while (!readyOn(k.statePath, podUid, victim)) {
        if (Date.now() - t0 > LIMIT_MS) throw new Error(`no Ready replacement for ${victim.slice(0, 12)} within ${LIMIT_MS / 1000} s`);
        await sleep(POLL_MS);
      }
      seconds.push((Date.now() - t0) / 1000);
      process.stderr.write(`removal ${i + 1}/${runs}: Ready again after ${seconds[i].toFixed(3)} s\n`);
      await sleep(1000);
    }
  } finally {
    await k.run(['controller', 'stop']).catch(() => undefined);
    await k.cleanup();
  }
  const m = round(median(seconds), 3);
  const result = {
    runs,
    seconds: seconds.map((s) => round(s, 3)),
    medianSeconds: m,
    goalSeconds: GOAL_S,
    rows: [
      {
        id: 'heal',
        scenario: 'self-heal: docker rm -f of a pod container to its replacement Ready',
        unit: 's',
        kctl: m,
        goal: { text: `< ${GOAL_S} s`, met: m < GOAL_S },
        note: `bench/heal.js: controller process running, 3 replicas without probes, median of ${runs} removals (${seconds.map((s) => s.toFixed(2)).join(', ')} s); docker-compose has no process that would replace a removed container`,
      },
    ],
  };
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results/heal.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`heal: median ${m} s over ${runs} removals (goal < ${GOAL_S} s)`);
}

main().catch((e) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
