/**
 * The verbs that print the object they make (create <kind>, run, expose, autoscale) take kubectl's object
 * printers: json, yaml, name, the go-template and jsonpath families with --template and
 * --allow-missing-template-keys; tables (wide, custom-columns) are refused with kubectl's list, before anything changes.
 * The expected lines are what kubectl v1.32 prints for the same client dry runs.
 */
import { fakeCliEnv, runCli } from '../helpers/cli';

const REFUSED = (format: string) =>
  `error: unable to match a printer suitable for the output format "${format}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n`;

describe('printed objects: kubectl\'s object formats on the verbs that make objects', () => {
  test.each([
    ['create deployment x --image=nginx --dry-run=client -o go-template={{.metadata.name}}', 'x'],
    ['create deployment x --image=nginx --dry-run=client -o jsonpath={.spec.replicas}', '1'],
    ['create deployment x --image=nginx --dry-run=client --template={{.kind}}', 'Deployment'],
    ['create deployment x --image=nginx --dry-run=client -o jsonpath --template={.kind}', 'Deployment'],
    ['create configmap c --from-literal=a=b --dry-run=client -o jsonpath={.data.a}', 'b'],
    ['create ns team --dry-run=client -o jsonpath-as-json={.metadata.name}', '[\n    "team"\n]\n'],
    ['run x --image=nginx --dry-run=client -o jsonpath={.spec.containers[0].image}', 'nginx'],
  ])('%s', async (line, stdout) => {
    expect(await runCli(line, fakeCliEnv())).toEqual({ code: 0, stdout, stderr: '' });
  });

  test('a missing key is <no value>, or an error with --allow-missing-template-keys=false', async () => {
    const env = fakeCliEnv();
    expect(await runCli('create deployment x --image=nginx --dry-run=client -o go-template={{.nope}}', env)).toEqual({ code: 0, stdout: '<no value>', stderr: '' });
    const r = await runCli('create deployment x --image=nginx --dry-run=client -o go-template={{.nope}} --allow-missing-template-keys=false', env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('map has no entry for key "nope"');
  });

  test('after a real create the template sees the stored object, defaults included', async () => {
    const env = fakeCliEnv();
    expect(await runCli('create deployment web --image=nginx -o jsonpath={.spec.strategy.type} --wait=false', env)).toEqual({ code: 0, stdout: 'RollingUpdate', stderr: '' });
    expect(await runCli('expose deployment web --port=80 --dry-run=client -o jsonpath={.spec.selector.app}', env)).toEqual({ code: 0, stdout: 'web', stderr: '' });
    expect(await runCli('autoscale deployment web --max=3 --dry-run=client -o go-template={{.spec.maxReplicas}}', env)).toEqual({ code: 0, stdout: '3', stderr: '' });
  });

  test.each(['wide', 'custom-columns=N:.metadata.name', 'bogus'])('-o %s is refused with kubectl\'s list, and nothing is made', async (format) => {
    const env = fakeCliEnv();
    expect(await runCli(['create', 'deployment', 'x', '--image=nginx', '-o', format], env)).toEqual({ code: 2, stdout: '', stderr: REFUSED(format) });
    expect(await runCli(['run', 'x', '--image=nginx', '-o', format], env)).toEqual({ code: 2, stdout: '', stderr: REFUSED(format) });
    expect((await runCli('get deployments,pods -o name', env)).stdout).toBe('');
  });
});
