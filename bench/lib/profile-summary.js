/** A readable summary of the profiles run.js --profile collected (profile-hooks.js output per kctl command). */
function summarize(profile) {
  const top = profile.summary.slice(0, 10).map((s) => `    ${s.op.padEnd(40)} ${String(s.count).padStart(4)} calls  ${s.totalMs.toFixed(0).padStart(7)} ms total  ${s.meanMs.toFixed(1).padStart(7)} ms mean  ${s.maxMs.toFixed(0).padStart(6)} ms max`);
  const passes = profile.passes.map((p) => `${p.ms.toFixed(0)}`).join(' + ');
  return [`  ${profile.command}: ${profile.wallMs.toFixed(0)} ms wall; ${profile.passes.length} reconcile passes (${passes} ms); at most ${profile.maxInflightCalls} calls in flight`, ...top].join('\n');
}

module.exports = { summarize };
