/**
 * Kubernetes resource quantities ("100m", "0.5", "128Mi", "1G", "1e3"), parsed exactly: a quantity is kept
 * as a fraction of BigInts so that "0.1" CPU is exactly 100 millicores (floating point would round it up to 101).
 */
import { UsageError } from '../errors';

/** numerator / denominator, denominator > 0. */
export interface Quantity {
  num: bigint;
  den: bigint;
}

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

const BINARY_POWER: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_EXPONENT: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** Parses a quantity as written in YAML (a string, or a plain number); undefined when it is not one. */
export function parseQuantity(input: unknown): Quantity | undefined {
  const text = typeof input === 'number' && Number.isFinite(input) ? String(input) : input;
  if (typeof text !== 'string') return undefined;
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const [, sign, number, suffix = ''] = m;
  const [whole, fraction = ''] = number.split('.');
  let num = BigInt((whole || '0') + fraction) * (sign === '-' ? -1n : 1n);
  let den = 10n ** BigInt(fraction.length);
  let exponent = 0;
  if (suffix in BINARY_POWER) num *= 1n << BigInt(BINARY_POWER[suffix]);
  else if (suffix in DECIMAL_EXPONENT) exponent = DECIMAL_EXPONENT[suffix];
  else if (suffix) exponent = Number(suffix.slice(1));
  // Exponents beyond this make no sense for any resource and would build enormous BigInts.
  if (Math.abs(exponent) > 100) return undefined;
  if (exponent > 0) num *= 10n ** BigInt(exponent);
  else if (exponent < 0) den *= 10n ** BigInt(-exponent);
  return { num, den };
}

/** kubectl's reasons a quantity is invalid (format, negative). */
export function quantityErrors(input: unknown): string[] {
  const q = parseQuantity(input);
  if (!q) return [QUANTITY_FORMAT_ERROR];
  return q.num < 0n ? ['must be greater than or equal to 0'] : [];
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** CPU in millicores, rounded up as Kubernetes does ("0.5" -> 500, "100m" -> 100, "1u" -> 1). */
export function parseCpu(input: unknown): number {
  const q = parseOrThrow(input);
  return Number(ceilDiv(q.num * 1000n, q.den));
}

/** Memory in bytes, rounded up ("128Mi" -> 134217728, "1G" -> 1e9, "1e3" -> 1000). */
export function parseMemory(input: unknown): number {
  const q = parseOrThrow(input);
  return Number(ceilDiv(q.num, q.den));
}

function parseOrThrow(input: unknown): Quantity {
  const q = parseQuantity(input);
  if (!q) throw new UsageError(`invalid quantity ${JSON.stringify(input)}: ${QUANTITY_FORMAT_ERROR}`);
  return q;
}

function ceilDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  return num % den > 0n ? q + 1n : q;
}
