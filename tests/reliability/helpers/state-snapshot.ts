/**
 * "The state file byte-for-byte unchanged": the SHA-256 of the state file and the names in its directory,
 * so that a command that rewrote the file, or left a lock or temp file behind, is caught.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export interface StateSnapshot {
  sha256: string;
  files: string[];
}

export function snapshotState(statePath: string): StateSnapshot {
  const bytes = fs.readFileSync(statePath);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), files: fs.readdirSync(path.dirname(statePath)).sort() };
}
