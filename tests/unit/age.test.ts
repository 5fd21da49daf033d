import { age, humanDuration } from '../../src/printers/age';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (apimachinery HumanDuration)', () => {
  test.each([
    [0, '0s'],
    [-1.5 * S, '0s'], // a clock slightly ahead still reads "now"
    [-2 * S, '<invalid>'],
    [45 * S, '45s'],
    [119 * S, '119s'],
    [120 * S, '2m'],
    [3 * M + 20 * S, '3m20s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M + 30 * S, '10m'],
    [25 * M, '25m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + 10 * M, '3h10m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H + 5 * M, '8h'],
    [20 * H, '20h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [3 * D + 4 * H, '3d4h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D + 5 * H, '8d'],
    [30 * D, '30d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [730 * D + 100 * D, '2y100d'],
    [8 * 365 * D + 3 * D, '8y'],
  ])('%d ms -> %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('age', () => {
  const now = new Date('2024-05-01T12:00:00Z');
  test('from an RFC 3339 timestamp or a Date', () => {
    expect(age('2024-05-01T11:56:40Z', now)).toBe('3m20s');
    expect(age(new Date('2024-04-28T08:00:00Z'), now)).toBe('3d4h');
  });
  test('<unknown> without a usable timestamp, like translateTimestampSince', () => {
    expect(age(undefined, now)).toBe('<unknown>');
    expect(age('', now)).toBe('<unknown>');
    expect(age('yesterday', now)).toBe('<unknown>');
  });
});
