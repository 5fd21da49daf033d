/**
 * The controller process's files, next to the state file: `<state>.controller.pid` (JSON: pid, start time,
 * bind address, node port listeners; rewritten when those change) and `<state>.controller.log` (the output
 * of a detached controller).
 */
import * as fs from 'fs';
import { processAlive } from '../../store/pid-lock';
import { writeFileAtomic } from '../../util/atomic-write';

export interface ControllerInfo {
  pid: number;
  startedAt: string;
  address: string;
  listeners?: { address: string; name: string; failure?: string }[];
}

export function controllerFiles(statePath: string): { pid: string; log: string } {
  return { pid: `${statePath}.controller.pid`, log: `${statePath}.controller.log` };
}

/** The running controller of this state file, or undefined (no file, or its process is gone). */
export function runningController(statePath: string): ControllerInfo | undefined {
  const info = readInfo(controllerFiles(statePath).pid);
  return info && processAlive(info.pid) ? info : undefined;
}

function readInfo(file: string): ControllerInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8'));
    return typeof info?.pid === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Written atomically so a reader never sees half of it. */
export function writeInfo(file: string, info: ControllerInfo): void {
  writeFileAtomic(file, JSON.stringify(info) + '\n');
}

/** Removes the pid file if it is still this process's. */
export function removeInfo(file: string, pid = process.pid): void {
  if (readInfo(file)?.pid !== pid) return;
  try {
    fs.unlinkSync(file);
  } catch {
    /* already gone */
  }
}
