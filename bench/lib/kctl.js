/**
 * Driving the built kctl (bin/kctl) as a user does, with its own temp state file, so everything it creates
 * carries io.kctl.state=<that file's scope> and can be swept afterwards. With `profile`, each command runs
 * under profile-hooks.js and its timings are collected (run.js --profile); with `experiment`, under
 * experiment-hooks.js (run.js --experiment).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { run } = require('./proc');
const { containerIds, sweep } = require('./engine');

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/kctl');
const HOOKS = path.join(__dirname, 'profile-hooks.js');
const EXPERIMENTS = path.join(__dirname, 'experiment-hooks.js');

class Kctl {
  /**
   * profile: time kctl's internals (profile-hooks.js); experiment: KCTL_BENCH_EXPERIMENT (experiment-hooks.js);
   * root: the checkout whose built kctl runs (another tree, for bench/side-by-side.js).
   */
  constructor(name, { profile = false, experiment, root = ROOT } = {}) {
    this.bin = path.join(root, 'bin/kctl');
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `kctl-bench-${name}-`));
    this.statePath = path.join(this.dir, 'state.json');
    const { scopeFor } = require(path.join(ROOT, 'dist/backends/local/scope.js'));
    this.label = `io.kctl.state=${scopeFor(this.statePath).id}`;
    this.profile = profile;
    this.experiment = experiment;
    this.profiles = [];
  }

  /** `kctl <args>`; resolves with stdout, rejects (with stderr) on a non-zero exit. */
  async run(args, { timeoutMs = 600_000 } = {}) {
    const env = { ...process.env, KCTL_STATE: this.statePath, NO_COLOR: '1' };
    const nodeArgs = [];
    if (this.experiment) {
      env.KCTL_BENCH_EXPERIMENT = this.experiment;
      nodeArgs.push('-r', EXPERIMENTS);
    }
    let out;
    if (this.profile) {
      out = path.join(this.dir, `profile-${this.profiles.length}.json`);
      env.KCTL_PROFILE_OUT = out;
      nodeArgs.push('-r', HOOKS);
    }
    const stdout = await run(process.execPath, [...nodeArgs, this.bin, ...args], { env, cwd: this.dir, timeoutMs });
    if (out && fs.existsSync(out)) this.profiles.push({ command: `kctl ${args.join(' ')}`, ...JSON.parse(fs.readFileSync(out, 'utf8')) });
    return stdout;
  }

  write(name, content) {
    const file = path.join(this.dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  }

  /** Running app containers (one per Running pod; sandboxes are not counted). */
  async runningPods() {
    return (await containerIds(this.label, { running: true, extra: ['label=io.kctl.role=app'] })).length;
  }

  /** Removes everything of this state file from the engine and the temp directory. */
  async cleanup() {
    await sweep(this.label);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

module.exports = { Kctl, ROOT, BIN };
