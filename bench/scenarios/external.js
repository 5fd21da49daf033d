/**
 * Scenarios whose logic lives in other engineers' scripts (bench/<name>.js). Each is run as its author runs
 * it and its bench/results/<name>.json is turned into rows here; a script that does not exist yet gives a
 * "not measured yet" row.
 */
const { exists, runScript, genericRows } = require('../lib/external');
const { round } = require('../lib/stats');

/** `toRows(result, ctx)` knows the script's JSON; without it the script's own `rows` are used. */
function external(name, { id = name, title, args = () => [], toRows, goal }) {
  return {
    id,
    title,
    async run(ctx) {
      if (!exists(name)) return [{ id, scenario: title, status: 'not measured yet', goal, note: `bench/${name}.js does not exist yet` }];
      const result = await runScript(name, args(ctx));
      return toRows ? toRows(result, ctx) : genericRows(name, title, result);
    },
  };
}

const startup = external('startup', {
  title: 'CLI start-up',
  // Cheap: its own default of 30 interleaved samples.
  toRows: (r) => [
    { id: 'startup-version', scenario: 'kctl version --client', unit: 'ms', kctl: r.versionClientMs, floor: `${r.nodeMs} ms (node -e 0)`, ratio: { value: r.versionClientRatio, to: 'node -e 0' }, goal: { text: `<= ${r.versionGoal}x node -e 0`, met: r.versionClientRatio <= r.versionGoal }, note: `bench/startup.js, median of ${r.runs}` },
    { id: 'startup-get', scenario: 'kctl get deployments (100 objects)', unit: 'ms', kctl: r.getDeployments100Ms, floor: `${r.nodeMs} ms (node -e 0)`, ratio: { value: r.getDeploymentsRatio, to: 'node -e 0' }, goal: { text: `<= ${r.getGoal}x node -e 0`, met: r.getDeploymentsRatio <= r.getGoal } },
    ...(r.getGoTemplate100Ms === undefined ? [] : [{ id: 'startup-get-go-template', scenario: 'kctl get deployments -o go-template=... (100 objects)', unit: 'ms', kctl: r.getGoTemplate100Ms, floor: `${r.nodeMs} ms (node -e 0)`, ratio: { value: r.getGoTemplateRatio, to: 'node -e 0' }, goal: { text: `<= ${r.getGoTemplateGoal}x node -e 0`, met: r.getGoTemplateRatio <= r.getGoTemplateGoal } }]),
  ],
});

const rollout = external('rollout', {
  title: 'rolling update and rollback of 10 replicas',
  args: (ctx) => [ctx.runs],
  toRows: (r) => {
    const row = (id, scenario, kctl, swarm, speedup) => ({
      id,
      scenario,
      unit: 's',
      kctl,
      swarm,
      ratio: { value: round(kctl / swarm, 3), to: 'swarm' },
      goal: { text: `swarm/kctl >= ${r.goal}x`, met: speedup >= r.goal },
    });
    return [
      { ...row('rollout-update', `rolling update v1 -> v2, ${r.replicas} replicas`, r.seconds.kctlUpdate, r.seconds.swarmUpdate, r.speedup.update), note: `bench/rollout.js (readiness probe every 1 s; swarm with its default update settings), median of ${r.runs}; compose has no rolling update` },
      row('rollout-undo', `rollback (rollout undo / service rollback), ${r.replicas} replicas`, r.seconds.kctlUndo, r.seconds.swarmRollback, r.speedup.undo),
    ];
  },
});

// Removals are cheap: at least its own default of 5.
const heal = external('heal', { title: 'self-heal time', args: (ctx) => [Math.max(ctx.runs, 5)] });
const zeroDowntime = external('zero-downtime', { id: 'zero-downtime', title: 'zero-downtime request counts', args: (ctx) => [ctx.runs], goal: { text: '0 failed requests' } });
const footprint = external('footprint', { title: 'footprint', args: (ctx) => [ctx.runs] });

module.exports = { startup, rollout, heal, zeroDowntime, footprint };
