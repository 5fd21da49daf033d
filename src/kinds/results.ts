/** What a level-based object controller step returns to the loop that runs it, and what a waiting command judges. */
import type { KctlError } from '../errors';

export interface SyncResult {
  /** Run this object's controller again after this many milliseconds even if nothing changes. */
  requeueAfterMs?: number;
}

export interface Verdict {
  done: boolean;
  /** The goal can no longer be reached without a change from the user: stop waiting. */
  failure?: KctlError;
  /** A line describing what is still awaited (progress output). */
  waitingFor?: string;
}
