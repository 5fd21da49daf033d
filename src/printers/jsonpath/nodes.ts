/** The syntax tree of a kubectl JSONPath template (client-go util/jsonpath node.go, same node kinds). */

export interface ListNode {
  type: 'list';
  nodes: Node[];
}

/** One bound of `[start:end:step]`; `derived` marks the end implied by a single index (`[2]` is `[2:3]`). */
export interface Param {
  value: number;
  known: boolean;
  derived: boolean;
}

export type Node =
  | ListNode
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'array'; params: [Param, Param, Param] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] }
  | { type: 'identifier'; name: string };

export const list = (nodes: Node[] = []): ListNode => ({ type: 'list', nodes });
