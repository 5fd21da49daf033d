import { colourEnabled, statusTone } from '../../src/printers/colour';
import { renderTable } from '../../src/printers/table';

const strip = (s: string) => s.replace(/\x1b\[\d+m/g, '');

describe('renderTable (kubectl tabwriter layout)', () => {
  test('columns are the longest cell plus 3; the last column is not padded', () => {
    // kubectl's own docs show exactly this for `kubectl get pods`.
    const text = renderTable(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], [['nginx-7c5ddbdf54-2ptqr', '1/1', 'Running', '0', '9s']]);
    expect(text).toBe(
      'NAME                     READY   STATUS    RESTARTS   AGE\n' +
      'nginx-7c5ddbdf54-2ptqr   1/1     Running   0          9s\n',
    );
  });

  test('a column is at least 6 wide (tabwriter minwidth)', () => {
    expect(renderTable(['A', 'B'], [['1', '2']])).toBe('A     B\n1     2\n');
  });

  test('--no-headers drops the header row but keeps the widths of the data', () => {
    expect(renderTable(['NAME', 'AGE'], [['web', '5m'], ['db', '10m']], { noHeaders: true })).toBe('web   5m\ndb    10m\n');
  });

  test('an empty last cell keeps the padding of the column before it, as kubectl prints it', () => {
    expect(renderTable(['NAME', 'AGE', 'TIER'], [['web', '5m', ''], ['db', '5m', 'backend']])).toBe(
      'NAME   AGE   TIER\n' +
      'web    5m    \n' +
      'db     5m    backend\n',
    );
  });

  test('multi-line values show their first line only', () => {
    expect(renderTable(['NAME', 'MESSAGE'], [['web', 'first line\nsecond line']])).toBe('NAME   MESSAGE\nweb    first line...\n');
  });

  test('nothing to print is the empty string', () => {
    expect(renderTable(['NAME'], [], { noHeaders: true })).toBe('');
  });

  test('colour paints STATUS by meaning without moving any column', () => {
    const headers = ['NAME', 'STATUS', 'AGE'];
    const rows = [['a', 'Running', '1m'], ['b', 'CrashLoopBackOff', '2m'], ['c', 'Pending', '3m'], ['d', 'Weird', '4m']];
    const plain = renderTable(headers, rows);
    const coloured = renderTable(headers, rows, { colour: true });
    expect(strip(coloured)).toBe(plain);
    expect(coloured).toBe(
      'NAME   STATUS             AGE\n' +
      'a      \x1b[32mRunning\x1b[39m            1m\n' +
      'b      \x1b[31mCrashLoopBackOff\x1b[39m   2m\n' +
      'c      \x1b[33mPending\x1b[39m            3m\n' +
      'd      Weird              4m\n',
    );
  });
});

describe('statusTone', () => {
  test.each([
    ['Running', 'green'],
    ['Completed', 'green'],
    ['Pending', 'yellow'],
    ['ContainerCreating', 'yellow'],
    ['Terminating', 'yellow'],
    ['Init:0/1', 'yellow'],
    ['Error', 'red'],
    ['CrashLoopBackOff', 'red'],
    ['ErrImagePull', 'red'],
    ['ImagePullBackOff', 'red'],
    ['OOMKilled', 'red'],
    ['CreateContainerConfigError', 'red'],
    ['Init:CrashLoopBackOff', 'red'],
    ['ExitCode:137', 'red'],
    ['Weird', undefined],
  ])('%s is %s', (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });
});

describe('colourEnabled', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  test.each([
    [tty, {}, true],
    [pipe, {}, false],
    [tty, { NO_COLOR: '1' }, false],
    [tty, { NO_COLOR: '' }, true],
    [pipe, { FORCE_COLOR: '1' }, true],
    [pipe, { FORCE_COLOR: '' }, true],
    [tty, { FORCE_COLOR: '0' }, false],
    [tty, { FORCE_COLOR: 'false' }, false],
    [pipe, { FORCE_COLOR: '1', NO_COLOR: 'yes' }, false],
    [tty, { TERM: 'dumb' }, false],
  ])('%o with %o -> %s', (out, env, expected) => {
    expect(colourEnabled(out, env as NodeJS.ProcessEnv)).toBe(expected);
  });
});
