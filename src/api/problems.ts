/**
 * Problems found in an object, with kubectl's wording (k8s.io/apimachinery/pkg/util/validation/field), and the
 * type guards the checks use: checks run also on objects that failed schema validation, so they tolerate wrong types.
 */
import { formatValue, invalidValue } from './names';
import type { Json } from './types';

export type FieldPath = (string | number)[];

export interface FieldProblem {
  /** The field the message is about, printed as spec.containers[0].name. */
  field: FieldPath;
  /** `Invalid value: "Web": ...`, `Required value`, ... */
  message: string;
  /** Where to point in the source; default: the field's value (or its nearest existing parent). */
  at?: { path: FieldPath; part: 'key' | 'value' };
}

export class Problems {
  items: FieldProblem[] = [];
  add(field: FieldPath, message: string, at?: FieldProblem['at']): void {
    this.items.push(at ? { field, message, at } : { field, message });
  }
  invalid(field: FieldPath, value: unknown, reasons: string[], at?: FieldProblem['at']): void {
    for (const m of invalidValue(value, reasons)) this.add(field, m, at);
  }
  required(field: FieldPath, detail?: string): void {
    this.add(field, detail ? `Required value: ${detail}` : 'Required value');
  }
  forbidden(field: FieldPath, detail: string): void {
    this.add(field, `Forbidden: ${detail}`, { path: field, part: 'key' });
  }
  duplicate(field: FieldPath, value: unknown): void {
    this.add(field, `Duplicate value: ${formatValue(value)}`);
  }
  notFound(field: FieldPath, value: unknown): void {
    this.add(field, `Not found: ${formatValue(value)}`);
  }
  unsupported(field: FieldPath, value: unknown, supported: string[]): void {
    this.add(field, `Unsupported value: ${formatValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`);
  }
  tooLong(field: FieldPath, maxBytes: number): void {
    this.add(field, `Too long: must have at most ${maxBytes} bytes`, { path: field, part: 'key' });
  }
}

export const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
export const entries = (v: unknown): [string, unknown][] => (isObj(v) ? Object.entries(v) : []);
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNumber = (v: unknown): v is number => typeof v === 'number';
