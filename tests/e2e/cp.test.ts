/**
 * `kctl cp` on real Docker, through the image's tar: a directory up and back down, a single file, and a
 * path that does not exist (tar's own error, its exit code).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Kctl, deploymentYaml } from './harness';

jest.setTimeout(120_000);

describe('kctl cp on real Docker', () => {
  const k = new Kctl();
  afterAll(() => k.cleanup());

  test('a directory to the pod and back, a single file, and a missing path', async () => {
    k.write('web.yaml', deploymentYaml('cpweb', { replicas: 1 }));
    expect((await k.run(['apply', '-f', 'web.yaml'])).code).toBe(0);
    const pod = (await k.run(['get', 'pods', '-o', 'jsonpath={.items[0].metadata.name}'])).stdout;
    k.write('src/a.txt', 'hello\n');
    k.write('src/sub/b.txt', 'deep\n');

    expect((await k.run(['cp', 'src', `${pod}:/tmp/up`])).code).toBe(0);
    expect(await k.run(['exec', pod, '--', 'cat', '/tmp/up/a.txt', '/tmp/up/sub/b.txt'])).toEqual({ code: 0, stdout: 'hello\ndeep\n', stderr: '' });

    expect((await k.run(['cp', `default/${pod}:/tmp/up`, 'down'])).code).toBe(0);
    expect(fs.readFileSync(path.join(k.dir, 'down/a.txt'), 'utf8')).toBe('hello\n');
    expect(fs.readFileSync(path.join(k.dir, 'down/sub/b.txt'), 'utf8')).toBe('deep\n');
    expect((await k.run(['cp', `${pod}:/tmp/up/sub/b.txt`, 'one.txt'])).code).toBe(0);
    expect(fs.readFileSync(path.join(k.dir, 'one.txt'), 'utf8')).toBe('deep\n');

    const missing = await k.run(['cp', `${pod}:/nope`, 'x']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No such file or directory[\s\S]*\nerror: command terminated with exit code 1\n$/);
    expect(fs.existsSync(path.join(k.dir, 'x'))).toBe(false);
  });
});
