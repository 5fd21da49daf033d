/**
 * The functions a kubectl template can call: text/template's builtins (funcs.go: and, or, not, len, index,
 * slice, print, printf, println, html, js, urlquery, call, eq, ne, lt, le, gt, ge) and kubectl's own `exists`
 * and `base64decode`. A function throws an Error with Go's text; the executor reports it as
 * `error calling NAME: ...`. and/or are evaluated by the executor itself (they short-circuit).
 */
import { decodeStdBase64 } from './base64';
import { htmlEscape, jsEscape, urlQueryEscape } from './escape';
import { sprint, sprintf, sprintln } from './fmt';
import { GoInt, goInt, isMap, isTrue, typeName, type GoValue } from './values';

/**
 * How an argument reaches a function: `any` is interface{} (a missing value arrives as nil), `value` is
 * reflect.Value (a missing value stays missing), `string` must be a string.
 */
export type ParamKind = 'any' | 'value' | 'string';

export interface GoFunc {
  params: ParamKind[];
  /** The type of the ... parameter, for variadic functions. */
  variadic?: ParamKind;
  call(args: GoValue[]): GoValue;
}

/** reflect's indirectInterface: a nil interface is no value at all. */
const concrete = (v: GoValue): GoValue => (v === null ? undefined : v);
const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

function indexArg(index: GoValue, cap: number): number {
  if (index === undefined || index === null) throw new Error('cannot index slice/array with nil');
  if (!(index instanceof GoInt)) throw new Error(`cannot index slice/array with type ${typeName(index)}`);
  if (index.value < 0n || index.value > BigInt(cap)) throw new Error(`index out of range: ${index.value}`);
  return Number(index.value);
}

function index(args: GoValue[]): GoValue {
  let item = concrete(args[0]);
  if (item === undefined) throw new Error('index of untyped nil');
  for (const raw of args.slice(1)) {
    const key = concrete(raw);
    if (item === null || item === undefined) throw new Error('index of nil pointer');
    if (typeof item === 'string' || Array.isArray(item)) {
      const bytes: Buffer | undefined = typeof item === 'string' ? Buffer.from(item, 'utf8') : undefined;
      const length: number = bytes ? bytes.length : (item as GoValue[]).length;
      const x = indexArg(key, length);
      // indexArg allows x == len (as Go's does); reflect then panics.
      if (x === length) throw new Error(`reflect: ${bytes ? 'string' : 'slice'} index out of range`);
      item = bytes ? new GoInt(BigInt(bytes[x]), 'uint8') : (item as GoValue[])[x];
    } else if (isMap(item)) {
      if (key === undefined) throw new Error('value is nil; should be of type string');
      if (typeof key !== 'string') throw new Error(`value has type ${typeName(key)}; should be string`);
      item = Object.prototype.hasOwnProperty.call(item, key) ? item[key] : null;
    } else throw new Error(`can't index item of type ${typeName(item)}`);
  }
  return item;
}

function slice(args: GoValue[]): GoValue {
  const item = concrete(args[0]);
  const indexes = args.slice(1);
  if (item === undefined) throw new Error('slice of untyped nil');
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  let length: number;
  if (typeof item === 'string') {
    if (indexes.length === 3) throw new Error('cannot 3-index slice a string');
    length = byteLength(item);
  } else if (Array.isArray(item)) length = item.length;
  else throw new Error(`can't slice item of type ${typeName(item)}`);
  const idx = [0, length, length];
  indexes.forEach((i, n) => (idx[n] = indexArg(concrete(i), length)));
  if (idx[0] > idx[1]) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  return typeof item === 'string' ? Buffer.from(item, 'utf8').subarray(idx[0], idx[1]).toString('utf8') : item.slice(idx[0], idx[1]);
}

function length([item]: GoValue[]): GoValue {
  if (item === null) throw new Error('len of nil pointer');
  if (item === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  if (typeof item === 'string') return goInt(byteLength(item));
  if (Array.isArray(item)) return goInt(item.length);
  if (isMap(item)) return goInt(Object.keys(item).length);
  throw new Error(`len of type ${typeName(item)}`);
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

function basicKind(v: GoValue): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoInt) return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  return 'invalid';
}

