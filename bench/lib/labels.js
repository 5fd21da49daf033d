/**
 * Everything the benchmark creates outside kctl carries this label, so it can be removed by label afterwards
 * (and after a crashed run). kctl's own objects carry io.kctl.state=<scope of the bench's temp state file>.
 * The value is this runner's alone: other engineers' scripts (bench/rollout.js uses io.kctl.bench=rollout)
 * are never swept by it.
 */
const BENCH_LABEL_KEY = 'io.kctl.bench';
const BENCH_LABEL_VALUE = 'run';
const BENCH_LABEL = `${BENCH_LABEL_KEY}=${BENCH_LABEL_VALUE}`;
/** The image every replica scenario runs (scripts/build-images.sh). */
const IMAGE = 'kctl-demo/web:v1';
const CONTAINER_PORT = 8080;
/** The parallelism of the floor's `docker run` loop; kctl's own bound is the same (DOCKER_PARALLELISM). */
const FLOOR_PARALLELISM = 8;
/** Unique per process and instance, so that nothing an engine failed to remove earlier is ever reused. */
let made = 0;
const uniqueSuffix = () => `${process.pid.toString(36)}${(made++).toString(36)}`;
/** Each floor or compose project also carries its own instance label: its cleanup sweeps only its own things. */
const INSTANCE_LABEL_KEY = 'io.kctl.bench.instance';

module.exports = { BENCH_LABEL_KEY, BENCH_LABEL_VALUE, BENCH_LABEL, IMAGE, CONTAINER_PORT, FLOOR_PARALLELISM, uniqueSuffix, INSTANCE_LABEL_KEY };
