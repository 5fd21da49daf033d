/**
 * The tokens of a Go text/template, as text/template/parse's lexer makes them: text outside actions, and inside
 * `{{ }}` fields, variables, identifiers, literals, pipes, parens, `:=` / `=`. Trim markers (`{{- ` and ` -}}`)
 * and comments are handled here, so the parser never sees them. An error token ends the stream.
 */
import { goQuote } from './fmt';

export type ItemType =
  | 'error' | 'bool' | 'char' | 'charConstant' | 'complex' | 'assign' | 'declare' | 'eof' | 'field' | 'identifier'
  | 'leftDelim' | 'leftParen' | 'number' | 'pipe' | 'rawString' | 'rightDelim' | 'rightParen' | 'space' | 'string'
  | 'text' | 'variable'
  // keywords
  | 'block' | 'break' | 'continue' | 'dot' | 'define' | 'else' | 'end' | 'if' | 'nil' | 'range' | 'template' | 'with';

export interface Item {
  type: ItemType;
  /** Offset of the item in the template (a JS string index). */
  pos: number;
  value: string;
  line: number;
}

const KEYWORDS: Partial<Record<string, ItemType>> = {
  '.': 'dot', block: 'block', break: 'break', continue: 'continue', define: 'define', else: 'else', end: 'end',
  if: 'if', range: 'range', nil: 'nil', template: 'template', with: 'with',
};
const KEYWORD_TYPES = new Set(Object.values(KEYWORDS));

/** Go's item.String(), used in parse errors (`unexpected "}" in operand`, `unexpected <end> in ...`). */
export function itemString(item: Item): string {
  if (item.type === 'eof') return 'EOF';
  if (item.type === 'error') return item.value;
  if (KEYWORD_TYPES.has(item.type)) return `<${item.value}>`;
  const runes = [...item.value];
  if (runes.length > 10) return `${goQuote(runes.slice(0, 10).join(''))}...`;
  return goQuote(item.value);
}

const LEFT = '{{';
const RIGHT = '}}';
const SPACE = /[ \t\r\n]/;
const ALNUM = /[\p{L}\p{Nd}_]/u;

const isSpace = (c: string | undefined) => c !== undefined && SPACE.test(c);
const isAlphaNumeric = (c: string | undefined) => c !== undefined && ALNUM.test(c);
const hasLeftTrim = (s: string, at: number) => s[at] === '-' && isSpace(s[at + 1]);
const hasRightTrim = (s: string, at: number) => isSpace(s[at]) && s[at + 1] === '-';
const countLines = (s: string) => s.split('\n').length - 1;

/** Go's %#U: `U+002B '+'`. */
function runeName(c: string): string {
  const hex = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return c === ' ' || /\p{L}|\p{M}|\p{N}|\p{P}|\p{S}/u.test(c) ? `U+${hex} '${c}'` : `U+${hex}`;
}

