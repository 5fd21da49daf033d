/**
 * Preload for what-if measurements (`run.js --experiment <list>`): changes kctl's behaviour in ONE way per flag,
 * only inside the benchmark's kctl processes, to measure what a code change would buy before making it.
 * Never for real use. KCTL_BENCH_EXPERIMENT is a comma-separated list of:
 *   no-sandbox      no pod sandbox: the runtime offers no putFiles, so the first app container owns the pod's
 *                   network (the fallback sandbox.ts already has): one container per pod, as the floor.
 *   prebaked-pause  the sandbox as now, but its pause executable already in the image: no putFiles (tar upload)
 *                   before its start (stands in for a pause image built once per engine).
 *   parallelism=N   the reconciler's Docker parallelism (DOCKER_PARALLELISM, 8).
 */
const path = require('path');

// The dist/ of the kctl being run (bin/kctl's sibling), so the hooks also work on another checkout's build.
const dist = path.resolve(path.dirname(process.argv[1] ?? path.join(__dirname, '../../bin/kctl')), '../dist');
const flags = (process.env.KCTL_BENCH_EXPERIMENT ?? '').split(',').filter(Boolean);
const { DockerRuntime } = require(path.join(dist, 'runtime/docker/docker-runtime.js'));
const { LABEL } = require(path.join(dist, 'runtime/runtime.js'));

for (const flag of flags) {
  const [name, value] = flag.split('=');
  if (name === 'no-sandbox') {
    delete DockerRuntime.prototype.putFiles;
  } else if (name === 'prebaked-pause') {
    const create = DockerRuntime.prototype.createContainer;
    DockerRuntime.prototype.putFiles = async () => undefined;
    DockerRuntime.prototype.createContainer = function (spec) {
      // The demo image's busybox sleep stands in for the pause executable.
      if (spec.labels?.[LABEL.role] === 'sandbox') spec = { ...spec, command: ['sleep'], args: ['100000'] };
      return create.call(this, spec);
    };
  } else if (name === 'parallelism' && Number(value) >= 1) {
    require(path.join(dist, 'controllers/manager.js')).DOCKER_PARALLELISM = Number(value);
  } else {
    throw new Error(`unknown KCTL_BENCH_EXPERIMENT flag ${flag}`);
  }
}
