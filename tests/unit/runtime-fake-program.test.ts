import { runProgram } from '../../src/runtime/fake/program';

const noFiles = () => undefined;

test.each([
  [[], { stdout: '', stderr: '' }],
  [['sleep', '3600'], { stdout: '', stderr: '' }],
  [['echo', 'hi', 'there'], { stdout: 'hi there\n', stderr: '', exitCode: 0 }],
  [['sh', '-c', 'exit 3'], { stdout: '', stderr: '', exitCode: 3 }],
  [['/bin/sh', '-c', 'echo "a; b"; echo -n x; echo err >&2; exit 300'], { stdout: 'a; b\nx', stderr: 'err\n', exitCode: 44 }],
  [['sh', '-c', "echo 'one'\nfalse"], { stdout: 'one\n', stderr: '', exitCode: 1 }],
  [['sh', '-c', 'false && echo never; echo after'], { stdout: '', stderr: '', exitCode: 1 }],
  [['sh', '-c', 'echo start; sleep 3600'], { stdout: 'start\n', stderr: '' }],
  [['sh', '-c', "trap 'exit 0' TERM; httpd -f -p 8080 & wait"], { stdout: '', stderr: '' }],
  [['sh', '-c', 'sleep 1 & echo bg; exit 2'], { stdout: 'bg\n', stderr: '', exitCode: 2 }],
  [['sh', '-c', 'true; :'], { stdout: '', stderr: '', exitCode: 0 }],
])('%j', (argv, outcome) => {
  expect(runProgram(argv as string[], noFiles)).toEqual(outcome);
});

test('cat reads files put into the container, and fails like busybox on missing ones', () => {
  const files = (p: string) => (p === '/etc/a' ? Buffer.from('alpha\n') : undefined);
  expect(runProgram(['cat', '/etc/a'], files)).toEqual({ stdout: 'alpha\n', stderr: '', exitCode: 0 });
  expect(runProgram(['sh', '-c', 'cat /etc/a /etc/b'], files)).toEqual({
    stdout: 'alpha\n',
    stderr: "cat: can't open '/etc/b': No such file or directory\n",
    exitCode: 1,
  });
});
