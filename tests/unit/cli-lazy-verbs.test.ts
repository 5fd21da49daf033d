/** A command line that starts with a verb registers only that verb's module: each module must register exactly the verb it is listed as. */
import { buildProgram } from '../../src/cli/main';
import { fakeCliEnv, runCli } from '../helpers/cli';

const f = {} as never;
const verbs = buildProgram(f).commands.map((c) => c.name());

test.each(verbs.filter((v) => v !== 'completion' && v !== 'plugin'))('%s alone', (verb) => {
  expect(buildProgram(f, verb).commands.map((c) => c.name())).toEqual([verb]);
});

test('completion and plugin read the whole program; unknown words and leading flags get every verb', () => {
  for (const first of ['completion', 'plugin', 'frobnicate', '-n', undefined]) expect(buildProgram(f, first).commands.map((c) => c.name())).toEqual(verbs);
});

test('global flags before the verb still work, and help still lists every verb', async () => {
  const env = fakeCliEnv();
  expect(await runCli('-n team get pods', env)).toEqual({ code: 0, stdout: '', stderr: 'No resources found in team namespace.\n' });
  const help = (await runCli('--help', env)).stdout;
  for (const verb of verbs) expect(help).toContain(`  ${verb} `);
});
