/**
 * JSON patch (RFC 6902, `kctl patch --type json`): a list of operations on JSON pointers (RFC 6901). The
 * operations apply in order to a copy; the first that fails stops the patch and nothing is changed.
 */
import { deepCopy, isPlainMap, jsonEqual } from './values';

export class JsonPatchError extends Error {}

interface Operation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

const OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'];

export function applyJsonPatch(target: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw new JsonPatchError('a json patch must be a list of operations ([{"op": "replace", "path": "/spec/replicas", "value": 3}])');
  let doc = deepCopy(target);
  patch.forEach((raw, i) => {
    const op = operation(raw, i);
    try {
      doc = applyOperation(doc, op);
    } catch (e) {
      if (e instanceof JsonPatchError) throw new JsonPatchError(`operation ${i + 1} (${op.op} ${op.path}): ${e.message}`);
      throw e;
    }
  });
  return doc;
}

function operation(raw: unknown, i: number): Operation {
  const at = `operation ${i + 1}`;
  if (!isPlainMap(raw)) throw new JsonPatchError(`${at}: must be an object with "op" and "path"`);
  if (typeof raw.op !== 'string' || !OPS.includes(raw.op)) throw new JsonPatchError(`${at}: "op" must be one of ${OPS.join(', ')}, not ${JSON.stringify(raw.op)}`);
  if (typeof raw.path !== 'string') throw new JsonPatchError(`${at}: "path" must be a string`);
  if ((raw.op === 'move' || raw.op === 'copy') && typeof raw.from !== 'string') throw new JsonPatchError(`${at}: "${raw.op}" needs a "from" string`);
  if ((raw.op === 'add' || raw.op === 'replace' || raw.op === 'test') && !('value' in raw)) throw new JsonPatchError(`${at}: "${raw.op}" needs a "value"`);
  return raw as unknown as Operation;
}

function applyOperation(doc: unknown, op: Operation): unknown {
  switch (op.op) {
    case 'add':
      return add(doc, parsePointer(op.path), deepCopy(op.value));
    case 'remove':
      return remove(doc, parsePointer(op.path)).doc;
    case 'replace': {
      const tokens = parsePointer(op.path);
      get(doc, tokens);
      return tokens.length === 0 ? deepCopy(op.value) : add(remove(doc, tokens).doc, tokens, deepCopy(op.value));
    }
    case 'move': {
      const from = parsePointer(op.from!);
      const to = parsePointer(op.path);
      if (to.length > from.length && from.every((t, i) => t === to[i])) throw new JsonPatchError(`cannot move ${op.from} into one of its own children`);
      const taken = remove(doc, from);
      return add(taken.doc, to, taken.value);
    }
    case 'copy':
      return add(doc, parsePointer(op.path), deepCopy(get(doc, parsePointer(op.from!))));
    case 'test':
      if (!jsonEqual(get(doc, parsePointer(op.path)), op.value)) throw new JsonPatchError(`the value is ${JSON.stringify(get(doc, parsePointer(op.path)))}, not ${JSON.stringify(op.value)}`);
      return doc;
  }
}

/** RFC 6901: "" is the whole document, "/a/b~1c/0" the tokens a, b/c, 0. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new JsonPatchError(`the path ${JSON.stringify(pointer)} must start with "/"`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function get(doc: unknown, tokens: string[]): unknown {
  let node = doc;
  for (const token of tokens) {
    if (Array.isArray(node)) node = node[arrayIndex(node, token, false)];
    else if (isPlainMap(node) && Object.prototype.hasOwnProperty.call(node, token)) node = node[token];
    else throw new JsonPatchError('the path does not exist');
  }
  return node;
}

function add(doc: unknown, tokens: string[], value: unknown): unknown {
  if (tokens.length === 0) return value;
  const parent = get(doc, tokens.slice(0, -1));
  const last = tokens[tokens.length - 1];
  if (Array.isArray(parent)) parent.splice(last === '-' ? parent.length : arrayIndex(parent, last, true), 0, value);
  else if (isPlainMap(parent)) {
    if (last === '__proto__') throw new JsonPatchError('the key __proto__ is not allowed');
    parent[last] = value;
  } else throw new JsonPatchError('the parent of the path is not an object or a list');
  return doc;
}

function remove(doc: unknown, tokens: string[]): { doc: unknown; value: unknown } {
  if (tokens.length === 0) throw new JsonPatchError('cannot remove the whole object');
  const value = get(doc, tokens);
  const parent = get(doc, tokens.slice(0, -1)) as unknown[] | Record<string, unknown>;
  const last = tokens[tokens.length - 1];
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, false), 1);
  else delete parent[last];
  return { doc, value };
}

/** A list index token: digits without leading zeros, in range (one past the end only where adding). */
function arrayIndex(list: unknown[], token: string, adding: boolean): number {
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw new JsonPatchError(`${JSON.stringify(token)} is not a list index`);
  const i = Number(token);
  if (i > list.length || (!adding && i === list.length)) throw new JsonPatchError(`index ${i} is out of range (the list has ${list.length} items)`);
  return i;
}
