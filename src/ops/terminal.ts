/**
 * -t for commands that connect kctl's stdin to a container (exec, run -i): kctl's terminal goes raw only when
 * stdin is passed and is a terminal; otherwise kubectl's warning, and the command runs without one.
 */
import type { Factory } from '../app/factory';

export interface Terminal {
  /** Whether kctl's terminal is raw (keys go to the container as typed). */
  raw: boolean;
  /** Gives the terminal back as it was. */
  restore(): void;
}

export function rawTerminal(f: Factory, tty: boolean, stdin: boolean): Terminal {
  const terminal = f.stdin as NodeJS.ReadStream;
  if (tty && !(stdin && terminal.isTTY)) f.stderr.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  const raw = tty && stdin && Boolean(terminal.isTTY);
  if (raw) terminal.setRawMode?.(true);
  return { raw, restore: () => raw && terminal.setRawMode?.(false) };
}
