#!/usr/bin/env node
/**
 * Zero-downtime benchmark (issue: the controller process and Services): a bounded load (4 clients, a new
 * connection per request, bench/zero-downtime.load.js) on 127.0.0.1 while
 *   kctl:    a Deployment of 4 replicas of kctl-demo/web (readiness httpGet /healthz every 1 s) behind a
 *            NodePort Service, served by `kctl controller start`, rolls v1 -> v2 (`set image`) and back
 *            (`rollout undo`, then `rollout status`);
 *   compose: a docker-compose 1.29 service of the same image on a fixed published port is replaced by
 *            `docker-compose up -d` with v2 and then with v1 again (compose recreates the container).
 * Counts failed requests and the answers of each version. Goal: 0 failed for kctl. `runs` rounds of each
 * (default 1); the failed counts are their medians, the per-version counts their sums.
 * Usage: node bench/zero-downtime.js [runs]   (after npm run build and scripts/build-images.sh)
 * Writes bench/results/zero-downtime.json.
 */
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { Kctl, ROOT } = require('./lib/kctl');
const { run } = require('./lib/proc');
const { sweep } = require('./lib/engine');
const { median } = require('./lib/stats');
const { startLoad, ZERO_DOWNTIME_MANIFEST: manifest } = require('./zero-downtime.load');

const runs = Number(process.argv[2] || 1);
const CLIENTS = 4;
const PAUSE_MS = 1000;
const LABEL_KEY = 'io.kctl.bench';
const LABEL_VALUE = 'zero-downtime';
const LOAD_LIMITS = { clients: CLIENTS, maxMs: 180_000, maxRequests: 500_000 };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));


async function until(what, check, tries = 200, everyMs = 100) {
  for (let i = 0; i < tries; i++) {
    const v = await check().catch(() => undefined);
    if (v) return v;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function kctlRound() {
  const k = new Kctl('zero-downtime');
  try {
    await k.run(['controller', 'start']);
    await k.run(['apply', '-f', k.write('web.yaml', manifest)]);
    const port = await until('the node port', async () => JSON.parse(await k.run(['get', 'svc', 'web', '-o', 'json'])).spec.ports[0].nodePort);
    await until('the node port listener', async () => (await k.run(['controller', 'status'])).includes(`127.0.0.1:${port}`));
    const load = startLoad({ port, ...LOAD_LIMITS });
    await sleep(PAUSE_MS);
    await k.run(['set', 'image', 'deployment/web', 'web=kctl-demo/web:v2']);
    await sleep(PAUSE_MS);
    await k.run(['rollout', 'undo', 'deployment/web']);
    await k.run(['rollout', 'status', 'deployment/web', '--timeout', '120s']);
    await sleep(PAUSE_MS);
    return await load.stop();
  } finally {
    await k.run(['controller', 'stop']).catch(() => undefined);
    await k.cleanup();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function composeRound() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kctl-bench-zd-compose-'));
  const project = `kctlbenchzd${process.pid}`;
  const port = await freePort();
  const write = (tag) =>
    fs.writeFileSync(
      path.join(dir, 'docker-compose.yml'),
      `version: "3.7"\nservices:\n  web:\n    image: kctl-demo/web:${tag}\n    ports: ["127.0.0.1:${port}:8080"]\n    stop_grace_period: 5s\n    labels:\n      ${LABEL_KEY}: ${LABEL_VALUE}\nnetworks:\n  default:\n    labels:\n      ${LABEL_KEY}: ${LABEL_VALUE}\n`,
    );
  const compose = (...args) => run('docker-compose', ['-p', project, '--no-ansi', ...args], { cwd: dir });
  const answers = async (version) => {
    const { byVersion } = await startLoad({ port, clients: 1, maxRequests: 1 }).done;
    return byVersion[version] === 1;
  };
  try {
    write('v1');
    await compose('up', '-d');
    await until('compose v1 to answer', () => answers('v1'));
    const load = startLoad({ port, ...LOAD_LIMITS });
    await sleep(PAUSE_MS);
    for (const tag of ['v2', 'v1']) {
      write(tag);
      await compose('up', '-d');
      await until(`compose ${tag} to answer`, () => answers(tag));
      await sleep(PAUSE_MS);
    }
    return await load.stop();
  } finally {
    await compose('down', '-v', '-t', '5').catch(() => undefined);
    await sweep(`${LABEL_KEY}=${LABEL_VALUE}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function summary(results) {
  const sum = (key) => results.reduce((n, r) => n + (r.byVersion[key] ?? 0), 0);
  const errors = {};
  for (const r of results) for (const [e, n] of Object.entries(r.errors)) errors[e] = (errors[e] ?? 0) + n;
  return { failed: median(results.map((r) => r.failed)), failedPerRound: results.map((r) => r.failed), requests: results.reduce((n, r) => n + r.requests, 0), v1: sum('v1'), v2: sum('v2'), errors };
}

async function main() {
  const kctl = [];
  const compose = [];
  for (let i = 0; i < runs; i++) {
    kctl.push(await kctlRound());
    process.stderr.write(`kctl round ${i + 1}/${runs}: ${JSON.stringify(kctl[i])}\n`);
    compose.push(await composeRound());
    process.stderr.write(`compose round ${i + 1}/${runs}: ${JSON.stringify(compose[i])}\n`);
  }
  const k = summary(kctl);
  const c = summary(compose);
  const describe = (s) => `${s.requests} requests (v1 ${s.v1}, v2 ${s.v2}), failed per round ${s.failedPerRound.join(', ')}${Object.keys(s.errors).length ? ` (${Object.entries(s.errors).map(([e, n]) => `${e} ${n}`).join(', ')})` : ''}`;
  const result = {
    runs,
    clients: CLIENTS,
    kctl: k,
    compose: c,
    rows: [
      {
        id: 'zero-downtime',
        scenario: 'failed requests: rollout v1 -> v2 -> undo under load (compose: up -d recreate)',
        unit: 'count',
        kctl: k.failed,
        compose: c.failed,
        goal: { text: '0 failed', met: k.failed === 0 },
        note: `bench/zero-downtime.js, ${CLIENTS} clients, a connection per request; kctl (4 replicas behind a node port, controller running): ${describe(k)}; compose (one container recreated by up -d, twice): ${describe(c)}${runs > 1 ? '; medians of the failed counts' : ''}`,
      },
    ],
  };
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results/zero-downtime.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`zero-downtime: kctl ${k.failed} failed of ${k.requests} (v1 ${k.v1}, v2 ${k.v2}); compose ${c.failed} failed of ${c.requests} (v1 ${c.v1}, v2 ${c.v2})`);
}

main().catch((e) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
