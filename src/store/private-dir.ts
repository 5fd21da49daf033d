/**
 * The state directory is trusted with Secrets and with what kctl runs, so, as ssh refuses a loose ~/.ssh,
 * kctl refuses a state directory (or a file of it: the state, its lock and lease, the controller's pid file
 * and log, the pods/ tree) that is not the current user's or that group or others may write, and any of
 * those files that is a symbolic link (kctl makes none, so one there was put by someone else). The error says
 * the command that fixes it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { StateFileError } from '../errors';

/** What kctl keeps next to a state file. */
export function stateFiles(statePath: string): string[] {
  const suffixes = ['', '.lock', '.reconciler', '.controller.pid', '.controller.log'];
  return [...suffixes.map((s) => statePath + s), path.join(path.dirname(statePath), 'pods')];
}

export function checkPrivate(statePath: string): void {
  const uid = process.getuid?.();
  const dir = path.dirname(statePath);
  const dirStat = fs.statSync(dir, { throwIfNoEntry: false });
  if (dirStat) checkOwnerAndMode(dir, 'state directory', dirStat, uid);
  for (const file of stateFiles(statePath)) {
    const stat = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isSymbolicLink()) {
      throw new StateFileError(`${file} is a symbolic link; kctl makes none in its state directory, so it does not follow it`, `remove it (rm ${shellQuote(file)}) or use another --state`);
    }
    checkOwnerAndMode(file, stat.isDirectory() ? 'directory' : 'file', stat, uid);
  }
}

function checkOwnerAndMode(file: string, what: string, stat: fs.Stats, uid: number | undefined): void {
  if (uid !== undefined && stat.uid !== uid) {
    throw new StateFileError(`the ${what} ${file} is owned by uid ${stat.uid}, not by you (uid ${uid})`, `chown ${uid} ${shellQuote(file)}, or use a --state of your own`);
  }
  if (stat.mode & 0o022) {
    const mode = (stat.mode & 0o7777).toString(8).padStart(4, '0');
    throw new StateFileError(`the ${what} ${file} can be written by ${stat.mode & 0o020 ? (stat.mode & 0o002 ? 'group and others' : 'its group') : 'others'} (mode ${mode})`, `chmod go-w ${shellQuote(file)}`);
  }
}

/** A path as a shell reads it back: as it is when plain, else in single quotes (each single quote closed, escaped, reopened). */
function shellQuote(s: string): string {
  const SINGLE = String.fromCharCode(39);
  return /^[\w@%+=:,./-]+$/.test(s) ? s : SINGLE + s.split(SINGLE).join(SINGLE + '\\' + SINGLE + SINGLE) + SINGLE;
}
