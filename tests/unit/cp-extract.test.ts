/** What `kctl cp` writes from a pod's archive: only what lies under the destination (kubectl's CVE-2019-1002101 fix). */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { extract } from '../../src/ops/cp';
import { tarball } from '../../src/util/tar';
import { readTar } from '../../src/util/untar';
import { tempDir } from '../helpers/temp-dir';

function sink() {
  let stderr = '';
  return { f: { stderr: { write: (t: string) => void (stderr += t), isTTY: false } } as any, stderr: () => stderr };
}

const file = (p: string, text: string) => ({ path: p, content: Buffer.from(text), mode: 0o644 });

test('entries under the copied path land under the destination; others are not written', () => {
  const dest = path.join(tempDir(), 'down');
  const out = sink();
  extract(out.f, readTar(tarball([file('tmp/up/a.txt', 'a'), file('tmp/up/sub/b.txt', 'b'), file('tmp/other.txt', 'x')])), 'tmp/up', dest);
  expect(fs.readFileSync(path.join(dest, 'a.txt'), 'utf8')).toBe('a');
  expect(fs.readFileSync(path.join(dest, 'sub/b.txt'), 'utf8')).toBe('b');
  expect(fs.existsSync(path.join(dest, 'other.txt'))).toBe(false);
  expect(out.stderr()).toBe('');
});

test('a single file is written as the destination itself', () => {
  const dest = path.join(tempDir(), 'one.txt');
  extract(sink().f, readTar(tarball([file('tmp/up/a.txt', 'a')])), 'tmp/up/a.txt', dest);
  expect(fs.readFileSync(dest, 'utf8')).toBe('a');
});

test('a hostile archive: `..` and absolute-looking paths are skipped with kubectl\'s warning, nothing escapes', () => {
  const root = tempDir();
  const dest = path.join(root, 'down');
  const out = sink();
  extract(out.f, readTar(tarball([file('tmp/up/../../../escaped.txt', 'x'), file('tmp/up/sub/../../../../escaped2.txt', 'y'), file('tmp/up/ok.txt', 'ok')])), 'tmp/up', dest);
  expect(fs.readdirSync(root)).toEqual(['down']);
  expect(fs.readdirSync(dest)).toEqual(['ok.txt']);
  const outside = (p: string) => `warning: file "${path.resolve(dest, p)}" is outside target destination, skipping\n`;
  expect(out.stderr()).toBe(outside('../../../escaped.txt') + outside('sub/../../../../escaped2.txt'));
});

test('links are never written (a link could point the next entry outside the destination)', () => {
  const work = tempDir();
  fs.mkdirSync(path.join(work, 'up'));
  fs.symlinkSync('/etc', path.join(work, 'up', 'etc-link'));
  fs.writeFileSync(path.join(work, 'up', 'f.txt'), 'f');
  const archive = execFileSync('tar', ['cf', '-', '-C', work, 'up']);
  const dest = path.join(tempDir(), 'down');
  const out = sink();
  extract(out.f, readTar(archive), 'up', dest);
  expect(fs.readdirSync(dest)).toEqual(['f.txt']);
  expect(out.stderr()).toBe(`warning: skipping symlink: "${path.join(dest, 'etc-link')}" -> "/etc"\n`);
});

test('GNU long names and a truncated archive', () => {
  const long = `up/${'d'.repeat(120)}/${'f'.repeat(120)}.txt`;
  const work = tempDir();
  fs.mkdirSync(path.dirname(path.join(work, long)), { recursive: true });
  fs.writeFileSync(path.join(work, long), 'long');
  const archive = execFileSync('tar', ['--format=gnu', '-cf', '-', '-C', work, 'up']);
  expect(readTar(archive).map((e) => e.path)).toContain(long);
  expect(() => readTar(archive.subarray(0, 700))).toThrow('truncated tar archive');
});
