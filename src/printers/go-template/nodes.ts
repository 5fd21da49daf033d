/**
 * The parse tree of a Go text/template (text/template/parse node.go, same node kinds). `pos` is where the node
 * starts in the template; nodeString is Go's Node.String(), which execution errors quote (`at <.a.b>`).
 */
import { goQuote } from './fmt';

export interface ListNode { type: 'list'; pos: number; nodes: Node[] }
export interface PipeNode { type: 'pipe'; pos: number; isAssign: boolean; decl: VariableNode[]; cmds: CommandNode[] }
export interface CommandNode { type: 'command'; pos: number; args: Operand[] }
export interface VariableNode { type: 'variable'; pos: number; ident: string[] }
export interface FieldNode { type: 'field'; pos: number; ident: string[] }
export interface ChainNode { type: 'chain'; pos: number; node: Operand; fields: string[] }
export interface NumberNode {
  type: 'number';
  pos: number;
  text: string;
  /** The value as a Go int, when the literal is integral and fits int64. */
  int?: bigint;
  /** The value as a float64, when it has one. */
  float?: number;
}
export interface BranchNode { type: 'if' | 'range' | 'with'; pos: number; pipe: PipeNode; list: ListNode; elseList?: ListNode }

export type Operand =
  | VariableNode
  | FieldNode
  | ChainNode
  | NumberNode
  | PipeNode
  | { type: 'identifier'; pos: number; name: string }
  | { type: 'dot'; pos: number }
  | { type: 'nil'; pos: number }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'string'; pos: number; quoted: string; text: string };

export type Node =
  | ListNode
  | BranchNode
  | { type: 'text'; pos: number; text: string }
  | { type: 'action'; pos: number; pipe: PipeNode }
  | { type: 'template'; pos: number; name: string; pipe?: PipeNode }
  | { type: 'break' | 'continue'; pos: number };

/** {{end}} and {{else}} end an item list; they never reach the finished tree. */
export type Delimiter = { type: 'end' | 'else'; pos: number };

export type AnyNode = Node | Operand | CommandNode | Delimiter;

export function nodeString(n: AnyNode): string {
  switch (n.type) {
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'text':
      return n.text;
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'pipe': {
      const decl = n.decl.length ? `${n.decl.map(nodeString).join(', ')}${n.isAssign ? ' = ' : ' := '}` : '';
      return decl + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'identifier':
      return n.name;
    case 'variable':
      return n.ident.join('.');
    case 'field':
      return n.ident.map((id) => `.${id}`).join('');
    case 'chain':
      return (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.fields.map((f) => `.${f}`).join('');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(n.value);
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'if':
    case 'range':
    case 'with':
      return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}${n.elseList ? `{{else}}${nodeString(n.elseList)}` : ''}{{end}}`;
    case 'template':
      return `{{template ${goQuote(n.name)}${n.pipe ? ` ${nodeString(n.pipe)}` : ''}}}`;
    case 'break':
    case 'continue':
    case 'end':
    case 'else':
      return `{{${n.type}}}`;
  }
}
