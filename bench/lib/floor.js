/**
 * The floor: what the engine itself needs to run N replicas the way kctl runs them, driven by the docker CLI in
 * a parallel loop (`xargs -P 8` style): one user-defined network, then `docker run -d` per replica with the same
 * image, a published port on 127.0.0.1 and labels. Scaling down stops gracefully then removes, newest first.
 */
const { docker, mapLimit } = require('./proc');
const { sweep } = require('./engine');
const { BENCH_LABEL, IMAGE, CONTAINER_PORT, FLOOR_PARALLELISM, uniqueSuffix, INSTANCE_LABEL_KEY } = require('./labels');

class Floor {
  constructor(name, { image = IMAGE } = {}) {
    const instance = uniqueSuffix();
    this.prefix = `kctl-bench-floor-${name}-${instance}`;
    this.network = this.prefix;
    this.image = image;
    /** Selects this floor's containers and network only. */
    this.label = `${INSTANCE_LABEL_KEY}=${instance}`;
    this.labelArgs = ['--label', BENCH_LABEL, '--label', this.label];
    this.running = []; // container names, oldest first
    this.hasNetwork = false;
  }

  /** Brings the replica count to `n` (the network is made on first use, inside the timed part, as kctl does). */
  async scaleTo(n) {
    if (!this.hasNetwork) {
      await docker('network', 'create', ...this.labelArgs, this.network);
      this.hasNetwork = true;
    }
    if (n > this.running.length) {
      const start = this.running.length;
      const names = Array.from({ length: n - start }, (_, i) => `${this.prefix}-${start + i}`);
      await mapLimit(names, FLOOR_PARALLELISM, (name) =>
        docker('run', '-d', '--name', name, ...this.labelArgs, '--network', this.network, '--network-alias', name, '-p', `127.0.0.1::${CONTAINER_PORT}`, this.image),
      );
      this.running.push(...names);
    } else {
      const gone = this.running.splice(n).reverse();
      await mapLimit(gone, FLOOR_PARALLELISM, async (name) => {
        await docker('stop', '-t', '5', name);
        await docker('rm', name);
      });
    }
  }

  async cleanup() {
    await sweep(this.label);
    this.running = [];
    this.hasNetwork = false;
  }
}

module.exports = { Floor };
