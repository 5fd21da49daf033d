/**
 * Preload for profiling kctl (`node -r bench/lib/profile-hooks.js bin/kctl ...`): wraps the Docker runtime's
 * methods, Reconciler.pass and the state store's update/write with timers, and on exit prints to stderr (or
 * writes to $KCTL_PROFILE_OUT as JSON) a per-operation summary and the pass timeline. Changes nothing else.
 */
const path = require('path');
const fs = require('fs');

// The dist/ of the kctl being run (bin/kctl's sibling), so the hooks also work on another checkout's build.
const dist = path.resolve(path.dirname(process.argv[1] ?? path.join(__dirname, '../../bin/kctl')), '../dist');
const t0 = process.hrtime.bigint();
const now = () => Number(process.hrtime.bigint() - t0) / 1e6;
const calls = [];
const passes = [];
let inflight = 0;
let maxInflight = 0;

function wrap(proto, name, label, onDone) {
  const original = proto[name];
  if (typeof original !== 'function') return;
  proto[name] = function (...args) {
    const start = now();
    inflight++;
    maxInflight = Math.max(maxInflight, inflight);
    const done = () => {
      inflight--;
      const entry = { op: label, start, ms: now() - start };
      calls.push(entry);
      if (onDone) onDone(entry, args);
    };
    let result;
    try {
      result = original.apply(this, args);
    } catch (e) {
      done();
      throw e;
    }
    if (result && typeof result.then === 'function') return result.finally(done);
    done();
    return result;
  };
}

const { DockerRuntime } = require(path.join(dist, 'runtime/docker/docker-runtime.js'));
for (const name of Object.getOwnPropertyNames(DockerRuntime.prototype)) {
  if (name !== 'constructor' && !['call', 'connect'].includes(name)) wrap(DockerRuntime.prototype, name, `docker.${name}`);
}
const { Store } = require(path.join(dist, 'store/store.js'));
wrap(Store.prototype, 'update', 'store.update');
wrap(Store.prototype, 'write', 'store.write (fsync)');
wrap(Store.prototype, 'read', 'store.read');
const { Reconciler } = require(path.join(dist, 'controllers/manager.js'));
wrap(Reconciler.prototype, 'pass', 'Reconciler.pass', (e) => passes.push(e));
const client = require(path.join(dist, 'runtime/docker/client.js'));
wrap(client, 'openClient', 'docker.openClient (connect + version)');
for (const [file, names] of [['app/controller-context.js', ['controllerContext']], ['ops/load.js', ['loadObjects']], ['backends/local/pod/sync.js', ['syncPod']]]) {
  const mod = require(path.join(dist, file));
  for (const name of names) wrap(mod, name, name);
}
process.nextTick(() => calls.push({ op: 'process start (after preload)', start: now(), ms: 0 }));

process.on('exit', () => {
  const byOp = new Map();
  for (const c of calls) {
    const s = byOp.get(c.op) ?? { op: c.op, count: 0, totalMs: 0, maxMs: 0 };
    s.count++;
    s.totalMs += c.ms;
    s.maxMs = Math.max(s.maxMs, c.ms);
    byOp.set(c.op, s);
  }
  const summary = [...byOp.values()].sort((a, b) => b.totalMs - a.totalMs).map((s) => ({ ...s, totalMs: +s.totalMs.toFixed(1), meanMs: +(s.totalMs / s.count).toFixed(1), maxMs: +s.maxMs.toFixed(1) }));
  const timeline = calls.filter((c) => !c.op.startsWith('store.read')).sort((a, b) => a.start - b.start).map((c) => `${c.start.toFixed(0).padStart(6)} +${c.ms.toFixed(0).padStart(5)} ${c.op}`);
  const report = { wallMs: +now().toFixed(1), maxInflightCalls: maxInflight, timeline: process.env.KCTL_PROFILE_TIMELINE ? timeline : undefined, passes: passes.map((p) => ({ startMs: +p.start.toFixed(1), ms: +p.ms.toFixed(1) })), summary };
  if (process.env.KCTL_PROFILE_OUT) fs.writeFileSync(process.env.KCTL_PROFILE_OUT, JSON.stringify(report, null, 2));
  else process.stderr.write(JSON.stringify(report, null, 2) + '\n');
});
