/**
 * Bad input: every file of the corpus (tests/fixtures/broken/) is refused with its exact message and exit code,
 * and the state file stays byte-for-byte as it was. Most cases run in-process (fast); a handful, the generated
 * 50 MB file, stdin and the whole directory run through the real bin/kctl. DOCKER_HOST points at nothing for
 * the binary, so a case that wrongly passed validation could not touch any engine: it would fail with exit 7.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { runCli, tempDir } from '../helpers/cli';
import { BAD_INPUT_CASES, type BadInputCase } from './bad-input.cases';
import { snapshotState } from './helpers/state-snapshot';

const ROOT = path.resolve(__dirname, '../..');
const BROKEN = path.join(ROOT, 'tests/fixtures/broken');
const BIN = path.join(ROOT, 'bin/kctl');

const SEED = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: kctl-demo/web:v1
`;

let dir: string;
let statePath: string;
const runtime = new FakeRuntime();

beforeAll(async () => {
  dir = tempDir('kctl-bad-input-');
  statePath = path.join(dir, 'state.json');
  fs.writeFileSync(path.join(dir, 'seed.yaml'), SEED);
  const seeded = await runCli(['apply', '-f', 'seed.yaml', '--wait=false'], { statePath, runtime, cwd: dir });
  expect(seeded).toEqual({ code: 0, stdout: 'configmap/settings created\ndeployment.apps/web created\n', stderr: '' });
});

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

test('the corpus: at least 50 files, each with exactly one case', () => {
  const files = fs.readdirSync(BROKEN).sort();
  expect(files.length).toBeGreaterThanOrEqual(50);
  expect(BAD_INPUT_CASES.map((c) => c.file).sort()).toEqual(files);
});

describe('kctl apply -f <broken file> (in-process)', () => {
  test.each(BAD_INPUT_CASES.map((c) => [c.file, c] as [string, BadInputCase]))('%s', async (_file, c) => {
    const before = snapshotState(statePath);
    const r = await runCli(['apply', '-f', c.file], { statePath, runtime, cwd: BROKEN });
    expect(lines(r.stderr)).toEqual(c.stderr);
    expect(r.stderr).toBe(c.stderr.join('\n') + '\n');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(c.exit);
    expect(snapshotState(statePath)).toEqual(before);
  });
});

describe('other commands that read manifests refuse them the same way', () => {
  const multi = BAD_INPUT_CASES.find((c) => c.file === 'multi-document-one-bad.yaml')!;
  test.each([['delete', '-f'], ['diff', '-f'], ['scale', '--replicas', '1', '-f'], ['apply', '--dry-run=client', '-f']])('kctl %s ... multi-document-one-bad.yaml', async (...args) => {
    const before = snapshotState(statePath);
    const r = await runCli([...args, multi.file], { statePath, runtime, cwd: BROKEN });
    expect(r).toEqual({ code: 3, stdout: '', stderr: multi.stderr.join('\n') + '\n' });
    expect(snapshotState(statePath)).toEqual(before);
  });
});

interface BinRun {
  code: number;
  stdout: string;
  stderr: string;
}

function kctlBinary(args: string[], stdin?: string | Buffer): Promise<BinRun> {
  return new Promise((resolve) => {
    const env = { ...process.env, KCTL_STATE: statePath, DOCKER_HOST: `unix://${path.join(dir, 'no-engine.sock')}`, NO_COLOR: '1' };
    const child = execFile(process.execPath, [BIN, ...args], { cwd: BROKEN, env, timeout: 60_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as any).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
    child.stdin!.end(stdin);
  });
}

describe('through the real bin/kctl', () => {
  const byFile = new Map(BAD_INPUT_CASES.map((c) => [c.file, c]));
  const some = [
    'syntax-tab-indent.yaml',
    'hostile-alias-bomb.yaml',
    'hostile-binary-garbage.yaml',
    'hostile-invalid-utf8.yaml',
    'hostile-proto-key.yaml',
    'limit-replicas-huge.yaml',
    'limit-deep-flow.json',
    'strategy-surge-and-unavailable-zero.yaml',
    'multi-document-one-bad.yaml',
  ];

  test.each(some)('%s', async (file) => {
    const c = byFile.get(file)!;
    const before = snapshotState(statePath);
    expect(await kctlBinary(['apply', '-f', file])).toEqual({ code: c.exit, stdout: '', stderr: c.stderr.join('\n') + '\n' });
    expect(snapshotState(statePath)).toEqual(before);
  });

  test('a 50 MB file (generated in a temp dir) is refused before it is read', async () => {
    const big = path.join(dir, 'big.yaml');
    const fd = fs.openSync(big, 'w');
    const chunk = Buffer.alloc(1 << 20, '# padding padding padding padding padding padding padding padding\n');
    for (let i = 0; i < 50; i++) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    const before = snapshotState(statePath);
    expect(await kctlBinary(['apply', '-f', big])).toEqual({ code: 3, stdout: '', stderr: `error: ${big}: file is too large (50 MB; the limit is 10 MB)\n` });
    expect(snapshotState(statePath)).toEqual(before);
    fs.rmSync(big);
  });

  test('the same hostile document on stdin', async () => {
    const before = snapshotState(statePath);
    const bomb = fs.readFileSync(path.join(BROKEN, 'hostile-alias-bomb.yaml'));
    expect(await kctlBinary(['apply', '-f', '-'], bomb)).toEqual({
      code: 3,
      stdout: '',
      stderr: 'error: STDIN:1:1: too many YAML aliases (more than 100 expansions), refusing a possible "billion laughs" document\n',
    });
    expect(snapshotState(statePath)).toEqual(before);
  });

  test('the whole corpus as one directory: every problem of every file (capped), nothing applied', async () => {
    const before = snapshotState(statePath);
    const r = await kctlBinary(['apply', '-f', '.']);
    const out = lines(r.stderr);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(out.length).toBe(203);
    expect(out[0]).toBe(BAD_INPUT_CASES.find((c) => c.file === 'configmap-bad-key.yaml')!.stderr[0]);
    expect(out[200]).toMatch(/^error: \.\.\. and \d+ more problems$/);
    expect(out[201]).toBe("error: nothing changed: the valid documents configmap/settings (list-one-bad-item.yaml:4:5), configmap/settings (multi-document-one-bad.yaml:1:1), service/web (multi-document-one-bad.yaml:28:1), configmap/settings (multi-document-syntax-error-last.yaml:1:1) were not used either");
    expect(out[202]).toMatch(/^hint: kctl serves Namespace, Deployment, /);
    expect(snapshotState(statePath)).toEqual(before);
  });
});