/** All the items of `input`, ending with an `eof` or an `error` item. */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;

  const emit = (type: ItemType) => {
    items.push({ type, pos: start, value: input.slice(start, pos), line: startLine });
    start = pos;
    startLine = line;
  };
  const ignore = () => {
    line += countLines(input.slice(start, pos));
    start = pos;
    startLine = line;
  };
  const fail = (message: string) => void items.push({ type: 'error', pos: start, value: message, line: startLine });
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (hasRightTrim(input, pos) && input.startsWith(RIGHT, pos + 2)) return { delim: true, trim: true };
    return { delim: input.startsWith(RIGHT, pos), trim: false };
  };
  const atTerminator = () => {
    const c = input[pos];
    return c === undefined || isSpace(c) || '.,|:()'.includes(c) || c === RIGHT[0];
  };
  const leftTrimLength = (from: number) => input.slice(from).length - input.slice(from).replace(/^[ \t\r\n]+/, '').length;

  /** Text up to the next action; false at the end of the input. */
  const lexText = (): boolean => {
    const x = input.indexOf(LEFT, pos);
    if (x < 0) {
      pos = input.length;
      if (pos > start) {
        line += countLines(input.slice(start, pos));
        emit('text');
      }
      emit('eof');
      return false;
    }
    pos = x;
    const trimmed = hasLeftTrim(input, x + LEFT.length) ? input.slice(start, x).replace(/[ \t\r\n]+$/, '') : input.slice(start, x);
    if (trimmed.length > 0) {
      const end = pos;
      pos = start + trimmed.length;
      line += countLines(trimmed);
      emit('text');
      pos = end;
    }
    ignore();
    return true;
  };

  /** After `{{`: a comment, or the action's tokens up to `}}`; false on error. */
  const lexAction = (): boolean => {
    pos += LEFT.length;
    const trim = hasLeftTrim(input, pos);
    const afterMarker = trim ? 2 : 0;
    if (input.startsWith('/*', pos + afterMarker)) {
      pos += afterMarker;
      ignore();
      return lexComment();
    }
    emit('leftDelim');
    pos += afterMarker;
    ignore();
    parenDepth = 0;
    return lexInsideAction();
  };

  const lexComment = (): boolean => {
    pos += 2;
    const i = input.indexOf('*/', pos);
    if (i < 0) return fail('unclosed comment'), false;
    pos = i + 2;
    const { delim, trim } = atRightDelim();
    if (!delim) return fail('comment ends before closing delimiter'), false;
    pos += (trim ? 2 : 0) + RIGHT.length;
    if (trim) pos += leftTrimLength(pos);
    ignore();
    return true;
  };

  const lexRightDelim = () => {
    const trim = hasRightTrim(input, pos);
    if (trim) {
      pos += 2;
      ignore();
    }
    pos += RIGHT.length;
    emit('rightDelim');
    if (trim) {
      pos += leftTrimLength(pos);
      ignore();
    }
  };

  const lexInsideAction = (): boolean => {
    for (;;) {
      const { delim } = atRightDelim();
      if (delim) {
        if (parenDepth === 0) return lexRightDelim(), true;
        return fail('unclosed left paren'), false;
      }
      const c = input[pos];
      if (c === undefined) return fail('unclosed action'), false;
      if (!scanOne(c)) return false;
    }
  };

  const advance = (c: string) => {
    pos += c.length;
    if (c === '\n') line++;
  };

  /** One token inside an action, starting with character c; false on error. */
  const scanOne = (c: string): boolean => {
    if (isSpace(c)) return lexSpace();
    const cp = String.fromCodePoint(input.codePointAt(pos)!);
    if (c === '=') return advance(c), emit('assign'), true;
    if (c === ':') {
      advance(c);
      if (input[pos] !== '=') return fail('expected :='), false;
      advance('=');
      return emit('declare'), true;
    }
    if (c === '|') return advance(c), emit('pipe'), true;
    if (c === '"') return lexQuote();
    if (c === '`') return lexRawQuote();
    if (c === '$') return advance(c), lexFieldOrVariable('variable');
    if (c === "'") return lexChar();
    // `.` starts a field unless a digit (or the end) follows: then it is a number such as `.5`.
    if (c === '.' && input[pos + 1] !== undefined && !/[0-9]/.test(input[pos + 1])) return advance(c), lexFieldOrVariable('field');
    if (c === '.' || c === '+' || c === '-' || /[0-9]/.test(c)) return lexNumber();
    if (isAlphaNumeric(cp)) return lexIdentifier();
    if (c === '(') return advance(c), emit('leftParen'), parenDepth++, true;
    if (c === ')') {
      advance(c);
      if (--parenDepth < 0) return fail(`unexpected right paren ${runeName(c)}`), false;
      emit('rightParen');
      return true;
    }
    if (c.charCodeAt(0) < 0x7f && c.charCodeAt(0) >= 0x20) return advance(c), emit('char'), true;
    return fail(`unrecognized character in action: ${runeName(cp)}`), false;
  };

  const lexSpace = (): boolean => {
    let spaces = 0;
    while (isSpace(input[pos])) {
      advance(input[pos]);
      spaces++;
    }
    // A trim-marked right delimiter starts with a space: leave that space to it.
    if (hasRightTrim(input, pos - 1) && input.startsWith(RIGHT, pos + 1)) {
      pos--;
      if (input[pos] === '\n') line--;
      if (spaces === 1) return true;
    }
    emit('space');
    return true;
  };

  const lexIdentifier = (): boolean => {
    while (isAlphaNumeric(String.fromCodePoint(input.codePointAt(pos) ?? 0))) pos += String.fromCodePoint(input.codePointAt(pos)!).length;
    if (!atTerminator()) return fail(`bad character ${runeName(String.fromCodePoint(input.codePointAt(pos)!))}`), false;
    const word = input.slice(start, pos);
    const keyword = KEYWORDS[word];
    if (keyword) emit(keyword);
    else if (word === 'true' || word === 'false') emit('bool');
    else emit('identifier');
    return true;
  };

  /** `.name` or `$name`; the `.` or `$` is consumed. A lone `.` is dot, a lone `$` the root variable. */
  const lexFieldOrVariable = (type: 'field' | 'variable'): boolean => {
    if (atTerminator()) return emit(type === 'variable' ? 'variable' : 'dot'), true;
    while (isAlphaNumeric(String.fromCodePoint(input.codePointAt(pos) ?? 0))) pos += String.fromCodePoint(input.codePointAt(pos)!).length;
    if (!atTerminator()) return fail(`bad character ${runeName(String.fromCodePoint(input.codePointAt(pos)!))}`), false;
    emit(type);
    return true;
  };

  const lexChar = (): boolean => {
    pos++;
    for (;;) {
      const c = input[pos];
      if (c === '\\' && input[pos + 1] !== undefined && input[pos + 1] !== '\n') pos += 2;
      else if (c === undefined || c === '\n' || c === '\\') return fail('unterminated character constant'), false;
      else if (c === "'") break;
      else pos++;
    }
    pos++;
    emit('charConstant');
    return true;
  };

  const lexQuote = (): boolean => {
    pos++;
    for (;;) {
      const c = input[pos];
      if (c === '\\' && input[pos + 1] !== undefined && input[pos + 1] !== '\n') pos += 2;
      else if (c === undefined || c === '\n' || c === '\\') return fail('unterminated quoted string'), false;
      else if (c === '"') break;
      else pos++;
    }
    pos++;
    emit('string');
    return true;
  };

  const lexRawQuote = (): boolean => {
    const end = input.indexOf('`', pos + 1);
    if (end < 0) return fail('unterminated raw quoted string'), false;
    pos = end + 1;
    line += countLines(input.slice(start, pos));
    emit('rawString');
    return true;
  };

  const lexNumber = (): boolean => {
    if (!scanNumber()) return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`), false;
    if (input[pos] === '+' || input[pos] === '-') {
      if (!scanNumber() || input[pos - 1] !== 'i') return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`), false;
      emit('complex');
    } else emit('number');
    return true;
  };

  const accept = (valid: string) => {
    if (input[pos] !== undefined && valid.includes(input[pos])) return pos++, true;
    return false;
  };
  const acceptRun = (valid: string) => {
    while (accept(valid));
  };
  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(input[pos])) {
      pos++;
      return false;
    }
    return true;
  };

  while (lexText() && lexAction());
  return items;
}
