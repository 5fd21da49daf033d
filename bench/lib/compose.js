/**
 * Debian's docker-compose (1.29): one service `web` of the same image with a published port on 127.0.0.1, on the
 * project's own network, scaled with `up -d --scale web=N`. Or, for the no-op re-apply, many services.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { run } = require('./proc');
const { sweep } = require('./engine');
const { BENCH_LABEL_KEY, BENCH_LABEL_VALUE, IMAGE, CONTAINER_PORT, uniqueSuffix } = require('./labels');

function serviceYaml(name, image) {
  return `  ${name}:
    image: ${image}
    ports: ["127.0.0.1::${CONTAINER_PORT}"]
    stop_grace_period: 5s
    labels:
      ${BENCH_LABEL_KEY}: ${BENCH_LABEL_VALUE}
`;
}

class Compose {
  constructor(name, { services = ['web'], image = IMAGE } = {}) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `kctl-bench-compose-${name}-`));
    this.project = `kctlbench${name.replace(/[^a-z0-9]/g, '')}${uniqueSuffix()}`;
    this.services = services;
    fs.writeFileSync(
      path.join(this.dir, 'docker-compose.yml'),
      `version: "3.7"\nservices:\n${services.map((s) => serviceYaml(s, image)).join('')}networks:\n  default:\n    labels:\n      ${BENCH_LABEL_KEY}: ${BENCH_LABEL_VALUE}\n`,
    );
  }

  compose(args) {
    return run('docker-compose', ['-p', this.project, '--no-ansi', ...args], { cwd: this.dir });
  }

  /** `up -d`, with `--scale web=N` when given (all services at one replica otherwise). */
  up(replicas) {
    return this.compose(['up', '-d', '--no-recreate', ...(replicas === undefined ? [] : ['--scale', `web=${replicas}`])]);
  }

  async cleanup() {
    await this.compose(['down', '-v', '--remove-orphans', '-t', '5']).catch(() => undefined);
    await sweep(`com.docker.compose.project=${this.project}`); // compose labels its containers and network so
  }

  remove() {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

module.exports = { Compose };
