/** Docker engine helpers shared by the drivers: counting, sweeping by label, and container events. */
const { docker, lines } = require('./proc');

/** Ids of containers (all states) carrying `label` (k=v), optionally only running ones. */
async function containerIds(label, { running = false, extra = [] } = {}) {
  const args = ['ps', '-q', '--no-trunc', '--filter', `label=${label}`, ...extra.flatMap((f) => ['--filter', f])];
  if (!running) args.splice(1, 0, '-a');
  return lines(await docker(...args));
}

/**
 * Removes every container, network and volume labelled `label`. Safe to call when nothing is left. A network
 * or volume the engine still refuses after retrying is reported on stderr, not thrown: an engine can leak an
 * endpoint ("has active endpoints" with no container left) that only a restart of dockerd clears, and that
 * must not fail every later run (names are unique per run, so a leftover never collides).
 */
async function sweep(label) {
  const ids = await containerIds(label);
  if (ids.length) await docker('rm', '-f', '-v', ...ids);
  await removeAll(['network'], label);
  await removeAll(['volume'], label, ['-f']);
}

/** `docker network|volume rm` of everything labelled `label`, retried for up to 10 s (teardown lags removal). */
async function removeAll(kind, label, flags = []) {
  for (let attempt = 0; ; attempt++) {
    const names = lines(await docker(...kind, 'ls', '-q', '--filter', `label=${label}`));
    if (!names.length) return;
    const refused = [];
    for (const name of names) await docker(...kind, 'rm', ...flags, name).catch((e) => refused.push(e.message.split('\n')[0]));
    if (!refused.length) return;
    if (attempt >= 20) {
      process.stderr.write(`warning: left behind (the engine refuses to remove them; restarting dockerd clears leaked endpoints):\n  ${refused.join('\n  ')}\n`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The engine's clock as `docker events` wants it: seconds since the epoch with a fraction. */
const eventTime = (ms) => (ms / 1000).toFixed(3);

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

module.exports = { containerIds, sweep, containerEvents };
