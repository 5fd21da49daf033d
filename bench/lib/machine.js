/** The machine a table was measured on: cores, memory, engine and tool versions, date, and the load beside it. */
const os = require('os');
const { docker, run } = require('./proc');

async function machine() {
  const version = (p) => p.then((s) => s.trim()).catch(() => 'not installed');
  const [dockerVersion, composeVersion, swarm, loadedContainers] = await Promise.all([
    version(docker('version', '--format', '{{.Server.Version}} (API {{.Server.APIVersion}})')),
    version(run('docker-compose', ['version', '--short'])),
    version(docker('info', '--format', '{{.Swarm.LocalNodeState}}')),
    docker('ps', '-q').then((s) => s.split('\n').filter(Boolean).length).catch(() => undefined),
  ]);
  return {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model?.trim(),
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    docker: dockerVersion,
    dockerCompose: composeVersion,
    swarmAtStart: swarm,
    node: process.version,
    containersRunningAtStart: loadedContainers,
    loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

function describeMachine(m) {
  return `${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}, Docker ${m.docker}, docker-compose ${m.dockerCompose}, node ${m.node}; ${m.date}; ${m.containersRunningAtStart} containers of others running at start, load ${m.loadAverage.join(' ')}`;
}

module.exports = { machine, describeMachine };
