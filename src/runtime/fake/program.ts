/**
 * What a container's command does in the fake runtime: a model of the few shell forms tests write, so that
 * `sh -c 'echo hi; exit 3'` exits 3 with "hi" in its logs, as it would on Docker. Understood: `echo [-n] ...`
 * (with `>&2` for stderr), `exit [n]`, `true`, `false`, `:`, `cat FILE...` (`cat` alone: its stdin), separated by `;`, `&&`, `&` or
 * newlines. Anything else (sleep, a server, `wait`) is taken to run until stopped.
 */

export interface ProgramOutcome {
  stdout: string;
  stderr: string;
  /** Undefined while the program keeps running. */
  exitCode?: number;
}

/** Files put into the container (putFiles), by absolute path. */
export type FileLookup = (path: string) => Buffer | undefined;

const SHELLS = new Set(['sh', 'ash', 'bash']);

export function runProgram(argv: string[], files: FileLookup, stdin = ''): ProgramOutcome {
  const outcome: ProgramOutcome = { stdout: '', stderr: '' };
  if (argv.length === 0) return outcome; // the image's default command: a server or a sleep
  const shell = SHELLS.has(basename(argv[0])) && argv[1] === '-c';
  const statements = shell ? splitStatements(argv[2] ?? '') : [{ words: argv, then: ';' }];
  let status = 0;
  for (const { words, then } of statements) {
    const result = runCommand(words, files, stdin, outcome);
    if (result === 'exit') return outcome;
    if (result === 'runs') {
      if (then === '&') continue; // backgrounded: the script goes on
      return outcome;
    }
    status = result;
    if (then === '&&' && status !== 0) break;
  }
  outcome.exitCode = status;
  return outcome;
}

/** Runs one simple command into `out`: its status, 'exit' (out.exitCode is set) or 'runs' (never ends by itself). */
function runCommand(words: string[], files: FileLookup, stdin: string, out: ProgramOutcome): number | 'exit' | 'runs' {
  const toStderr = words.length > 0 && /^1?>&2$/.test(words[words.length - 1]);
  const args = toStderr ? words.slice(0, -1) : words;
  const write = (text: string) => (toStderr ? (out.stderr += text) : (out.stdout += text));
  switch (args[0]) {
    case undefined:
    case 'true':
    case ':':
      return 0;
    case 'false':
      return 1;
    case 'exit':
      out.exitCode = args[1] === undefined ? 0 : Number(args[1]) & 0xff;
      return 'exit';
    case 'echo': {
      const noNewline = args[1] === '-n';
      write(args.slice(noNewline ? 2 : 1).join(' ') + (noNewline ? '' : '\n'));
      return 0;
    }
    case 'cat': {
      if (args.length === 1) write(stdin);
      let status = 0;
      for (const path of args.slice(1)) {
        const content = files(path);
        if (content) write(content.toString('utf8'));
        else {
          out.stderr += `cat: can't open '${path}': No such file or directory\n`;
          status = 1;
        }
      }
      return status;
    }
    default:
      return 'runs';
  }
}

interface Statement {
  words: string[];
  /** The operator after it. */
  then: ';' | '&&' | '&';
}

/** Splits a script into statements of words, honouring single and double quotes (no expansions). */
function splitStatements(script: string): Statement[] {
  const statements: Statement[] = [];
  let words: string[] = [];
  let word: string | undefined;
  const endWord = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endStatement = (then: Statement['then']) => {
    endWord();
    if (words.length) statements.push({ words, then });
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === "'" || c === '"') {
      const close = script.indexOf(c, i + 1);
      const end = close === -1 ? script.length : close;
      word = (word ?? '') + script.slice(i + 1, end);
      i = end;
    } else if (c === ' ' || c === '\t') endWord();
    else if (c === ';' || c === '\n') endStatement(';');
    else if (c === '&' && script[i + 1] === '&') {
      endStatement('&&');
      i++;
    } else if (c === '&' && script[i - 1] !== '>') endStatement('&');
    else word = (word ?? '') + c;
  }
  endStatement(';');
  return statements;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