function eq([first, ...rest]: GoValue[]): boolean {
  const a = concrete(first);
  if (rest.length === 0) throw new Error('missing argument for comparison');
  const k1 = basicKind(a);
  for (const raw of rest) {
    const b = concrete(raw);
    const k2 = basicKind(b);
    if (k1 !== k2) {
      if (a !== undefined && b !== undefined) throw new Error(`incompatible types for comparison: ${typeName(a)} and ${typeName(b)}`);
    } else if (k1 !== 'invalid') {
      if (a instanceof GoInt ? a.value === (b as GoInt).value : a === b) return true;
    } else if (a === undefined || b === undefined) {
      if (a === b) return true;
    } else if (Array.isArray(a) !== Array.isArray(b)) {
      throw new Error(sprintf('non-comparable types %s: %v, %s: %v', [a, typeName(a), typeName(b), b]));
    } else throw new Error(sprintf('non-comparable type %s: %v', [b, typeName(b)]));
  }
  return false;
}

function lt([first, second]: GoValue[]): boolean {
  const a = concrete(first);
  const b = concrete(second);
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'invalid' || k2 === 'invalid') throw new Error('invalid type for comparison');
  if (k1 !== k2) throw new Error(`incompatible types for comparison: ${typeName(a)} and ${typeName(b)}`);
  if (k1 === 'bool') throw new Error('invalid type for comparison');
  if (a instanceof GoInt) return a.value < (b as GoInt).value;
  return (a as string | number) < (b as string | number);
}

const le = (args: GoValue[]) => lt(args) || eq(args);

/** The text of html/js/urlquery's arguments: fmt.Sprint, with a missing value as `<no value>`. */
function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === null || a === undefined ? '<no value>' : a)));
}

const fn = (params: ParamKind[], call: GoFunc['call'], variadic?: ParamKind): GoFunc => ({ params, call, variadic });

export const FUNCS: Record<string, GoFunc> = {
  and: fn(['value'], () => undefined, 'value'),
  or: fn(['value'], () => undefined, 'value'),
  not: fn(['value'], ([v]) => !isTrue(concrete(v))),
  len: fn(['value'], length),
  index: fn(['value'], index, 'value'),
  slice: fn(['value'], slice, 'value'),
  print: fn([], sprint, 'any'),
  printf: fn(['string'], ([format, ...args]) => sprintf(format as string, args), 'any'),
  println: fn([], sprintln, 'any'),
  html: fn([], (args) => htmlEscape(evalArgs(args)), 'any'),
  js: fn([], (args) => jsEscape(evalArgs(args)), 'any'),
  urlquery: fn([], (args) => urlQueryEscape(evalArgs(args)), 'any'),
  // The executor puts the callee's name first; a decoded object holds no functions to call.
  call: fn(['value'], ([name, callee]) => {
    const f = concrete(callee);
    throw new Error(f === undefined ? 'call of nil' : `non-function ${name} of type ${typeName(f)}`);
  }, 'value'),
  eq: fn(['value'], eq, 'value'),
  ne: fn(['value', 'value'], (args) => !eq(args)),
  lt: fn(['value', 'value'], lt),
  le: fn(['value', 'value'], le),
  gt: fn(['value', 'value'], (args) => !le(args)),
  ge: fn(['value', 'value'], (args) => !lt(args)),
  // kubectl's additions (cli-runtime printers/template.go).
  exists: fn(['any'], ([item, ...indices]) => exists(item, indices), 'any'),
  base64decode: fn(['string'], ([v]) => {
    try {
      return decodeStdBase64(v as string).toString('utf8');
    } catch (e) {
      throw new Error(`base64 decode failed: ${(e as Error).message}`);
    }
  }),
};

/** kubectl's exists: whether `index item indices...` would find something. */
function exists(item: GoValue, indices: GoValue[]): boolean {
  let v = item;
  for (const i of indices) {
    if (v === null || v === undefined) return false;
    if (typeof v === 'string' || Array.isArray(v)) {
      const length = typeof v === 'string' ? byteLength(v) : v.length;
      if (!(i instanceof GoInt) || i.value < 0n || i.value >= BigInt(length)) return false;
      v = typeof v === 'string' ? new GoInt(BigInt(Buffer.from(v, 'utf8')[Number(i.value)]), 'uint8') : v[Number(i.value)];
    } else if (isMap(v)) {
      const key = i === null || i === undefined ? '' : i;
      if (typeof key !== 'string') return false;
      v = Object.prototype.hasOwnProperty.call(v, key) ? v[key] : null;
    } else return false;
  }
  return indices.length === 0 || (v !== null && v !== undefined);
}
