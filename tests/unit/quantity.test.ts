import { UsageError } from '../../src/errors';
import { QUANTITY_FORMAT_ERROR, compareQuantities, parseCpu, parseMemory, parseQuantity, quantityErrors } from '../../src/api/quantity';

test.each([
  ['100m', 100],
  ['0.5', 500],
  ['0.1', 100],
  ['2', 2000],
  [2, 2000],
  [0.25, 250],
  ['1500m', 1500],
  ['1u', 1],
  ['250000u', 250],
  ['1e-3', 1],
  ['.5', 500],
  ['1k', 1_000_000],
])('parseCpu(%p) = %p millicores', (q, millis) => {
  expect(parseCpu(q)).toBe(millis);
});

test.each([
  ['128Mi', 134_217_728],
  ['1Gi', 1_073_741_824],
  ['1G', 1_000_000_000],
  ['500M', 500_000_000],
  ['1e3', 1000],
  [1e9, 1_000_000_000],
  ['1.5Ki', 1536],
  ['64k', 64_000],
  ['1Ei', 2 ** 60],
  ['100m', 1],
  ['+1Ki', 1024],
])('parseMemory(%p) = %p bytes', (q, bytes) => {
  expect(parseMemory(q)).toBe(bytes);
});

test.each(['', 'abc', '1x', '128MB', '1 Gi', '1.2.3', '--1', 'Mi', '1e', '1e1000', true, null, {}])('%p is not a quantity', (q) => {
  expect(parseQuantity(q)).toBeUndefined();
  expect(quantityErrors(q)).toEqual([QUANTITY_FORMAT_ERROR]);
});

test('negative quantities parse but are invalid for resources', () => {
  expect(parseCpu('-100m')).toBe(-100);
  expect(quantityErrors('-1Gi')).toEqual(['must be greater than or equal to 0']);
  expect(quantityErrors('1Gi')).toEqual([]);
});

test('compareQuantities is exact across suffixes', () => {
  const q = (s: string) => parseQuantity(s)!;
  expect(compareQuantities(q('1'), q('1000m'))).toBe(0);
  expect(compareQuantities(q('1Gi'), q('1G'))).toBe(1);
  expect(compareQuantities(q('0.1'), q('100m'))).toBe(0);
  expect(compareQuantities(q('999m'), q('1'))).toBe(-1);
});

test('parseCpu and parseMemory throw a UsageError with kubectl\'s message', () => {
  expect(() => parseMemory('lots')).toThrow(new UsageError(`invalid quantity "lots": ${QUANTITY_FORMAT_ERROR}`));
  expect(() => parseCpu('1x')).toThrow(UsageError);
});
