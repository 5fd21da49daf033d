/**
 * The parser of Go text/template (text/template/parse parse.go): the same grammar, the same three-token
 * look-ahead, the same checks at parse time (functions must exist, variables must be declared, break only in
 * range) and the same messages, `template: NAME:LINE: ...`. {{define}} and {{block}} add named trees.
 */
import { goQuote } from './fmt';
import { itemString, lex, type Item, type ItemType } from './lexer';
import { parseFloat64, parseInteger, unquote, unquoteChar } from './literals';
import { nodeString, type BranchNode, type CommandNode, type Delimiter, type ListNode, type Node, type NumberNode, type Operand, type PipeNode, type VariableNode } from './nodes';

export class TemplateParseError extends Error {}

/** The named trees of one template text; the text itself is `name`. */
export type TreeSet = Map<string, ListNode>;

/** Parses `text` as the template `name`, knowing which function names exist. */
export function parseTemplateText(name: string, text: string, funcs: ReadonlySet<string>): TreeSet {
  const treeSet: TreeSet = new Map();
  const lexer = { items: lex(text), next: 0 };
  new Parser(name, name, lexer, treeSet, funcs).parse();
  return treeSet;
}

interface Lexer {
  items: Item[];
  next: number;
}

const OPERAND_START = new Set<ItemType>(['bool', 'charConstant', 'complex', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen']);
const NON_EXECUTABLE = new Set(['bool', 'dot', 'nil', 'number', 'string']);

class Parser {
  private readonly token: Item[] = [];
  private peekCount = 0;
  private vars = ['$'];
  private actionLine = 0;
  private rangeDepth = 0;

  constructor(
    private name: string,
    private readonly parseName: string,
    private readonly lexer: Lexer,
    private readonly treeSet: TreeSet,
    private readonly funcs: ReadonlySet<string>,
  ) {}

  parse(): void {
    const root = this.list(this.peek().pos);
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const delim = this.next();
        if (this.nextNonSpace().type === 'define') {
          this.subParser('definition').parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (isDelimiter(n)) this.errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    this.add(root);
  }

  private subParser(name: string): Parser {
    return new Parser(name, this.parseName, this.lexer, this.treeSet, this.funcs);
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf('string', 'rawString', context);
    this.name = this.unquote(name.value);
    this.expect('rightDelim', context);
    const [root, end] = this.itemList();
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add(root);
  }

  private add(root: ListNode): void {
    const existing = this.treeSet.get(this.name);
    if (!existing || isEmptyTree(existing)) this.treeSet.set(this.name, root);
    else if (!isEmptyTree(root)) this.errorf(`template: multiple definition of template ${goQuote(this.name)}`);
  }

  // Tokens.

  private lexNext(): Item {
    const items = this.lexer.items;
    return items[Math.min(this.lexer.next++, items.length - 1)];
  }

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lexNext();
    return this.token[this.peekCount];
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.lexNext();
    return this.token[0];
  }

  private nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.type === 'space');
    return token;
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  // Errors.

  private errorf(message: string): never {
    throw new TemplateParseError(`template: ${this.parseName}:${this.token[0].line}: ${message}`);
  }

  private expect(type: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== type) this.unexpected(token, context);
    return token;
  }

  private expectOneOf(a: ItemType, b: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== a && token.type !== b) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.value.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  private unquote(quoted: string): string {
    try {
      return unquote(quoted);
    } catch (e) {
      this.errorf((e as Error).message);
    }
  }

  // Grammar.

  private list(pos: number): ListNode {
    return { type: 'list', pos, nodes: [] };
  }

  /** textOrAction* up to {{end}} or {{else}}, returned with the list. */
  private itemList(): [ListNode, Delimiter] {
    const list = this.list(this.peekNonSpace().pos);
    while (this.peekNonSpace().type !== 'eof') {
      const n = this.textOrAction();
      if (isDelimiter(n)) return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node | Delimiter {
    const token = this.nextNonSpace();
    if (token.type === 'text') return { type: 'text', pos: token.pos, text: token.value };
    if (token.type !== 'leftDelim') this.unexpected(token, 'input');
    this.actionLine = token.line;
    try {
      return this.action();
    } finally {
      this.actionLine = 0;
    }
  }

  private action(): Node | Delimiter {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'block':
        return this.blockControl();
      case 'break':
      case 'continue':
        return this.loopControl(token);
      case 'else':
        return this.elseControl();
      case 'end':
        return { type: 'end', pos: this.expect('rightDelim', 'end').pos };
      case 'if':
      case 'range':
      case 'with':
        return this.control(token.type);
      case 'template':
        return this.templateControl();
    }
    this.backup();
    const start = this.peek();
    // Variables declared here persist until the enclosing {{end}}.
    return { type: 'action', pos: start.pos, pipe: this.pipeline('command', 'rightDelim') };
  }

  private loopControl(keyword: Item): Node {
    const type = keyword.type as 'break' | 'continue';
    const token = this.nextNonSpace();
    if (token.type !== 'rightDelim') this.unexpected(token, `{{${type}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${type}}} outside {{range}}`);
    return { type, pos: keyword.pos };
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const pipe: PipeNode = { type: 'pipe', pos: this.peekNonSpace().pos, isAssign: false, decl: [], cmds: [] };
    for (let v = this.peekNonSpace(); v.type === 'variable'; v = this.peekNonSpace()) {
      this.next();
      // Spaces are tokens, so "$x foo" needs three tokens of look-ahead to tell an argument from a declaration.
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.type === 'assign' || next.type === 'declare') {
        pipe.isAssign = next.type === 'assign';
        this.nextNonSpace();
        this.declare(pipe, v);
        break;
      }
      if (next.type === 'char' && next.value === ',') {
        this.nextNonSpace();
        this.declare(pipe, v);
        if (context === 'range' && pipe.decl.length < 2) {
          const after = this.peekNonSpace().type;
          if (after === 'variable' || after === 'rightDelim' || after === 'rightParen') continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      }
      if (tokenAfterVariable.type === 'space') this.backup3(v, tokenAfterVariable);
      else this.backup2(v);
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      if (token.type === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      if (!OPERAND_START.has(token.type)) this.unexpected(token, context);
      this.backup();
      pipe.cmds.push(this.command());
    }
  }

  private declare(pipe: PipeNode, v: Item): void {
    pipe.decl.push(variableNode(v.pos, v.value));
    this.vars.push(v.value);
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      if (NON_EXECUTABLE.has(c.args[0].type)) this.errorf(`non executable command in pipeline stage ${i + 2}`);
    });
  }

  /** if / range / with: pipeline, list, optional else list (`else if` and `else with` chain without an extra {{end}}). */
  private control(type: BranchNode['type']): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(type, 'rightDelim');
      if (type === 'range') this.rangeDepth++;
      const [list, next] = this.itemList();
      if (type === 'range') this.rangeDepth--;
      let elseList: ListNode | undefined;
      if (next.type === 'else') {
        if ((type === 'if' || type === 'with') && this.peek().type === type) {
          this.next();
          elseList = this.list(next.pos);
          elseList.nodes.push(this.control(type));
        } else {
          let end: Delimiter;
          [elseList, end] = this.itemList();
          if (end.type !== 'end') this.errorf(`expected end; found ${nodeString(end)}`);
        }
      }
      return { type, pos: pipe.pos, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  private elseControl(): Delimiter {
    const peek = this.peekNonSpace();
    // {{else if ...}} and {{else with ...}} are read as {{else}}{{if ...}}: leave the keyword for control().
    if (peek.type === 'if' || peek.type === 'with') return { type: 'else', pos: peek.pos };
    return { type: 'else', pos: this.expect('rightDelim', 'else').pos };
  }

  private blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const block = this.subParser(name);
    const [root, end] = block.itemList();
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.add(root);
    return { type: 'template', pos: token.pos, name, pipe };
  }

  private templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { type: 'template', pos: token.pos, name, pipe };
  }

  private templateName(token: Item, context: string): string {
    if (token.type !== 'string' && token.type !== 'rawString') this.unexpected(token, context);
    return this.unquote(token.value);
  }

  /** Space-separated operands up to a pipe (consumed) or the end of the action (left for the caller). */
  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.type === 'space') continue;
      if (token.type === 'rightDelim' || token.type === 'rightParen') this.backup();
      else if (token.type !== 'pipe') this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  /** A term followed by any .Field accesses. */
  private operand(): Operand | undefined {
    const node = this.term();
    if (!node || this.peek().type !== 'field') return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === 'field') fields.push(this.next().value.slice(1));
    switch (node.type) {
      case 'field':
        return { type: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { type: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
    }
    return { type: 'chain', pos, node, fields };
  }

  private term(): Operand | undefined {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'identifier':
        if (!this.funcs.has(token.value)) this.errorf(`function ${goQuote(token.value)} not defined`);
        return { type: 'identifier', pos: token.pos, name: token.value };
      case 'dot':
        return { type: 'dot', pos: token.pos };
      case 'nil':
        return { type: 'nil', pos: token.pos };
      case 'variable':
        if (!this.vars.includes(token.value)) this.errorf(`undefined variable ${goQuote(token.value)}`);
        return variableNode(token.pos, token.value);
      case 'field':
        return { type: 'field', pos: token.pos, ident: token.value.slice(1).split('.') };
      case 'bool':
        return { type: 'bool', pos: token.pos, value: token.value === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number':
        return this.number(token);
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString':
        return { type: 'string', pos: token.pos, quoted: token.value, text: this.unquote(token.value) };
    }
    this.backup();
    return undefined;
  }

  /** A number literal with every Go type that can hold it (its "ideal constant" values). */
  private number(token: Item): NumberNode {
    const text = token.value;
    const node: NumberNode = { type: 'number', pos: token.pos, text };
    if (token.type === 'charConstant') {
      let char: { char: string; next: number };
      try {
        char = unquoteChar(text, 1, "'");
      } catch (e) {
        this.errorf((e as Error).message);
      }
      if (text.slice(char.next) !== "'") this.errorf(`malformed character constant: ${text}`);
      const code = char.char.codePointAt(0)!;
      return { ...node, int: BigInt(code), float: code };
    }
    if (token.type === 'complex' || text.endsWith('i')) this.errorf(`complex constants are not supported: ${text}`);
    const integer = parseInteger(text);
    // An integer only a uint64 holds parses; using it fails ("overflows int"), as in Go.
    if (integer && (integer.int || integer.uint)) return { ...node, int: integer.int ? integer.value : undefined, float: Number(integer.value) };
    const float = parseFloat64(text);
    if (Number.isNaN(float)) this.errorf(`illegal number syntax: ${goQuote(text)}`);
    if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${goQuote(text)}`);
    return { ...node, float, int: Number.isInteger(float) && Math.abs(float) < 2 ** 63 ? BigInt(float) : undefined };
  }
}

const isDelimiter = (n: Node | Delimiter): n is Delimiter => n.type === 'end' || n.type === 'else';

function variableNode(pos: number, name: string): VariableNode {
  return { type: 'variable', pos, ident: name.split('.') };
}

/** A tree holding nothing but spaces (a {{define}} may replace it). */
function isEmptyTree(n: Node): boolean {
  if (n.type === 'list') return n.nodes.every(isEmptyTree);
  return n.type === 'text' && n.text.trim() === '';
}
