/**
 * Runs a parsed template over data as text/template's exec.go does: dot and variables, pipelines feeding the
 * previous value as the last argument, if/with/range (maps in key order, break/continue), {{template}}, Go's
 * missingkey=default (a missing key is `<no value>`) or missingkey=error, and the same error text:
 * `template: NAME:LINE:COL: executing "NAME" at <NODE>: ...`.
 */
import { goQuote, sprint } from './fmt';
import type { GoFunc, ParamKind } from './funcs';
import { nodeString, type AnyNode, type BranchNode, type ChainNode, type CommandNode, type FieldNode, type ListNode, type Node, type NumberNode, type Operand, type PipeNode, type VariableNode } from './nodes';
import type { TreeSet } from './parser';
import { GoInt, goInt, isMap, isTrue, sortedKeys, typeName, type GoValue } from './values';

export class TemplateExecError extends Error {
  /** What the template printed before it failed (Go writes as it goes). */
  output = '';
}

export interface ExecOptions {
  /** missingkey=error: a missing map key fails instead of printing `<no value>`. */
  missingKeyError: boolean;
}

/**
 * A value with where it came from: elements of decoded maps and lists are interface{} values, so a field on
 * them fails "in type interface {}" and a JSON null in one is a nil interface. A pipeline's result is concrete.
 */
interface Ref {
  v: GoValue;
  iface: boolean;
}

interface Variable extends Ref {
  name: string;
}

/** No value came down the pipeline (Go's missingVal): the command is the first of its pipeline. */
const MISSING = Symbol('missing');
type Final = GoValue | typeof MISSING;

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
const MAX_DEPTH = 100000;

export function execute(trees: TreeSet, name: string, text: string, funcs: Record<string, GoFunc>, data: GoValue, opts: ExecOptions): string {
  const state = new State(trees, name, text, funcs, opts, data);
  try {
    const root = trees.get(name);
    if (!root) state.errorf(`${goQuote(name)} is an incomplete or empty template`);
    state.walk({ v: data, iface: false }, root!);
    return state.out.join('');
  } catch (e) {
    const error = e instanceof RangeError ? state.errorAt(`exceeded maximum template depth (${MAX_DEPTH})`) : e;
    if (error instanceof TemplateExecError) error.output = state.out.join('');
    throw error;
  }
}

class State {
  readonly out: string[] = [];
  private node: AnyNode | undefined;
  private vars: Variable[];
  private depth = 0;

  constructor(
    private readonly trees: TreeSet,
    private tmplName: string,
    private readonly text: string,
    private readonly funcs: Record<string, GoFunc>,
    private readonly opts: ExecOptions,
    data: GoValue,
    private readonly parseName = tmplName,
  ) {
    this.vars = [{ name: '$', v: data, iface: false }];
  }

  // Errors.

  errorAt(message: string): TemplateExecError {
    const name = this.tmplName;
    if (!this.node) return new TemplateExecError(`template: ${name}: ${message}`);
    const before = this.text.slice(0, this.node.pos);
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.split('\n').length;
    const column = Buffer.byteLength(before.slice(lineStart), 'utf8');
    return new TemplateExecError(`template: ${this.parseName}:${line}:${column}: executing ${goQuote(name)} at <${nodeString(this.node)}>: ${message}`);
  }

  errorf(message: string): never {
    throw this.errorAt(message);
  }

  // Variables.

  private push(name: string, v: GoValue, iface = false): void {
    this.vars.push({ name, v, iface });
  }

