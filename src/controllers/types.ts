/** What a level-based controller step returns to the loop that runs it. */
export interface SyncResult {
  /** Run this object's controller again after this many milliseconds even if nothing changes. */
  requeueAfterMs?: number;
}
