import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FrameParser, mergedText } from '../../src/runtime/docker/frames';
import { tarball } from '../../src/util/tar';

function frame(kind: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = kind;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

test('frames are split by stream whatever the chunking', () => {
  const bytes = Buffer.concat([frame(1, 'out1\n'), frame(2, 'err\n'), frame(1, 'out2\n')]);
  for (const size of [1, 3, 8, 13, bytes.length]) {
    const got: string[] = [];
    const parser = new FrameParser((kind, payload) => got.push(`${kind}:${payload}`));
    for (let i = 0; i < bytes.length; i += size) parser.push(bytes.subarray(i, i + size));
    expect(got).toEqual(['stdout:out1\n', 'stderr:err\n', 'stdout:out2\n']);
  }
});

test('mergedText yields the text of both streams in order, multi-byte characters intact', async () => {
  const bytes = Buffer.concat([frame(1, 'héllo\n'), frame(2, 'wörld\n')]);
  const text = mergedText();
  for (let i = 0; i < bytes.length; i += 5) text.write(bytes.subarray(i, i + 5));
  text.end();
  let out = '';
  for await (const chunk of text) out += chunk;
  expect(out).toBe('héllo\nwörld\n');
});

test('tarball writes an archive that tar extracts with paths, contents and modes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kctl-tar-'));
  try {
    const long = `${'d'.repeat(60)}/${'e'.repeat(60)}/file.txt`;
    const archive = tarball([
      { path: 'etc/config/a.txt', content: Buffer.from('alpha\n'), mode: 0o640 },
      { path: 'etc/config/empty', content: Buffer.alloc(0), mode: 0o600 },
      { path: long, content: Buffer.alloc(700, 'x'), mode: 0o755 },
    ]);
    expect(archive.length % 512).toBe(0);
    execFileSync('tar', ['-xf', '-', '-C', dir], { input: archive });
    expect(readFileSync(join(dir, 'etc/config/a.txt'), 'utf8')).toBe('alpha\n');
    expect(statSync(join(dir, 'etc/config/a.txt')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(dir, 'etc/config/empty')).length).toBe(0);
    expect(readFileSync(join(dir, long), 'utf8')).toBe('x'.repeat(700));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
