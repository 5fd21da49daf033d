/**
 * Preload for what-if measurements (`run.js --experiment <list>`): changes kctl's behaviour in ONE way per flag,
 * only inside the benchmark's kctl processes, to measure what a code change would buy before making it.
 * Never for real use. KCTL_BENCH_EXPERIMENT is a comma-separated list of:
 *   parallelism=N   the local backend's Docker parallelism (DOCKER_PARALLELISM, 8).
 */
const path = require('path');

// The dist/ of the kctl being run (bin/kctl's sibling), so the hooks also work on another checkout's build.
const dist = path.resolve(path.dirname(process.argv[1] ?? path.join(__dirname, '../../bin/kctl')), '../dist');
const flags = (process.env.KCTL_BENCH_EXPERIMENT ?? '').split(',').filter(Boolean);

for (const flag of flags) {
  const [name, value] = flag.split('=');
  if (name === 'parallelism' && Number(value) >= 1) {
    require(path.join(dist, 'backends/local/sync-pods.js')).DOCKER_PARALLELISM = Number(value);
  } else {
    throw new Error(`unknown KCTL_BENCH_EXPERIMENT flag ${flag}`);
  }
}
