/**
 * The commander root and the ONE place that renders errors and decides the exit code.
 * Command modules only define flags and call into the rest of kctl lazily, so start-up stays small.
 */
import { Command, CommanderError, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { AnswerNo, DiffOutcome, ExitCode, KctlError, PartialOutputError, UsageError } from '../errors';
import { processFactory, type Factory } from '../app/factory';
import { registerCommands } from './commands';
import { builtinCommands } from './builtins';
import { parseDuration } from '../util/duration';

/** The program with every verb, or only the verb `verb` names (its command line starts with it). */
export function buildProgram(f: Factory, verb?: string): Command {
  const program = new Command('kctl')
    .description('kctl applies Kubernetes manifests to the local Docker engine, with an embedded reconciler.')
    .option('--state <path>', 'state file (default $KCTL_STATE or ~/.kctl/state.json)')
    .option('-n, --namespace <namespace>', 'namespace for this request')
    .option('--context <name>', 'Docker context or endpoint to use (default: DOCKER_HOST, then the Docker CLI current context)')
    .option('-v, --v <level>', 'log level for debug output on stderr (0-9)', '0')
    .showSuggestionAfterError(true)
    .enablePositionalOptions(false)
    .configureOutput({
      writeOut: (s) => f.stdout.write(s),
      writeErr: (s) => f.stderr.write(s),
      outputError: () => {
        /* rendered by main() */
      },
    })
    .exitOverride();
  program.hook('preAction', (_root, action) => {
    const g = action.optsWithGlobals() as ReturnType<typeof program.opts>;
    f.globals.state = g.state;
    f.globals.namespace = g.namespace;
    f.globals.context = g.context;
    const given = String(g.v ?? 0).replace(/^=/, ''); // `-v=6`: commander leaves the "=" on short options
    const level = Number(given);
    if (!Number.isInteger(level) || level < 0) throw new UsageError(`invalid -v level "${given}"`);
    f.globals.verbosity = level;
    // A command's --timeout bounds its wait for the state lock too (0, "no limit" for some verbs, keeps the default).
    const timeout = (action.opts() as { timeout?: unknown }).timeout;
    if (typeof timeout === 'string') f.globals.lockWaitMs = parseDuration(timeout) || undefined;
    const { customResourcesOf } = require('../app/custom-resources') as typeof import('../app/custom-resources');
    customResourcesOf(f);
  });
  registerCommands(program, f, verb);
  program.commands.forEach(inheritExitOverride);
  return program;
}

function inheritExitOverride(cmd: CommandUnknownOpts): void {
  cmd.exitOverride();
  cmd.commands.forEach(inheritExitOverride);
}

/** Runs kctl with `argv` (without node and script) and returns the exit code. Never throws. */
export async function main(argv: string[], f: Factory = processFactory()): Promise<number> {
  try {
    const program = buildProgram(f, argv[0]);
    if (unknownCommand(argv, program)) {
      const { findPlugin, runPlugin } = require('../ops/plugins') as typeof import('../ops/plugins');
      const plugin = findPlugin(argv, f.env);
      if (plugin) return await runPlugin(f, plugin);
    }
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.Success;
  } catch (e) {
    return renderError(e, f);
  }
}

/** Only a first word that is no built-in command may name a plugin (kubectl's rule), so built-ins never look at PATH. */
function unknownCommand(argv: string[], program: Command): boolean {
  return argv.length > 0 && !argv[0].startsWith('-') && !builtinCommands(program).has(argv[0]);
}

export function renderError(e: unknown, f: Factory): number {
  if (e instanceof AnswerNo) return ExitCode.General;
  if (e instanceof DiffOutcome) return e.failure === undefined ? ExitCode.DiffFound : Math.max(2, renderError(e.failure, f));
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return ExitCode.Success;
    if (e.exitCode === 0) return ExitCode.Success;
    const message = e.message.replace(/^error: /, '');
    f.stderr.write(`error: ${message}\n`);
    f.stderr.write(`See 'kctl --help' for usage.\n`);
    return ExitCode.Usage;
  }
  if (f.env.KCTL_DEBUG === '1' && e instanceof Error) f.stderr.write(`${e.stack}\n`);
  if (e instanceof PartialOutputError) f.stdout.write(e.output);
  if (e instanceof KctlError) {
    const lines = e.oneMessage ? [`error: ${e.message}`] : e.message.split('\n').map((l) => (l.startsWith('error: ') ? l : `error: ${l}`));
    f.stderr.write(lines.join('\n') + '\n');
    if (e.hint) f.stderr.write(`hint: ${e.hint}\n`);
    return e.exitCode;
  }
  const { asKctlError } = require('../runtime/docker/errors') as typeof import('../runtime/docker/errors');
  const mapped = asKctlError(e);
  if (mapped) return renderError(mapped, f);
  const message = e instanceof Error ? e.message : String(e);
  f.stderr.write(`error: ${message}\n`);
  if (f.env.KCTL_DEBUG !== '1') f.stderr.write(`hint: run with KCTL_DEBUG=1 for a stack trace\n`);
  return ExitCode.General;
}
