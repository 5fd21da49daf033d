/**
 * A second, lower floor for the profile: the same containers made straight through the engine API (dockerode,
 * create + start, 8 at once) with no CLI process per container. The gap between it and kctl is kctl's own cost;
 * the gap between it and the `docker run` floor is what the docker CLI costs per container.
 */
const path = require('path');
const { mapLimit } = require('./proc');
const { sweep } = require('./engine');
const { BENCH_LABEL_KEY, BENCH_LABEL_VALUE, IMAGE, CONTAINER_PORT, FLOOR_PARALLELISM, uniqueSuffix, INSTANCE_LABEL_KEY } = require('./labels');
const { ROOT } = require('./kctl');

class ApiFloor {
  constructor(name) {
    const Docker = require(path.join(ROOT, 'node_modules/dockerode'));
    this.docker = new Docker();
    const instance = uniqueSuffix();
    this.prefix = `kctl-bench-api-${name}-${instance}`;
    /** Selects this floor's containers and network only. */
    this.label = `${INSTANCE_LABEL_KEY}=${instance}`;
    this.labels = { [BENCH_LABEL_KEY]: BENCH_LABEL_VALUE, [INSTANCE_LABEL_KEY]: instance };
  }

  async up(n) {
    await this.docker.createNetwork({ Name: this.prefix, Labels: this.labels });
    const port = `${CONTAINER_PORT}/tcp`;
    await mapLimit(Array.from({ length: n }, (_, i) => `${this.prefix}-${i}`), FLOOR_PARALLELISM, async (name) => {
      const c = await this.docker.createContainer({
        name,
        Image: IMAGE,
        Labels: this.labels,
        ExposedPorts: { [port]: {} },
        HostConfig: { NetworkMode: this.prefix, PortBindings: { [port]: [{ HostIp: '127.0.0.1', HostPort: '' }] } },
        NetworkingConfig: { EndpointsConfig: { [this.prefix]: { Aliases: [name] } } },
      });
      await c.start();
    });
  }

  cleanup() {
    return sweep(this.label);
  }
}

module.exports = { ApiFloor };
