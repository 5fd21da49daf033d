/**
 * Kubernetes' IntOrString (maxSurge, maxUnavailable): a count, or a percentage of a total.
 * Percentages are resolved as apimachinery's GetScaledValueFromIntOrPercent does.
 */
import { ValidationError } from '../errors';

export type IntOrString = number | string;

/** Resolves `value` against `total`; a percentage rounds up or down as asked. Undefined counts as 0. */
export function scaledValue(value: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) throw new ValidationError([`invalid value for IntOrString: invalid type: string is not a percentage: "${value}"`]);
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}
