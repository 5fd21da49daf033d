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

/** kctl's own bounded map, loaded when first used so that run.js can first say when dist/ is not built. */
const mapLimit = (...args) => require('../../dist/util/map-limit').mapLimit(...args);

const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

module.exports = { run, docker, mapLimit, lines };
