#!/usr/bin/env node
/**
 * Writes docs/commands.md, the command reference, from `kctl --help` and every command's and subcommand's
 * `--help` (the tree is read from the "Commands:" sections, so nothing is listed twice by hand).
 *   npm run build && node scripts/gen-command-reference.js           regenerate
 *   npm run build && node scripts/gen-command-reference.js --check   exit 1 when docs/commands.md is stale
 * tests/unit/cli-command-reference.test.ts renders the same text in-process and fails when the file is stale.
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'docs', 'commands.md');
const REGENERATE = 'npm run build && node scripts/gen-command-reference.js';

/** Names of the subcommands a help text lists under "Commands:" (aliases and `help` left out). */
function subcommands(help) {
  const start = help.indexOf('\nCommands:\n');
  if (start === -1) return [];
  const names = [];
  for (const line of help.slice(start + '\nCommands:\n'.length).split('\n')) {
    if (line.trim() === '') break;
    const entry = /^ {2}(\S+)/.exec(line); // deeper-indented lines continue a wrapped description
    if (entry) names.push(entry[1].split('|')[0]);
  }
  return names.filter((name) => name !== 'help');
}

/** The reference text; `helpOf(argv)` returns kctl's stdout for argv (e.g. ['rollout', 'status', '--help']). */
async function renderReference(helpOf) {
  const sections = [];
  const visit = async (command) => {
    const help = await helpOf([...command, '--help']);
    sections.push({ title: ['kctl', ...command].join(' '), help });
    for (const sub of subcommands(help)) await visit([...command, sub]);
  };
  await visit([]);
  const anchor = (title) => title.replace(/ /g, '-');
  return [
    '# kctl command reference',
    '',
    `Generated from \`kctl --help\` and each command's \`--help\` by \`${REGENERATE}\`;`,
    'tests/unit/cli-command-reference.test.ts fails when this file no longer matches the help.',
    '',
    ...sections.map(({ title }) => `- [${title}](#${anchor(title)})`),
    '',
    ...sections.flatMap(({ title, help }) => [`## ${title}`, '', '```text', help.trimEnd(), '```', '']),
  ].join('\n');
}

module.exports = { renderReference, subcommands };

if (require.main === module) {
  const { execFileSync } = require('child_process');
  const bin = path.join(ROOT, 'bin', 'kctl');
  const helpOf = async (argv) => execFileSync(process.execPath, [bin, ...argv], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  renderReference(helpOf).then(
    (text) => {
      if (process.argv.includes('--check')) {
        const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
        if (current !== text) {
          process.stderr.write(`docs/commands.md is out of date: run ${REGENERATE}\n`);
          process.exitCode = 1;
        }
        return;
      }
      fs.mkdirSync(path.dirname(OUT), { recursive: true });
      fs.writeFileSync(OUT, text);
      process.stdout.write(`wrote ${path.relative(process.cwd(), OUT)}\n`);
    },
    (e) => {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 2;
    },
  );
}
