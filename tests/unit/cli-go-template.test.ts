import * as path from 'path';
import { goJSON } from '../../src/printers/gojson';
import { deploymentYaml } from '../helpers/manifests';
import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';

async function setup(): Promise<FakeCliEnv> {
  const env = fakeCliEnv({ 'web.yaml': deploymentYaml(), 'api.yaml': deploymentYaml({ name: 'api', replicas: 1 }) });
  expect((await runCli('apply -f web.yaml -f api.yaml', env)).code).toBe(0);
  return env;
}

const ok = (stdout: string) => ({ code: 0, stdout, stderr: '' });

describe('kctl get -o go-template', () => {
  test('one named object is the object; a list is a kind: List document', async () => {
    const env = await setup();
    expect(await runCli(['get', 'deployment', 'web', '-o', 'go-template={{.metadata.name}}:{{.spec.replicas}}'], env)).toEqual(ok('web:2'));
    expect(await runCli(['get', 'deployments', '-o', 'go-template={{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'], env)).toEqual(ok('api\nweb\n'));
    expect(await runCli(['get', 'deployments', '-o', 'go-template={{.kind}} {{len .items}} {{.metadata.resourceVersion | printf "%q"}}'], env)).toEqual(ok('List 2 ""'));
    expect(await runCli(['get', 'deploy/web', '-o', 'go-template={{index .spec.selector.matchLabels "app"}}'], env)).toEqual(ok('web'));
  });

  test('numbers are as kubectl decodes them: integral ones int64, so they print whole and compare with ints', async () => {
    const env = await setup();
    const template = 'go-template={{.spec.replicas}} {{if eq .spec.replicas 1000000}}a million{{end}} {{printf "%T" .spec.replicas}}';
    expect(await runCli(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":1000000}}', '--dry-run=client', '-o', template], env)).toEqual(ok('1000000 a million int64'));
  });

  test('base64decode reads a Secret value', async () => {
    const env = await setup();
    expect((await runCli('create secret generic db --from-literal=password=s3cr3t', env)).code).toBe(0);
    expect(await runCli(['get', 'secret', 'db', '-o', 'go-template={{.data.password | base64decode}}'], env)).toEqual(ok('s3cr3t'));
  });

  test('template=, templatefile=, go-template-file= and the --template flag', async () => {
    const env = await setup();
    env.write('t.tmpl', '{{.kind}}/{{.metadata.name}}\n');
    const file = path.join(env.cwd, 't.tmpl');
    expect(await runCli(['get', 'deploy', 'web', '-o', 'template={{.kind}}'], env)).toEqual(ok('Deployment'));
    expect(await runCli(['get', 'deploy', 'web', '-o', `templatefile=${file}`], env)).toEqual(ok('Deployment/web\n'));
    expect(await runCli(['get', 'deploy', 'web', '-o', `go-template-file=${file}`], env)).toEqual(ok('Deployment/web\n'));
    expect(await runCli(['get', 'deploy', 'web', '-o', 'go-template', '--template={{.metadata.name}}'], env)).toEqual(ok('web'));
    expect(await runCli(['get', 'deploy', 'web', '-o', 'go-template-file', '--template', file], env)).toEqual(ok('Deployment/web\n'));
    expect(await runCli(['get', 'deploy', 'web', '--template={{.metadata.name}}'], env)).toEqual(ok('web'));
    expect(await runCli(['get', 'deploy', 'web', '-o', 'jsonpath', '--template={.metadata.name}'], env)).toEqual(ok('web'));
    expect(await runCli(['get', 'deploy', 'web', '-o', 'json', '--template={{.x}}'], env)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\{\n {4}"apiVersion": "apps\/v1",/) });
  });

  test('bad formats and templates fail before anything is printed', async () => {
    const env = await setup();
    expect(await runCli(['get', 'deploy', 'web', '-o', 'go-template={{.metadata.name'], env)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: error parsing template {{.metadata.name, template: output:1: unclosed action\n',
    });
    expect(await runCli(['get', 'deploy', '-l', 'app=none', '-o', 'go-template={{if .a}}'], env)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: error parsing template {{if .a}}, template: output:1: unexpected EOF\n',
    });
    expect(await runCli(['get', 'deploy', 'web', '-o', 'go-template={{nosuch}}'], env)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: error parsing template {{nosuch}}, template: output:1: function "nosuch" not defined\n',
    });
    expect(await runCli(['get', 'deploy', 'web', '-o', 'go-template'], env)).toEqual({ code: 2, stdout: '', stderr: 'error: template format specified but no template given\n' });
    expect(await runCli(['get', 'deploy', 'web', '-o', 'go-template-file=missing.tmpl'], env)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^error: error reading --template missing\.tmpl, /) });
    const allowed = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
    expect(await runCli(['get', 'deploy', 'web', '-o', 'go-template={{.a}}', '--template={{.b}}'], env)).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: unable to match a printer suitable for the output format "go-template={{.a}}", allowed formats are: ${allowed}\n`,
    });
  });

  test('an execution error prints the partial output and kubectl\'s debugging dump, then the error (exit 1)', async () => {
    const env = await setup();
    const object = JSON.parse((await runCli('get deploy web -o json', env)).stdout);
    const template = '{{.metadata.name}} {{.spec.replicas.x}}';
    const error = 'template: output:1:26: executing "output" at <.spec.replicas.x>: can\'t evaluate field x in type interface {}';
    const out = await runCli(['get', 'deploy', 'web', '-o', `go-template=${template}`], env);
    expect(out.code).toBe(1);
    expect(out.stderr).toBe(`error: error executing template "{{.metadata.name}} {{.spec.replicas.x}}": ${error}\n`);
    const lines = out.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      `web Error executing template: ${error}. Printing more information for debugging the template:`,
      '\ttemplate was:',
      `\t\t${template}`,
      '\traw data was:',
      `\t\t${goJSON(object)}`,
    ]);
    expect(lines[5]).toBe('\tobject given to template engine was:');
    expect(lines[6]).toMatch(/^\t\tmap\[apiVersion:apps\/v1 kind:Deployment metadata:map\[.*name:web .*\] spec:map\[.*replicas:2 .*\] status:map\[.*\]\]$/);
    expect(lines.slice(7)).toEqual(['', '']);
  });

  test('--allow-missing-template-keys=false makes a missing key an error', async () => {
    const env = await setup();
    expect(await runCli(['get', 'deploy', 'web', '-o', 'go-template={{.spec.nope}}'], env)).toEqual(ok('<no value>'));
    const out = await runCli(['get', 'deploy', 'web', '-o', 'go-template={{.spec.nope}}', '--allow-missing-template-keys=false'], env);
    expect(out.code).toBe(1);
    expect(out.stderr).toBe('error: error executing template "{{.spec.nope}}": template: output:1:7: executing "output" at <.spec.nope>: map has no entry for key "nope"\n');
  });
});

describe('kctl patch -o go-template', () => {
  test('prints the patched object; a bad template fails before the patch is applied', async () => {
    const env = await setup();
    expect(await runCli(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":3}}', '--wait=false', '-o', 'go-template={{.spec.replicas}}'], env)).toEqual(ok('3'));
    expect(await runCli(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":5}}', '-o', 'go-template={{.spec.replicas'], env)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: error parsing template {{.spec.replicas, template: output:1: unclosed action\n',
    });
    expect(await runCli(['get', 'deploy', 'web', '--template={{.spec.replicas}}'], env)).toEqual(ok('3'));
  });
});