  private find(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i];
    this.errorf(`undefined variable: ${name}`);
  }

  private setVar(name: string, v: GoValue, iface = false): void {
    Object.assign(this.find(name), { v, iface });
  }

  private setTopVar(n: number, v: GoValue, iface: boolean): void {
    Object.assign(this.vars[this.vars.length - n], { v, iface });
  }

  // Walking the tree.

  walk(dot: Ref, node: Node): void {
    this.node = node;
    switch (node.type) {
      case 'action': {
        // A declaration prints nothing; its variables live until the enclosing {{end}}.
        const v = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, v);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node.name, node.pipe);
      case 'text':
        this.out.push(node.text);
        return;
    }
  }

  private walkIfOrWith(dot: Ref, node: BranchNode): void {
    const mark = this.vars.length;
    try {
      const v = this.evalPipeline(dot, node.pipe);
      if (isTrue(v)) this.walk(node.type === 'with' ? { v, iface: false } : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  private walkRange(dot: Ref, r: BranchNode): void {
    this.node = r;
    const outer = this.vars.length;
    try {
      const v = this.evalPipeline(dot, r.pipe);
      const mark = this.vars.length;
      const { decl, isAssign } = r.pipe;
      const iteration = (index: GoValue, elem: GoValue, iface: boolean) => {
        if (decl.length > 0) {
          if (!isAssign) this.setTopVar(1, elem, iface);
          else if (decl.length > 1) this.setVar(decl[0].ident[0], index);
          else this.setVar(decl[0].ident[0], elem, iface);
        }
        if (decl.length > 1) {
          if (isAssign) this.setVar(decl[1].ident[0], elem, iface);
          else this.setTopVar(2, index, false);
        }
        try {
          this.walk({ v: elem, iface }, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.vars.length = mark;
        }
      };
      let count = 0;
      try {
        if (v instanceof GoInt) {
          if (decl.length > 1) this.errorf(`can't use ${sprint([v])} to iterate over more than one variable`);
          for (let i = 0n; i < v.value; i++, count++) iteration(undefined, new GoInt(i, v.type), false);
        } else if (Array.isArray(v)) {
          for (; count < v.length; count++) iteration(goInt(count), v[count], true);
        } else if (isMap(v)) {
          for (const k of sortedKeys(v)) count++, iteration(k, v[k], true);
        } else if (v !== undefined) this.errorf(`range can't iterate over ${sprint([v])}`);
      } catch (e) {
        if (e === BREAK) return;
        throw e;
      }
      if (count === 0 && r.elseList) this.walk(dot, r.elseList);
    } finally {
      this.vars.length = outer;
    }
  }

  private walkTemplate(dot: Ref, name: string, pipe: PipeNode | undefined): void {
    const tree = this.trees.get(name);
    if (!tree) this.errorf(`template ${goQuote(name)} not defined`);
    if (this.depth === MAX_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
    const v = this.evalPipeline(dot, pipe);
    // No dynamic scope: the called template sees only $, its dot.
    const saved = { vars: this.vars, tmplName: this.tmplName };
    this.vars = [{ name: '$', v, iface: false }];
    this.tmplName = name;
    this.depth++;
    this.walk({ v, iface: false }, tree as ListNode);
    this.depth--;
    Object.assign(this, saved);
  }

  private printValue(node: AnyNode, v: GoValue): void {
    this.node = node;
    this.out.push(v === undefined ? '<no value>' : sprint([v]));
  }

  // Evaluation.

  /** The pipeline's value (concrete: a nil interface is no value); declares or assigns its variables. */
  private evalPipeline(dot: Ref, pipe: PipeNode | undefined): GoValue {
    if (!pipe) return undefined;
    this.node = pipe;
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value === null) value = undefined;
    }
    const result = value as GoValue;
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], result);
      else this.push(v.ident[0], result);
    }
    return result;
  }

  private notAFunction(args: Operand[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  private evalCommand(dot: Ref, cmd: CommandNode, final: Final): GoValue {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot.v;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
  }

  /** A number literal where nothing says its type: an int, or a float64 when written like one (1.5, 1e3). */
  private idealConstant(n: NumberNode): GoValue {
    this.node = n;
    const looksFloat = /[.eEpP]/.test(n.text) && !/^[+-]?0[xX]/.test(n.text) && !n.text.startsWith("'");
    if (looksFloat && n.float !== undefined) return n.float;
    if (n.int !== undefined) return goInt(n.int);
    return this.errorf(`${n.text} overflows int`);
  }

  private evalFieldNode(dot: Ref, field: FieldNode, args: Operand[] | undefined, final: Final): GoValue {
    this.node = field;
    return this.evalFieldChain(dot, dot, field.ident, args, final);
  }

  private evalChainNode(dot: Ref, chain: ChainNode, args: Operand[] | undefined, final: Final): GoValue {
    this.node = chain;
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const receiver = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain(dot, { v: receiver, iface: false }, chain.fields, args, final);
  }

  private evalVariableNode(dot: Ref, variable: VariableNode, args: Operand[] | undefined, final: Final): GoValue {
    this.node = variable;
    const value = this.find(variable.ident[0]);
    if (variable.ident.length === 1) {
      this.notAFunction(args ?? [variable], final);
      return value.v;
    }
    return this.evalFieldChain(dot, value, variable.ident.slice(1), args, final);
  }

  /** .X.Y.Z: each step looks a key up in the value before it; only the last may get arguments. */
  private evalFieldChain(dot: Ref, receiver: Ref, ident: string[], args: Operand[] | undefined, final: Final): GoValue {
    let current = receiver;
    for (const name of ident.slice(0, -1)) current = { v: this.evalField(name, undefined, MISSING, current), iface: true };
    return this.evalField(ident[ident.length - 1], args, final, current);
  }

  private evalField(name: string, args: Operand[] | undefined, final: Final, receiver: Ref): GoValue {
    const { v } = receiver;
    if (v === undefined) {
      if (this.opts.missingKeyError) this.errorf(`nil data; no entry for key ${goQuote(name)}`);
      return undefined;
    }
    const type = receiver.iface ? 'interface {}' : typeName(v);
    if (v === null) this.errorf(`nil pointer evaluating ${type}.${name}`);
    if (isMap(v)) {
      if ((args && args.length > 1) || final !== MISSING) this.errorf(`${name} is not a method but has arguments`);
      if (Object.prototype.hasOwnProperty.call(v, name) && v[name] !== undefined) return v[name];
      if (this.opts.missingKeyError) this.errorf(`map has no entry for key ${goQuote(name)}`);
      return undefined;
    }
    return this.errorf(`can't evaluate field ${name} in type ${type}`);
  }

  private evalFunction(dot: Ref, node: Operand & { type: 'identifier' }, cmd: AnyNode, args: Operand[] | undefined, final: Final): GoValue {
    this.node = node;
    const fn = this.funcs[node.name];
    if (!fn) this.errorf(`${goQuote(node.name)} is not a defined function`);
    return this.evalCall(dot, fn, node.name, cmd, args ? args.slice(1) : [], final);
  }

  private evalCall(dot: Ref, fn: GoFunc, name: string, node: AnyNode, args: Operand[], final: Final): GoValue {
    const numIn = args.length + (final === MISSING ? 0 : 1);
    const numFixed = fn.variadic ? fn.params.length : args.length;
    if (fn.variadic) {
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${fn.params.length} got ${args.length}`);
    } else if (numIn !== fn.params.length) this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);

    if (name === 'and' || name === 'or') {
      // They stop at the first argument that decides, returning it.
      let v: GoValue;
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg);
        if (isTrue(v === null ? undefined : v) === (name === 'or')) return v;
      }
      return final === MISSING ? v! : final;
    }

    const argv: GoValue[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fn.params[i], args[i]));
    for (; i < args.length; i++) argv.push(this.evalArg(dot, fn.variadic, args[i]));
    if (final !== MISSING) {
      const kind = !fn.variadic ? fn.params[fn.params.length - 1] : numIn - 1 < numFixed ? fn.params[numIn - 1] : fn.variadic;
      argv.push(this.validateType(final, kind));
    }
    if (name === 'call') argv.unshift(args.length === 0 ? sprint([final as GoValue]) : nodeString(args[0]));
    try {
      return fn.call(argv);
    } catch (e) {
      this.node = node;
      return this.errorf(`error calling ${name}: ${(e as Error).message}`);
    }
  }

  /** A value as an argument of the kind a function takes (reflect's assignability, as far as JSON data needs). */
  private validateType(v: GoValue, kind: ParamKind | undefined): GoValue {
    if (kind === 'any') return v === undefined ? null : v;
    if (kind !== 'string' || typeof v === 'string') return v;
    if (v === undefined) this.errorf('invalid value; expected string');
    return this.errorf(`wrong type for value; expected string; got ${v === null ? 'interface {}' : typeName(v)}`);
  }

  private evalArg(dot: Ref, kind: ParamKind | undefined, n: Operand): GoValue {
    this.node = n;
    switch (n.type) {
      case 'dot':
        return this.validateType(dot.v, kind);
      case 'nil':
        if (kind === 'string') this.errorf('cannot assign nil to string');
        return kind === 'any' ? null : undefined;
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), kind);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, undefined, MISSING), kind);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), kind);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, undefined, MISSING), kind);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, undefined, MISSING), kind);
    }
    if (kind === 'string') return n.type === 'string' ? n.text : this.errorf(`expected string; found ${nodeString(n)}`);
    if (n.type === 'number') return this.idealConstant(n);
    return n.type === 'bool' ? n.value : n.text;
  }
}
