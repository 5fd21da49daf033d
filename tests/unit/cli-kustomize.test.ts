import * as fs from 'fs';
import * as path from 'path';
import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';
import { deploymentYaml } from '../helpers/manifests';

/** A base (a Deployment reading a generated ConfigMap) and a prod overlay with a prefix, a namespace and replicas. */
function setup(): FakeCliEnv {
  const env = fakeCliEnv();
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(env.cwd, name)), { recursive: true });
    fs.writeFileSync(path.join(env.cwd, name), text);
  };
  write('base/web.yaml', deploymentYaml({ containerExtra: 'envFrom:\n- configMapRef: {name: settings}' }));
  write('base/kustomization.yaml', 'resources:\n- web.yaml\nconfigMapGenerator:\n- name: settings\n  literals: [MODE=base]\n');
  write('prod/kustomization.yaml', 'namePrefix: prod-\nresources:\n- ../base\nreplicas:\n- name: web\n  count: 1\nconfigMapGenerator:\n- name: settings\n  behavior: merge\n  literals: [MODE=prod]\n');
  return env;
}

describe('kctl kustomize', () => {
  test('prints the build: generated ConfigMap with its hash, the reference to it rewritten, legacy order', async () => {
    const env = setup();
    const out = await runCli('kustomize prod', env);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^apiVersion: v1\ndata:\n  MODE: prod\nkind: ConfigMap\nmetadata:\n  name: prod-settings-([a-z0-9]{10})\n---\napiVersion: apps\/v1\nkind: Deployment\nmetadata:\n  name: prod-web\nspec:\n  replicas: 1\n/);
    const hash = /prod-settings-([a-z0-9]{10})/.exec(out.stdout)![1];
    expect(out.stdout).toContain(`      - envFrom:\n        - configMapRef:\n            name: prod-settings-${hash}\n`);
  });

  test('the current directory by default; errors exit 1 and print nothing on stdout', async () => {
    const env = setup();
    expect(await runCli('kustomize', env)).toEqual({ code: 1, stdout: '', stderr: "error: unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '.'\n" });
    fs.writeFileSync(path.join(env.cwd, 'kustomization.yaml'), 'resources:\n- base\nvars: []\n');
    expect(await runCli('kustomize', env)).toEqual({ code: 1, stdout: '', stderr: 'error: kustomization.yaml: field "vars" is not supported by kctl\n' });
    expect((await runCli('kustomize base', env)).stdout).toContain('name: settings-');
  });
});

describe('apply, diff, get and delete with -k', () => {
  test('apply -k creates what the build holds; again it is unchanged; diff -k finds nothing; delete -k removes it', async () => {
    const env = setup();
    const built = (await runCli('kustomize prod', env)).stdout;
    const cm = /name: (prod-settings-[a-z0-9]{10})/.exec(built)![1];
    expect(await runCli('apply -k prod --wait=false', env)).toEqual({ code: 0, stdout: `configmap/${cm} created\ndeployment.apps/prod-web created\n`, stderr: '' });
    expect(await runCli('apply -k prod --wait=false', env)).toEqual({ code: 0, stdout: `configmap/${cm} unchanged\ndeployment.apps/prod-web unchanged\n`, stderr: '' });
    expect(await runCli('diff -k prod', env)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await runCli(['get', '-k', 'prod', '-o', 'jsonpath={.items[*].metadata.name}'], env)).stdout).toBe(`${cm} prod-web`);
    expect(await runCli('delete -k prod --wait=false', env)).toEqual({ code: 0, stdout: `configmap "${cm}" deleted\ndeployment.apps "prod-web" deleted\n`, stderr: '' });
    expect((await runCli('get deployments', env)).stderr).toBe('No resources found in default namespace.\n');
  });

  test("kubectl's rules for -f and -k; a build error changes nothing", async () => {
    const env = setup();
    const fails = async (args: string, code: number, stderr: string) => expect(await runCli(args, env)).toEqual({ code, stdout: '', stderr });
    await fails('apply -f base/web.yaml -k prod', 2, 'error: only one of -f or -k can be specified\n');
    await fails('apply -k prod -R', 2, "error: the -k flag can't be used with -f or -R\n");
    await fails('apply', 2, 'error: must specify one of -f and -k\n');
    await fails('delete -k nowhere', 1, "error: must build at directory: 'nowhere' is not a directory\n");
    fs.writeFileSync(path.join(env.cwd, 'prod', 'kustomization.yaml'), 'resources:\n- ../base/web.yaml\n');
    await fails('apply -k prod', 1, "error: security; file 'base/web.yaml' is not in or below 'prod'\n");
    expect((await runCli('get deployments', env)).stderr).toBe('No resources found in default namespace.\n');
  });
});
