/**
 * kubectl's describe PrefixWriter over a tabwriter (minwidth 0, padding 2): text is written with an
 * indentation level of two spaces each, `\t` separates what tabwriter aligns.
 */
import { tabwrite } from './tabwriter';
import { escapeTerminal } from '../terminal';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

export class DescribeWriter {
  private text = '';

  /** Writes `text` after `level` indents; only the start of `text` is indented, as in kubectl. Terminal escapes are shown, not sent. */
  write(level: number, text: string): void {
    this.text += '  '.repeat(level) + escapeTerminal(text);
  }

  /** The laid-out text; ends with a newline like kubectl's output. */
  toString(): string {
    return tabwrite(this.text, { minwidth: 0, padding: 2 });
  }
}
