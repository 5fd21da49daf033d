/**
 * Evaluates a parsed JSONPath template against JSON data the way client-go's util/jsonpath does: every
 * action yields a list of results; `{range X}...{end}` repeats its body for each result of X; maps are
 * walked in sorted key order. One deliberate difference: numbers compare as numbers in filters (Go refuses
 * to compare the int64 of decoded JSON with the float of a literal, so `[?(@.port==80)]` never matches there).
 */
import type { ListNode, Node } from './nodes';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface EvalOptions {
  /** Missing fields give no result instead of an error (kubectl's --allow-missing-template-keys). */
  allowMissingKeys: boolean;
}

type Block =
  | { kind: 'action'; list: ListNode }
  | { kind: 'range'; list: ListNode; body: Block[] }
  | { kind: 'stray-end' };

/** All result sets of the template, in output order (one per text or action, repeated inside ranges). */
export function findResults(root: ListNode, data: Json, opts: EvalOptions): Json[][] {
  const out: Json[][] = [];
  new Evaluator(opts).run(toBlocks(root.nodes), data, out);
  return out;
}

/** Nests the flat action list: `{range ...}` opens a body that the matching `{end}` closes. */
function toBlocks(nodes: Node[]): Block[] {
  const stack: Block[][] = [[]];
  const ranges: Extract<Block, { kind: 'range' }>[] = [];
  for (const node of nodes) {
    const first = node.type === 'list' ? node.nodes[0] : undefined;
    const top = stack[stack.length - 1];
    if (node.type === 'list' && first?.type === 'identifier' && first.name === 'range') {
      const block = { kind: 'range' as const, list: { type: 'list' as const, nodes: node.nodes.slice(1) }, body: [] };
      top.push(block);
      ranges.push(block);
      stack.push(block.body);
    } else if (node.type === 'list' && first?.type === 'identifier' && first.name === 'end') {
      if (stack.length === 1) top.push({ kind: 'stray-end' });
      else stack.pop();
    } else {
      top.push({ kind: 'action', list: node.type === 'list' ? node : { type: 'list', nodes: [node] } });
    }
  }
  return stack[0];
}

class Evaluator {
  constructor(private readonly opts: EvalOptions) {}

  run(blocks: Block[], data: Json, out: Json[][]): void {
    for (const block of blocks) {
      if (block.kind === 'stray-end') throw new Error('not in range, nothing to end');
      const results = this.list([data], block.list);
      if (block.kind === 'action') out.push(results);
      else for (const item of results) this.run(block.body, item, out);
    }
  }

  private list(input: Json[], node: ListNode): Json[] {
    let cur = input;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private walk(input: Json[], node: Node): Json[] {
    switch (node.type) {
      case 'list':
        return this.list(input, node);
      case 'text':
        return [node.text];
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => node.value);
      case 'field':
        return this.field(input, node.name);
      case 'array':
        return input.flatMap((v) => (v === null ? [] : this.slice(v, node.params)));
      case 'filter':
        return this.filter(input, node);
      case 'wildcard':
        return input.flatMap(children);
      case 'recursive':
        return input.flatMap(descendants);
      case 'union':
        return node.nodes.flatMap((l) => this.list(input, l));
      case 'identifier':
        throw new Error(`unrecognized identifier ${node.name}`);
    }
  }

  private field(input: Json[], name: string): Json[] {
    if (input.length === 0) return [];
    // `{.}` names the current object itself.
    if (name === '') return input.filter((v) => v !== null);
    const results: Json[] = [];
    for (const v of input) {
      if (isObject(v) && Object.prototype.hasOwnProperty.call(v, name) && v[name] !== undefined) results.push(v[name]);
    }
    if (results.length === 0 && !this.opts.allowMissingKeys) throw new Error(`${name} is not found`);
    return results;
  }

  private slice(value: Json, params: Extract<Node, { type: 'array' }>['params']): Json[] {
    if (!Array.isArray(value)) throw new Error(`${goType(value)} is not array or slice`);
    const len = value.length;
    let start = params[0].known ? params[0].value : 0;
    if (start < 0) start += len;
    let end = params[1].known ? params[1].value : len;
    if (end < 0 || (end === 0 && params[1].derived)) end += len;
    if (end === start) return [];
    if (start >= len || start < 0) throw new Error(`array index out of bounds: index ${start}, length ${len}`);
    if (end > len || end < 0) throw new Error(`array index out of bounds: index ${end - 1}, length ${len}`);
    if (start > end) throw new Error(`starting index ${start} is greater than ending index ${end}`);
    const step = params[2].known ? params[2].value : 1;
    if (step <= 0) throw new Error('step must be > 0');
    const out: Json[] = [];
    for (let i = start; i < end; i += step) out.push(value[i]);
    return out;
  }

  private filter(input: Json[], node: Extract<Node, { type: 'filter' }>): Json[] {
    const results: Json[] = [];
    for (const value of input) {
      const items = Array.isArray(value) ? value : isObject(value) ? children(value) : [value];
      for (const item of items) {
        let lefts: Json[] = [];
        try {
          lefts = this.list([item], node.left);
        } catch (e) {
          if (!this.opts.allowMissingKeys) throw e;
        }
        const rights = this.list([item], node.right);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new Error('can only compare one element at a time');
        if (node.operator === 'exists') {
          results.push(item);
          continue;
        }
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new Error('can only compare one element at a time');
        if (compare(node.operator, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }
}

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Elements of an array, or values of a map in sorted key order; nothing for scalars. */
function children(v: Json): Json[] {
  if (Array.isArray(v)) return v;
  if (isObject(v)) return Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => v[k]);
  return [];
}

/** `..`: every container under (and including) v that has children, depth first. */
function descendants(v: Json): Json[] {
  const kids = children(v);
  return kids.length === 0 ? [] : [v, ...kids.flatMap(descendants)];
}

function compare(op: string, a: Json, b: Json): boolean {
  const comparable = typeof a === typeof b && (typeof a === 'number' || typeof a === 'string');
  const equal = typeof a === typeof b && a === b;
  switch (op) {
    case '==':
      return equal;
    case '!=':
      // Go's template.NotEqual says true for values of different types.
      return !equal;
    case '<':
      return comparable && (a as number) < (b as number);
    case '>':
      return comparable && (a as number) > (b as number);
    case '<=':
      return comparable ? (a as number) <= (b as number) : equal;
    case '>=':
      return comparable && (a as number) >= (b as number);
    default:
      throw new Error(`unrecognized filter operator ${op}`);
  }
}

/** The Go type name of a decoded JSON value, as kubectl's messages show it. */
function goType(v: Json): string {
  if (isObject(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return 'interface {}';
}
