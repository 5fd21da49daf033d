/**
 * Notices when the state file changes (a `kctl apply` beside the running controller): fs.watch on its
 * directory (the file is replaced by a rename, so watching the file itself would lose it after the first
 * write), plus a slow poll of its size, inode and mtime for filesystems where fs.watch says nothing.
 */
import * as fs from 'fs';
import * as path from 'path';

export class StateWatcher {
  private watcher?: fs.FSWatcher;
  private poll?: NodeJS.Timeout;
  private last: string;

  constructor(private readonly file: string, private readonly onChange: () => void, pollMs = 1000) {
    this.last = this.signature();
    const dir = path.dirname(file);
    const base = path.basename(file);
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      this.watcher = fs.watch(dir, (_event, name) => {
        if (name === null || name === base) this.check();
      });
      this.watcher.on('error', () => this.watcher?.close()); // the poll carries on alone
    } catch {
      /* no fs.watch here: the poll alone */
    }
    this.poll = setInterval(() => this.check(), pollMs);
    this.poll.unref();
  }

  close(): void {
    this.watcher?.close();
    clearInterval(this.poll);
  }

  private check(): void {
    const now = this.signature();
    if (now === this.last) return;
    this.last = now;
    this.onChange();
  }

  private signature(): string {
    try {
      const s = fs.statSync(this.file);
      return `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch {
      return 'absent';
    }
  }
}
