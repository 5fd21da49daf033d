#!/usr/bin/env node
/**
 * Start-up benchmark (issue: kubectl parity): `kctl version --client`, `kctl get deployments`,
 * `kctl get deployments -o go-template=...` and `kctl patch deployment ... --dry-run=client` (read, patch, validate,
 * print; a real patch would reconcile) on a state file of 100 objects, each as a ratio to `node -e 0` measured in the
 * same run (interleaved, median of N). Goals: at most 1.25x, 1.8x, 2.5x and 2.5x (the template engine loads only for
 * that format). Usage: node bench/startup.js [runs]   (after npm run build)
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const runs = Number(process.argv[2] || 30);
const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin/kctl');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kctl-bench-startup-'));
const state = path.join(dir, 'state.json');

function makeState() {
  const { Store } = require(path.join(root, 'dist/store/store.js'));
  const store = new Store(state);
  return store.update((s) => {
    for (let i = 0; i < 100; i++) {
      const name = `app-${String(i).padStart(3, '0')}`;
      s.put({
        apiVersion: 'apps/v1', kind: 'Deployment',
        metadata: { name, namespace: 'default', generation: 1, labels: { app: name } },
        spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'kctl-demo/web:v1' }] } } },
        status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 },
      });
    }
  });
}

function time(args) {
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, args, { env: { ...process.env, KCTL_STATE: state, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

(async () => {
  await makeState();
  const goTemplate = 'go-template={{range .items}}{{.metadata.name}} {{.spec.replicas}}{{"\\n"}}{{end}}';
  const patch = [bin, 'patch', 'deployment', 'app-042', '--type', 'merge', '-p', '{"spec":{"replicas":3}}', '--dry-run=client', '-o', 'name'];
  const cases = { node: ['-e', '0'], version: [bin, 'version', '--client'], get: [bin, 'get', 'deployments'], getGoTemplate: [bin, 'get', 'deployments', '-o', goTemplate], patch };
  const samples = { node: [], version: [], get: [], getGoTemplate: [], patch: [] };
  for (const args of Object.values(cases)) time(args); // warm the file cache
  for (let i = 0; i < runs; i++) for (const [k, args] of Object.entries(cases)) samples[k].push(time(args));
  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  const result = {
    runs, machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    nodeMs: +m.node.toFixed(1),
    versionClientMs: +m.version.toFixed(1), versionClientRatio: +(m.version / m.node).toFixed(2), versionGoal: 1.25,
    getDeployments100Ms: +m.get.toFixed(1), getDeploymentsRatio: +(m.get / m.node).toFixed(2), getGoal: 1.8,
    getGoTemplate100Ms: +m.getGoTemplate.toFixed(1), getGoTemplateRatio: +(m.getGoTemplate / m.node).toFixed(2), getGoTemplateGoal: 2.5,
    patchDryRunMs: +m.patch.toFixed(1), patchDryRunRatio: +(m.patch / m.node).toFixed(2), patchGoal: 2.5,
  };
  console.log('scenario                         median ms   ratio to node -e 0   goal');
  console.log(`node -e 0                        ${result.nodeMs.toFixed(1).padStart(9)}   ${'1.00'.padStart(18)}`);
  console.log(`kctl version --client            ${result.versionClientMs.toFixed(1).padStart(9)}   ${result.versionClientRatio.toFixed(2).padStart(18)}   <= 1.25`);
  console.log(`kctl get deployments (100 objs)  ${result.getDeployments100Ms.toFixed(1).padStart(9)}   ${result.getDeploymentsRatio.toFixed(2).padStart(18)}   <= 1.8`);
  console.log(`kctl get ... -o go-template=...  ${result.getGoTemplate100Ms.toFixed(1).padStart(9)}   ${result.getGoTemplateRatio.toFixed(2).padStart(18)}   <= 2.5`);
  console.log(`kctl patch ... --dry-run=client  ${result.patchDryRunMs.toFixed(1).padStart(9)}   ${result.patchDryRunRatio.toFixed(2).padStart(18)}   <= 2.5`);
  fs.writeFileSync(path.join(__dirname, 'results', 'startup.json'), JSON.stringify(result, null, 2) + '\n');
  fs.rmSync(dir, { recursive: true, force: true });
})();
