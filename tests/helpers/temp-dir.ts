/**
 * Temp directories that remove themselves: one made during a test goes after that test, one made while a file
 * is collected or in a beforeAll goes after the file's last test. Importing this module registers the hooks,
 * so every test file that makes a directory through it cleans up without a hook of its own.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const made: string[] = [];
/** How many of `made` existed when the running test started (undefined between tests). */
let atTestStart: number | undefined;

export function tempDir(prefix = 'kctl-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

function removeFrom(index: number): void {
  for (const dir of made.splice(index)) fs.rmSync(dir, { recursive: true, force: true });
}

beforeEach(() => {
  atTestStart = made.length;
});
afterEach(() => {
  if (atTestStart !== undefined) removeFrom(atTestStart);
  atTestStart = undefined;
});
afterAll(() => removeFrom(0));
