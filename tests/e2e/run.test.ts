/**
 * `kctl run` on real Docker: the README's smoke test (attached, --rm, the exit code passed through, nothing left
 * behind) and kctl's stdin reaching the container.
 */
import { Kctl } from './harness';

jest.setTimeout(120_000);

describe('kctl run on real Docker', () => {
  const k = new Kctl();
  afterAll(() => k.cleanup());

  test("kctl run tmp --rm -i --restart=Never -- sh -c 'echo hello; exit 3': hello, exit 3, no pod and no container left", async () => {
    const out = await k.run(['run', 'tmp', '--rm', '-i', '--restart=Never', '--image=kctl-test/busybox', '--', 'sh', '-c', 'echo hello; exit 3']);
    expect(out.stdout).toBe('hello\npod "tmp" deleted\n');
    expect(out.stderr).toMatch(/(^|\n)error: pod default\/tmp terminated \(Error\)\n$/);
    expect(out.code).toBe(3);
    expect(await k.run(['get', 'pods'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
    expect(await k.containers()).toEqual([]);
  });

  test('-i passes kctl\'s stdin to the container: echo hi | kctl run t --rm -i --restart=Never -- cat', async () => {
    const out = await k.run(['run', 't', '--rm', '-i', '--restart=Never', '--image=kctl-test/busybox', '--', 'cat'], { stdin: 'hi\n' });
    expect(out).toMatchObject({ code: 0, stdout: 'hi\npod "t" deleted\n' });
    expect(await k.containers()).toEqual([]);
  });
});
