/** Maps field paths of a parsed YAML document back to line:column positions in the source text. */
import type { Document, LineCounter, Node as YamlNode, Pair } from 'yaml';
import type { FieldPath } from '../api/problems';

export interface Position {
  line: number;
  col: number;
}

export class SourceLocator {
  constructor(
    private readonly root: YamlNode,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Where the object this locator covers starts. */
  get start(): Position {
    return this.lines.linePos(this.root.range?.[0] ?? 0);
  }

  /** A locator for a nested node (an item of a `kind: List`). */
  child(path: FieldPath): SourceLocator {
    const found = this.walk(path);
    return new SourceLocator(found.complete ? found.node : this.root, this.doc, this.lines);
  }

  /**
   * The position of a field's key or value. When the field does not exist (a missing required field), the
   * position of its nearest existing parent: the parent's key, or the start of the parent list item.
   */
  locate(path: FieldPath, part: 'key' | 'value'): Position {
    const { node, key, complete } = this.walk(path);
    const target = complete && part === 'value' ? node : (key ?? node);
    return this.lines.linePos(target.range?.[0] ?? 0);
  }

  private walk(path: FieldPath): { node: YamlNode; key?: YamlNode; complete: boolean } {
    const { isAlias, isMap, isSeq } = require('yaml') as typeof import('yaml');
    let node = this.root;
    let key: YamlNode | undefined;
    for (const seg of path) {
      if (isAlias(node)) node = (node.resolve(this.doc) as YamlNode | undefined) ?? node;
      let next: { node: YamlNode; key?: YamlNode } | undefined;
      if (isMap(node)) next = this.findPair(node.items as Pair<YamlNode, YamlNode>[], String(seg));
      else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) next = { node: node.items[seg] as YamlNode };
      if (!next) return { node, key, complete: false };
      node = next.node;
      key = next.key;
    }
    return { node, key, complete: true };
  }

  /** Finds a key in a mapping, also through YAML merge keys (`<<: *defaults`). */
  private findPair(items: Pair<YamlNode, YamlNode>[], name: string, depth = 0): { node: YamlNode; key: YamlNode } | undefined {
    const { isAlias, isMap, isScalar, isSeq } = require('yaml') as typeof import('yaml');
    for (const pair of items) {
      if (isScalar(pair.key) && typeof pair.key.value !== 'symbol' && String(pair.key.value) === name) return { node: (pair.value ?? pair.key) as YamlNode, key: pair.key };
    }
    if (depth > 8) return undefined;
    for (const pair of items) {
      // yaml represents the merge key `<<` as a Symbol('<<') scalar.
      if (!isScalar(pair.key) || pair.key.source !== '<<' || !pair.value) continue;
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        const resolved = isAlias(source) ? source.resolve(this.doc) : source;
        if (isMap(resolved)) {
          const found = this.findPair(resolved.items as Pair<YamlNode, YamlNode>[], name, depth + 1);
          if (found) return found;
        }
      }
    }
    return undefined;
  }
}
