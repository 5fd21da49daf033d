/** Docker engine helpers shared by the drivers: counting, sweeping by label, and container events. */
const { docker, lines } = require('./proc');

/** Ids of containers (all states) carrying `label` (k=v), optionally only running ones. */
async function containerIds(label, { running = false, extra = [] } = {}) {
  const args = ['ps', '-q', '--no-trunc', '--filter', `label=${label}`, ...extra.flatMap((f) => ['--filter', f])];
  if (!running) args.splice(1, 0, '-a');
  return lines(await docker(...args));
}

/** Removes every container, network and volume labelled `label`. Safe to call when nothing is left. */
async function sweep(label) {
  const ids = await containerIds(label);
  if (ids.length) await docker('rm', '-f', '-v', ...ids);
  const nets = lines(await docker('network', 'ls', '-q', '--filter', `label=${label}`));
  if (nets.length) await docker('network', 'rm', ...nets).catch(() => undefined);
  const vols = lines(await docker('volume', 'ls', '-q', '--filter', `label=${label}`));
  if (vols.length) await docker('volume', 'rm', '-f', ...vols).catch(() => undefined);
}

/** The engine's clock as `docker events` wants it: seconds since the epoch with a fraction. */
const eventTime = (ms = Date.now()) => (ms / 1000).toFixed(3);

/**
 * Container create/destroy events (and all lifecycle actions, for the record) between two instants for
 * containers labelled `label`. `--until` in the past makes `docker events` return at once.
 */
async function containerEvents(label, sinceMs, untilMs) {
  const out = await docker('events', '--since', eventTime(sinceMs), '--until', eventTime(untilMs), '--filter', 'type=container', '--filter', `label=${label}`, '--format', '{{.Action}}');
  const actions = lines(out);
  const count = (a) => actions.filter((x) => x === a).length;
  return { create: count('create'), destroy: count('destroy'), start: count('start'), all: actions.length };
}

/** Containers on the engine that are not this benchmark's: other people's work competes for the same cores. */
async function foreignContainers(ownLabels) {
  const all = lines(await docker('ps', '-q', '--no-trunc'));
  const own = new Set();
  for (const l of ownLabels) for (const id of await containerIds(l, { running: true })) own.add(id);
  return all.filter((id) => !own.has(id)).length;
}

module.exports = { containerIds, sweep, containerEvents, foreignContainers, eventTime };
