/**
 * Progress of long operations (apply/delete waiting, ...) on stderr: one line that rewrites itself on a
 * terminal. When stderr is not a terminal nothing is printed, so piped output is exactly the result lines.
 */
import type { Output } from './factory';

export interface Progress {
  update(line: string): void;
  done(): void;
}

export function progressOn(out: Output): Progress {
  let shown = false;
  return {
    update(line) {
      if (!out.isTTY) return;
      out.write(`\r\x1b[2K${line}`);
      shown = true;
    },
    done() {
      if (shown) out.write('\r\x1b[2K');
      shown = false;
    },
  };
}
