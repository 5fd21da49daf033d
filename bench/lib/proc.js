/** Running commands for the benchmark: promise-based, output captured, failures carrying the command's stderr. */
const { execFile } = require('child_process');

/** Runs `cmd args`; resolves with stdout, rejects with an Error whose message includes stderr. */
function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20, timeout: opts.timeoutMs ?? 600_000, env: opts.env, cwd: opts.cwd }, (err, stdout, stderr) => {
      if (err) {
        const e = new Error(`${cmd} ${args.join(' ')} failed (${err.code ?? err.signal}): ${String(stderr).trim().split('\n').slice(-5).join('\n')}`);
        e.stdout = stdout;
        e.stderr = stderr;
        return reject(e);
      }
      resolve(stdout);
    });
  });
}

const docker = (...args) => run('docker', args);

/** Runs `fn` over `items` with at most `limit` in flight, keeping order (the shape of `xargs -P`). */
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

module.exports = { run, docker, mapLimit, lines };
