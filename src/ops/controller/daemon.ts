/**
 * `kctl controller start|stop|status`: the controller process detached from the terminal, its pid file and
 * log next to the state file (controllers/process/files.ts).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Factory } from '../../app/factory';
import { ConflictError, KctlError, TimeoutError } from '../../errors';
import { controllerFiles, runningController } from '../../controllers/process/files';
import { processAlive } from '../../store/pid-lock';
import { humanDuration } from '../../printers/age';
import { parseDuration } from '../../util/duration';
import { sleep } from '../../util/sleep';
import { ingressPorts, proxyAddress, type ControllerFlags } from './run';

const BIN = path.resolve(__dirname, '../../../bin/kctl');
/**
 * A long-lived process that mostly idles: V8's default young generation (16 MB semi-spaces) would be most of
 * its memory. 2 MB costs nothing measurable in CPU and takes ~15 MB off its RSS (bench/footprint.js).
 */
const NODE_FLAGS = ['--max-semi-space-size=2'];
const START_TIMEOUT_MS = 15_000;
const POLL_MS = 50;

export async function startController(f: Factory, flags: ControllerFlags): Promise<void> {
  const statePath = f.statePath();
  const running = runningController(statePath);
  if (running) throw new ConflictError(`a controller is already running for ${statePath} (pid ${running.pid})`, 'kctl controller status shows it; kctl controller stop stops it');
  const files = controllerFiles(statePath);
  fs.mkdirSync(path.dirname(statePath), { recursive: true, mode: 0o700 });
  const log = fs.openSync(files.log, 'a', 0o600);
  const args = ['--state', statePath, ...(f.globals.context ? ['--context', f.globals.context] : []), '-v', String(f.globals.verbosity), 'controller', 'run'];
  const ports = ingressPorts(f, flags);
  args.push('--address', proxyAddress(f, flags), '--ingress-port', String(ports.http), '--ingress-tls-port', String(ports.https), '--resync-period', flags.resyncPeriod, '--metrics-interval', flags.metricsInterval);
  const child = spawn(process.execPath, [...NODE_FLAGS, BIN, ...args], { detached: true, stdio: ['ignore', log, log], env: f.env, cwd: f.cwd });
  fs.closeSync(log);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  child.unref();
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (runningController(statePath)?.pid !== child.pid) {
    if (exited !== undefined) throw new KctlError(`the controller exited at once (code ${exited})${lastLines(files.log)}`, 1, `see ${files.log}`);
    if (Date.now() > deadline) throw new TimeoutError(`the controller (pid ${child.pid}) did not start within ${START_TIMEOUT_MS / 1000}s`, `see ${files.log}`);
    await sleep(POLL_MS);
  }
  f.stdout.write(`controller started (pid ${child.pid})\nlog: ${files.log}\n`);
}

export async function stopController(f: Factory, opts: { timeout: string }): Promise<void> {
  const info = runningController(f.statePath());
  if (!info) {
    f.stdout.write('controller is not running\n');
    return;
  }
  process.kill(info.pid, 'SIGTERM');
  const deadline = Date.now() + parseDuration(opts.timeout);
  while (processAlive(info.pid)) {
    if (Date.now() > deadline) throw new TimeoutError(`the controller (pid ${info.pid}) did not stop within ${opts.timeout}`, `kill -9 ${info.pid} stops it at once; running containers are not affected`);
    await sleep(POLL_MS);
  }
  f.stdout.write(`controller stopped (pid ${info.pid})\n`);
}

export async function controllerStatus(f: Factory): Promise<void> {
  const statePath = f.statePath();
  const info = runningController(statePath);
  if (!info) {
    f.stdout.write('controller is not running\n');
    return;
  }
  const lines = [`controller is running (pid ${info.pid}, up ${humanDuration(f.now().getTime() - Date.parse(info.startedAt))})`, `state: ${statePath}`, `log: ${controllerFiles(statePath).log}`];
  for (const l of info.listeners ?? []) lines.push(`listening on ${l.address} for ${l.name}${l.failure ? ` (FAILED: ${l.failure})` : ''}`);
  f.stdout.write(lines.join('\n') + '\n');
}

function lastLines(file: string): string {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-3).join('\n');
    return text ? `:\n${text}` : '';
  } catch {
    return '';
  }
}
