import type { Command } from '@commander-js/extra-typings';

/** The names and aliases of kctl's own commands, which no plugin may replace (and `help`, commander's). */
export function builtinCommands(program: Command): Set<string> {
  return new Set(['help', ...program.commands.flatMap((c) => [c.name(), ...c.aliases()])]);
}
