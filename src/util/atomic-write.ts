/**
 * Writes a file so that a reader, or a crash, sees the old content or the new, never half: a temp file with an
 * unpredictable name created exclusively (nothing placed there beforehand is written through), fsync, rename,
 * fsync of the directory.
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';

export function writeFileAtomic(file: string, text: string, mode = 0o600): void {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  const fd = fs.openSync(tmp, 'wx', mode);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.chmodSync(file, mode);
  try {
    const dfd = fs.openSync(path.dirname(file), 'r');
    fs.fsyncSync(dfd);
    fs.closeSync(dfd);
  } catch {
    /* some filesystems cannot fsync a directory */
  }
}
