/**
 * Scenarios other engineers own (bench/<name>.js) run as child processes, exactly as their authors run them,
 * so no logic is copied here: `node bench/<name>.js [runs]`, then their bench/results/<name>.json is read.
 * A script that does not exist yet gives a "not measured yet" row instead of failing the run.
 */
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { ROOT } = require('./kctl');

const scriptPath = (name) => path.join(ROOT, 'bench', `${name}.js`);
const resultPath = (name) => path.join(ROOT, 'bench', 'results', `${name}.json`);

function exists(name) {
  return fs.existsSync(scriptPath(name));
}

/** Runs the script (its output goes to our stderr, prefixed) and returns its fresh result JSON. */
async function runScript(name, args = [], { timeoutMs = 30 * 60_000 } = {}) {
  const started = Date.now();
  const code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [scriptPath(name), ...args.map(String)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    const relay = (stream) => stream.on('data', (d) => process.stderr.write(String(d).replace(/^(?=.)/gm, `  [${name}] `)));
    relay(child.stdout);
    relay(child.stderr);
    child.on('error', reject);
    child.on('close', (c, signal) => {
      clearTimeout(timer);
      resolve(c ?? signal);
    });
  });
  if (code !== 0) throw new Error(`bench/${name}.js exited with ${code}`);
  const file = resultPath(name);
  if (!fs.existsSync(file) || fs.statSync(file).mtimeMs < started) throw new Error(`bench/${name}.js wrote no bench/results/${name}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * For a script whose result shape this runner does not know: its own `rows` (in table.js's row shape) when it
 * gives them, else one row pointing at its JSON.
 */
function genericRows(name, title, result) {
  if (Array.isArray(result.rows)) return result.rows.map((r) => ({ ...r, scenario: r.scenario ?? title }));
  return [{ scenario: title, status: `see bench/results/${name}.json`, note: `bench/${name}.js gave no "rows" array; its result: ${JSON.stringify(result).slice(0, 300)}` }];
}

module.exports = { exists, runScript, genericRows };
