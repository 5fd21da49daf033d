/**
 * Progress of long operations on stderr: one line that rewrites itself on a terminal, plain lines (each
 * change once) when piped, so scripts' stdout stays exactly the result lines.
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
      if (out.isTTY) {
        out.write(`\r\x1b[2K${line}`);
        shown = true;
      } else out.write(`${line}\n`);
    },
    done() {
      if (shown) out.write('\r\x1b[2K');
      shown = false;
    },
  };
}
