/**
 * `kctl create service clusterip|nodeport|loadbalancer|externalname` and the client dry run of the generators:
 * the expected output in tests/fixtures/kubectl-dry-run/ is what kubectl v1.32 printed for the same lines
 * (`-o json` in its Go struct order, `-o yaml` sorted). A client dry run consults nothing stored, as kubectl
 * sends nothing; a server dry run and a real create do.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fakeCliEnv, runCli } from '../helpers/cli';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/kubectl-dry-run', name), 'utf8');

describe('kctl create service', () => {
  test.each([
    ['create service nodeport s --tcp=80:8080 --node-port=30080 --dry-run=client -o json', 'service-nodeport.json'],
    ['create service clusterip s --tcp=80,81:http --dry-run=client -o yaml', 'service-clusterip.yaml'],
    ['create service clusterip s --clusterip=None --dry-run=client -o yaml', 'service-headless.yaml'],
    ['create svc loadbalancer s --tcp=80 --tcp=443:8443 --dry-run=client -o yaml', 'service-loadbalancer.yaml'],
    ['create deployment web --image=nginx --port=80 -n prod --dry-run=client -o json', 'deployment-in-prod.json'],
    ['create secret generic s --from-literal=a=b --type=foo --dry-run=client -o json', 'secret.json'],
  ])('%s prints what kubectl prints', async (line, file) => {
    expect(await runCli(line, fakeCliEnv())).toEqual({ code: 0, stdout: fixture(file), stderr: '' });
  });

  test('creates the Service, which selects app=NAME and gets its cluster IP; a name taken is exit 5', async () => {
    const env = fakeCliEnv();
    expect(await runCli('create service clusterip web --tcp=80:8080', env)).toEqual({ code: 0, stdout: 'service/web created\n', stderr: '' });
    const shown = await runCli('get service web -o jsonpath={.spec.selector.app}/{.spec.ports[0].targetPort}/{.spec.type}', env);
    expect(shown.stdout).toBe('web/8080/ClusterIP');
    expect((await runCli('get service web -o jsonpath={.spec.clusterIP}', env)).stdout).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(await runCli('create service clusterip web --tcp=80', env)).toEqual({ code: 5, stdout: '', stderr: 'error: services "web" already exists\n' });
    // kubectl's client dry run does not ask whether the name is taken or the namespace exists.
    expect(await runCli('create service clusterip web --tcp=80 --dry-run=client', env)).toEqual({ code: 0, stdout: 'service/web created (dry run)\n', stderr: '' });
    expect(await runCli('create service clusterip web --tcp=80 -n nowhere --dry-run=client -o name', env)).toEqual({ code: 0, stdout: 'service/web\n', stderr: '' });
    expect((await runCli('create service clusterip web --tcp=80 --dry-run=server', env)).code).toBe(5);
  });

  test.each([
    ['clusterip s', 'error: at least one tcp port specifier must be provided\n'],
    ['clusterip s --tcp=abc', 'error: strconv.ParseUint: parsing "abc": invalid syntax\n'],
    ['clusterip s --tcp=99999', 'error: strconv.ParseUint: parsing "99999": value out of range\n'],
    ['clusterip s --tcp=80:Bad_Name', 'error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)\n'],
    ['clusterip s --tcp=80:0', 'error: must be between 1 and 65535, inclusive\n'],
    ['externalname s --external-name=Bad_Name', 'error: invalid service external name Bad_Name\n'],
    ['nodeport s --tcp=80 --node-port=x', 'error: invalid argument "x" for "--node-port" flag: strconv.ParseInt: parsing "x": invalid syntax\n'],
    // kctl serves no DNS names outside its namespaces: an ExternalName Service is refused as any manifest of one is.
    ['externalname s --external-name=example.com', 'error: spec.type: Unsupported value: "ExternalName": kctl supports "ClusterIP", "NodePort" and "LoadBalancer"\n'],
  ])('create service %s: kubectl\'s error, nothing created', async (args, stderr) => {
    const env = fakeCliEnv();
    const r = await runCli(`create service ${args}`, env);
    expect({ ...r, code: r.code > 0 }).toEqual({ code: true, stdout: '', stderr });
    expect((await runCli('get services -o name', env)).stdout).toBe('');
  });
});
