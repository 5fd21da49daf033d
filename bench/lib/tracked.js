/**
 * Everything a scenario creates is tracked until it is cleaned up, so an interrupted or failed run still
 * removes its containers, networks, compose projects and swarm services (run.js calls cleanupAll()).
 */
const live = new Set();

/** Registers `thing` (anything with async cleanup()) and returns it. */
function track(thing) {
  live.add(thing);
  return thing;
}

/** Cleans `thing` up (not timed by callers) and forgets it. */
async function release(thing) {
  live.delete(thing);
  await thing.cleanup();
}

async function cleanupAll() {
  for (const thing of [...live]) await release(thing).catch((e) => process.stderr.write(`cleanup: ${e.message}\n`));
}

module.exports = { track, release, cleanupAll };
