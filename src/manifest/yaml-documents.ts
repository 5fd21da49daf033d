/**
 * Splits YAML (or JSON) text into documents with source positions, defending against hostile input:
 * syntax errors and duplicate keys are reported with line:col, alias expansion is capped ("billion laughs"),
 * and nesting depth is checked on the token stream before the recursive composer could overflow the stack.
 * YAML 1.1 is used, as by kubectl (sigs.k8s.io/yaml): `defaultMode: 0644` is octal, `yes` is a boolean.
 * kustomize reads with go-yaml v3 instead (the 'kustomize' dialect): YAML 1.2, where `yes` is a string, but
 * `0644` is still octal.
 */
import type { Alias, CST, Document, LineCounter, Tags } from 'yaml';
import { SourceLocator, type Position } from './positions';

export interface YamlDocument {
  value: unknown;
  locator: SourceLocator;
}

export interface PositionedMessage {
  pos: Position;
  message: string;
}

/** Deeper than any real manifest; keeps hostile nesting away from recursive code. */
export const MAX_NESTING_DEPTH = 100;
/** Alias nodes expanded per document (yaml's maxAliasCount). */
export const MAX_ALIAS_COUNT = 100;

export type YamlDialect = 'kubectl' | 'kustomize';

export function parseYamlDocuments(text: string, dialect: YamlDialect = 'kubectl'): { documents: YamlDocument[]; problems: PositionedMessage[] } {
  const { Composer, LineCounter, Parser } = require('yaml') as typeof import('yaml');
  const lines = new LineCounter();
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const tooDeep = findTooDeep(tokens);
  if (tooDeep !== undefined) {
    return { documents: [], problems: [{ pos: lines.linePos(tooDeep), message: `nesting is too deep (more than ${MAX_NESTING_DEPTH} levels)` }] };
  }
  const version = dialect === 'kubectl' ? '1.1' : '1.2';
  const customTags = dialect === 'kubectl' ? jsonCompatibleTags : (tags: Tags) => [LEGACY_OCTAL, ...jsonCompatibleTags(tags)];
  const composer = new Composer({ version, uniqueKeys: true, customTags, prettyErrors: false });
  const documents: YamlDocument[] = [];
  const problems: PositionedMessage[] = [];
  for (const doc of composer.compose(tokens, true, text.length)) {
    if (doc.errors.length > 0) {
      // Only the first: the parser's later errors in a document mostly follow from it.
      const first = doc.errors[0];
      problems.push({ pos: lines.linePos(first.pos[0]), message: first.message.split('\n')[0] });
      continue;
    }
    if (doc.contents === null) continue;
    const start = lines.linePos(doc.contents.range?.[0] ?? 0);
    const value = toJs(doc, start, lines, problems);
    // An empty document, or one that is only `null` or `~`, is skipped as kubectl skips it.
    if (value === null || value === undefined) continue;
    documents.push({ value, locator: new SourceLocator(doc.contents, doc, lines) });
  }
  return { documents, problems };
}

function toJs(doc: Document, start: Position, lines: LineCounter, problems: PositionedMessage[]): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = (e as Error).message;
    if (/excessive alias count/i.test(message)) {
      problems.push({ pos: start, message: `too many YAML aliases (more than ${MAX_ALIAS_COUNT} expansions), refusing a possible "billion laughs" document` });
    } else {
      const alias = unresolvedAlias(doc);
      problems.push(alias ? { pos: lines.linePos(alias.range?.[0] ?? 0), message: `unknown YAML alias *${alias.source}: no anchor &${alias.source} before it` } : { pos: start, message });
    }
    return undefined;
  }
}

function unresolvedAlias(doc: Document): Alias | undefined {
  const { visit } = require('yaml') as typeof import('yaml');
  let found: Alias | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/** go-yaml v3 still reads YAML 1.1's `0644` as an octal number. */
const LEGACY_OCTAL = {
  identify: (value: unknown) => typeof value === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: /^[-+]?0[0-7]+$/,
  resolve: (str: string) => parseInt(str, 8),
};

/**
 * Only the tags whose values JSON can hold: no timestamps (kept as strings, as kubectl does), no sexagesimal
 * numbers (`1:30` stays a string), no binary, sets or ordered maps.
 */
function jsonCompatibleTags(tags: Tags): Tags {
  const dropped = ['tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:binary', 'tag:yaml.org,2002:set', 'tag:yaml.org,2002:omap', 'tag:yaml.org,2002:pairs'];
  return tags.filter((t) => typeof t === 'string' || (!dropped.includes(t.tag) && t.format !== 'TIME'));
}

/** Offset of the first collection nested deeper than MAX_NESTING_DEPTH, walking the CST without recursion. */
function findTooDeep(tokens: CST.Token[]): number | undefined {
  const stack: { token: CST.Token | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push({ token: token.value, depth });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (depth >= MAX_NESTING_DEPTH) return token.offset;
        for (const item of token.items) {
          const entry = item as { key?: CST.Token | null; value?: CST.Token };
          if (entry.key) stack.push({ token: entry.key, depth: depth + 1 });
          stack.push({ token: entry.value, depth: depth + 1 });
        }
        break;
    }
  }
  return undefined;
}
