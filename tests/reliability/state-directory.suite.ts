/**
 * A state directory somebody else controls, and hostile input around it, on the real engine: a loose mode, a
 * foreign owner, symbolic links planted where kctl keeps its files, a lock naming a process that is not kctl,
 * manifests that are not files, terminal escapes. For each: the exit code and message, the state file unchanged
 * byte for byte, nothing written through a planted link, and a bystander Deployment still running and serving.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EngineKctl } from './helpers/kctl';
import { bystanderReconciles, bystanderServes, startBystander } from './helpers/bystander';

const k = new EngineKctl('kctl-state-dir-');
const dir = () => path.dirname(k.statePath);


beforeAll(() => startBystander(k), 120_000);

afterAll(async () => {
  await k.cleanup();
  fs.rmSync(path.dirname(victim), { recursive: true, force: true });
}, 120_000);

interface Case {
  name: string;
  /** Makes the fault; returns what undoes it. */
  arrange(): () => void;
  stderr: () => string;
  /** A file a planted link points to: it must not change. */
  target?: string;
}

const victim = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kctl-victim-')), 'precious');
fs.writeFileSync(victim, 'do not touch\n');
/** Giving a file to another user takes root (CI runs as root). */
const ROOT_USER = process.getuid?.() === 0;

const CASES: Case[] = [
  {
    name: 'the state directory writable by everyone',
    arrange: () => (fs.chmodSync(dir(), 0o777), () => fs.chmodSync(dir(), 0o700)),
    stderr: () => `error: the state directory ${dir()} can be written by group and others (mode 0777)\nhint: chmod go-w ${dir()}\n`,
  },
  {
    name: 'the state file writable by its group',
    arrange: () => (fs.chmodSync(k.statePath, 0o660), () => fs.chmodSync(k.statePath, 0o600)),
    stderr: () => `error: the file ${k.statePath} can be written by its group (mode 0660)\nhint: chmod go-w ${k.statePath}\n`,
  },
  ...(!ROOT_USER ? [] : [{
    name: 'the state file owned by another user',
    arrange: () => (fs.chownSync(k.statePath, 4242, 4242), () => fs.chownSync(k.statePath, 0, 0)),
    stderr: () => `error: the file ${k.statePath} is owned by uid 4242, not by you (uid 0)\nhint: chown 0 ${k.statePath}, or use a --state of your own\n`,
  }]),
  {
    name: 'the lock planted as a link to another file',
    arrange: () => (fs.symlinkSync(victim, `${k.statePath}.lock`), () => fs.unlinkSync(`${k.statePath}.lock`)),
    stderr: () => `error: ${k.statePath}.lock is a symbolic link; kctl makes none in its state directory, so it does not follow it\nhint: remove it (rm ${k.statePath}.lock) or use another --state\n`,
    target: victim,
  },
  {
    name: 'the controller log planted as a link',
    arrange: () => (fs.symlinkSync(victim, `${k.statePath}.controller.log`), () => fs.unlinkSync(`${k.statePath}.controller.log`)),
    stderr: () => `error: ${k.statePath}.controller.log is a symbolic link; kctl makes none in its state directory, so it does not follow it\nhint: remove it (rm ${k.statePath}.controller.log) or use another --state\n`,
    target: victim,
  },
  {
    name: 'the pods tree writable by others',
    arrange: () => {
      const pods = path.join(dir(), 'pods');
      const mode = fs.statSync(pods, { throwIfNoEntry: false })?.mode;
      if (mode === undefined) fs.mkdirSync(pods);
      fs.chmodSync(pods, 0o757);
      return () => (mode === undefined ? fs.rmdirSync(pods) : fs.chmodSync(pods, mode & 0o7777));
    },
    stderr: () => `error: the directory ${path.join(dir(), 'pods')} can be written by others (mode 0757)\nhint: chmod go-w ${path.join(dir(), 'pods')}\n`,
  },
];

describe('a state directory somebody else controls is refused by every command, and left as it is', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = fs.readFileSync(k.statePath);
    const undo = c.arrange();
    try {
      for (const args of [['get', 'pods'], ['scale', 'deployment/bystander', '--replicas', '3']]) {
        const r = await k.run(args);
        expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr: c.stderr() });
      }
    } finally {
      undo();
    }
    expect(fs.readFileSync(k.statePath).equals(before)).toBe(true);
    if (c.target) expect(fs.readFileSync(c.target, 'utf8')).toBe('do not touch\n');
    expect(await bystanderServes(k)).toBe(true);
  });
});

describe('hostile input around the state', () => {
  test('a lock naming pid 1 (alive, not kctl) does not lock the state out', async () => {
    fs.writeFileSync(`${k.statePath}.lock`, JSON.stringify({ pid: 1, token: 'planted', purpose: 'state' }), { mode: 0o600 });
    expect(await k.run(['annotate', 'deployment/bystander', 'lock=taken-over', '--overwrite'])).toEqual({ code: 0, stdout: 'deployment.apps/bystander annotated\n', stderr: '' });
    expect(fs.existsSync(`${k.statePath}.lock`)).toBe(false);
  });

  test('-f on a directory with a FIFO and /dev/zero behind a symlink: refused before reading, nothing applied', async () => {
    const manifests = path.join(k.dir, 'manifests');
    fs.mkdirSync(manifests);
    fs.writeFileSync(path.join(manifests, 'a.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n');
    execFileSync('mkfifo', [path.join(manifests, 'b-fifo.yaml')]);
    fs.symlinkSync('/dev/zero', path.join(manifests, 'c-zero.yaml'));
    const before = fs.readFileSync(k.statePath);
    const r = await k.run(['apply', '-f', manifests], { timeoutMs: 30_000 });
    expect(r).toEqual({
      code: 3,
      stdout: '',
      stderr:
        `error: ${manifests}/b-fifo.yaml: not a regular file (a FIFO); a directory's manifests must be regular files\n` +
        `error: ${manifests}/c-zero.yaml: not a regular file (a character device); a directory's manifests must be regular files\n` +
        `error: nothing changed: the valid document configmap/fine (${manifests}/a.yaml:1:1) was not used either\n`,
    });
    expect(fs.readFileSync(k.statePath).equals(before)).toBe(true);
    expect(await bystanderServes(k)).toBe(true);
  });

  test('terminal escapes in an annotation are shown, not sent, by describe', async () => {
    k.write('escape.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: escape\n  annotations:\n    note: "\\e]0;owned\\a\\e[2Jok\\rfake"\n`);
    expect((await k.run(['apply', '-f', 'escape.yaml'])).code).toBe(0);
    const out = (await k.run(['describe', 'configmap', 'escape'])).stdout;
    expect(out).toContain('note: ^[]0;owned\u0007^[[2Jok\\rfake');
    expect(out).not.toMatch(/[\u001b\r]/);
  });
});

test('after every case the bystander still reconciles: scaled up and down, it serves', async () => {
  expect(await bystanderReconciles(k)).toBe(true);
});
