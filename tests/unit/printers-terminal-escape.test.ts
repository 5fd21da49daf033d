/**
 * Terminal escapes in object content (kubectl's CVE-2021-25743 fix): tables and describe show ESC as `^[` and a
 * carriage return as `\r`, so a manifest cannot rewrite the terminal of whoever looks at it; -o json keeps the
 * content byte for byte.
 */
import { fakeCliEnv, runCli } from '../helpers/cli';

// Clear the screen, set the window title, then a carriage return that would overwrite the line.
const HOSTILE = '\u001b[2J\u001b]0;pwned\u0007ok\rfake';

test('get (custom columns) and describe show escapes instead of sending them; -o json keeps them', async () => {
  const env = fakeCliEnv({ 'cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\n  annotations:\n    note: ${JSON.stringify(HOSTILE)}\ndata:\n  a: "1"\n` });
  expect((await runCli('apply -f cm.yaml', env)).code).toBe(0);
  const get = await runCli('get configmap notes -o custom-columns=NAME:.metadata.name,NOTE:.metadata.annotations.note', env);
  expect(get.stdout).toBe('NAME    NOTE\nnotes   ^[[2J^[]0;pwned\u0007ok...\n'); // a table cell shows its first line only
  const described = (await runCli('describe configmap notes', env)).stdout;
  expect(described).toContain('note: ^[[2J^[]0;pwned\u0007ok\\rfake');
  expect(described).not.toMatch(/[\u001b\r]/);
  expect(JSON.parse((await runCli('get configmap notes -o json', env)).stdout).metadata.annotations.note).toBe(HOSTILE);
});
