import * as fs from 'fs';
import * as path from 'path';
import { fork } from 'child_process';
import { Store } from '../../src/store/store';
import { PidLock, processStart } from '../../src/store/pid-lock';
import { StateFileError } from '../../src/errors';
import { fakeCliEnv, runCli, tempDir } from '../helpers/cli';

const cm = (name: string, data: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data });

describe('state file store', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = path.join(dir, 'sub', 'state.json');
  });

  test('a missing file reads as empty and the first write creates 0700 dir and 0600 file', async () => {
    const store = new Store(file);
    expect(store.read().all()).toEqual([]);
    await store.update((s) => void s.put(cm('a')));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(data.kind).toBe('KctlState');
    expect(data.formatVersion).toBe(1);
    expect(Object.keys(data.objects)).toEqual(['ConfigMap/default/a']);
  });

  test('objects get uid, creationTimestamp and increasing resourceVersion', async () => {
    const store = new Store(file, () => new Date('2026-01-01T00:00:00Z'));
    await store.update((s) => void s.put(cm('a')));
    await store.update((s) => void s.put(cm('b')));
    const [a, b] = store.read().list('ConfigMap');
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
  });

  test('a throwing change writes nothing', async () => {
    const store = new Store(file);
    await store.update((s) => void s.put(cm('a')));
    const before = fs.readFileSync(file);
    await expect(
      store.update((s) => {
        s.put(cm('b'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(fs.readFileSync(file)).toEqual(before);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  test('a corrupt file is reported and left untouched', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"kind": "KctlState", "formatVer');
    const store = new Store(file);
    expect(() => store.read()).toThrow(StateFileError);
    await expect(store.update((s) => void s.put(cm('a')))).rejects.toThrow(/is corrupt/);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"kind": "KctlState", "formatVer');
  });

  test('a future format version is refused with a way back', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ kind: 'KctlState', formatVersion: 99, resourceVersion: 0, objects: {}, events: [] }));
    expect(() => new Store(file).read()).toThrow(/format version 99, newer than this kctl understands \(1\)/);
  });

  test('a lock held by a dead process is taken over at once', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, token: 'x', purpose: 'state' }));
    const store = new Store(file);
    await store.update((s) => void s.put(cm('a')));
    expect(store.read().list('ConfigMap')).toHaveLength(1);
  });

  test('a lock naming a live process that is not its writer (pid 1, a reused pid) is taken over', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: 1, token: 'x', purpose: 'state' }));
    await new Store(file).update((s) => void s.put(cm('a')));
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, token: 'x', purpose: 'state', start: '1' }));
    await new Store(file).update((s) => void s.put(cm('b')));
    expect(new Store(file).read().list('ConfigMap')).toHaveLength(2);
    // The lock kctl writes says who it is.
    const lock = new PidLock(path.join(dir, 'l'), 't');
    expect(lock.tryAcquire()).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'l'), 'utf8'))).toMatchObject({ pid: process.pid, start: processStart(process.pid) });
    expect(processStart(process.pid)).toMatch(/^\d+$/);
    lock.release();
  });

  test('a state directory or file someone else controls is refused, with the command that fixes it', async () => {
    const store = new Store(file);
    await store.update((s) => void s.put(cm('a')));
    // Reading and writing both refuse.
    const refused = async (message: string, hint: string) => {
      expect(() => new Store(file).read()).toThrow(new StateFileError(message, hint));
      await expect(new Store(file).update(() => undefined)).rejects.toMatchObject({ name: 'StateFileError', message, hint });
    };
    const sub = path.dirname(file);
    fs.chmodSync(sub, 0o777);
    await refused(`the state directory ${sub} can be written by group and others (mode 0777)`, `chmod go-w ${sub}`);
    fs.chmodSync(sub, 0o700);
    fs.chmodSync(file, 0o602);
    await refused(`the file ${file} can be written by others (mode 0602)`, `chmod go-w ${file}`);
    fs.chmodSync(file, 0o600);
    fs.mkdirSync(path.join(sub, 'pods'), { mode: 0o770 });
    fs.chmodSync(path.join(sub, 'pods'), 0o770);
    await refused(`the directory ${path.join(sub, 'pods')} can be written by its group (mode 0770)`, `chmod go-w ${path.join(sub, 'pods')}`);
    fs.chmodSync(path.join(sub, 'pods'), 0o700);
    fs.symlinkSync('/etc/passwd', `${file}.controller.log`);
    await refused(`${file}.controller.log is a symbolic link; kctl makes none in its state directory, so it does not follow it`, `remove it (rm ${file}.controller.log) or use another --state`);
    fs.unlinkSync(`${file}.controller.log`);
    if (process.getuid?.() === 0) {
      fs.chownSync(file, 4242, 4242);
      await refused(`the file ${file} is owned by uid 4242, not by you (uid 0)`, `chown 0 ${file}, or use a --state of your own`);
      fs.chownSync(file, 0, 0);
    }
    expect(new Store(file).read().list('ConfigMap')).toHaveLength(1);
  });

  test('a command waits for a held state lock no longer than its --timeout, then says who holds it', async () => {
    const env = fakeCliEnv({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' });
    const holder = new PidLock(`${env.statePath}.lock`, 'state');
    fs.mkdirSync(path.dirname(env.statePath), { recursive: true });
    expect(holder.tryAcquire()).toBe(true);
    try {
      expect(await runCli('apply -f cm.yaml --timeout 200ms', env)).toEqual({
        code: 5,
        stdout: '',
        stderr: `error: the state file ${env.statePath} is locked by process ${process.pid}\nhint: another kctl command is running; try again when it ends\n`,
      });
    } finally {
      holder.release();
    }
    expect((await runCli('apply -f cm.yaml --timeout 200ms --wait=false', env)).code).toBe(0);
  });

  test('a lock held by a live process blocks another holder', async () => {
    fs.mkdirSync(dir, { recursive: true });
    const a = new PidLock(path.join(dir, 'l'), 't');
    const b = new PidLock(path.join(dir, 'l'), 't');
    expect(a.tryAcquire()).toBe(true);
    // same pid, different token: b sees a live owner
    expect(b.tryAcquire()).toBe(false);
    a.release();
    expect(b.tryAcquire()).toBe(true);
    b.release();
  });

  test('concurrent processes never lose an update', async () => {
    // Run 8 child processes that each increment a counter 10 times through the store.
    const worker = path.join(dir, 'worker.js');
    fs.writeFileSync(
      worker,
      `const { Store } = require(${JSON.stringify(path.resolve(__dirname, '../../dist/store/store.js'))});
       (async () => {
         const s = new Store(process.argv[2]);
         for (let i = 0; i < 10; i++) await s.update((st) => {
           const o = st.get('ConfigMap', 'default', 'counter') ?? { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'counter', namespace: 'default' }, data: { n: '0' } };
           o.data.n = String(Number(o.data.n) + 1);
           st.put(o);
         });
       })().catch((e) => { console.error(e); process.exit(1); });`,
    );
    if (!fs.existsSync(path.resolve(__dirname, '../../dist/store/store.js'))) throw new Error('run `npm run build` first');
    const codes = await Promise.all(
      Array.from({ length: 8 }, () => new Promise<number>((resolve) => fork(worker, [file]).on('exit', (c) => resolve(c ?? 1)))),
    );
    expect(codes).toEqual(Array(8).fill(0));
    expect(new Store(file).read().get('ConfigMap', 'default', 'counter')?.data).toEqual({ n: '80' });
  });
});
