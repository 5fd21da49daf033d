/**
 * The Ingress kind from the command line: apply refused in the API server's words (hosts, path types, backends,
 * an empty spec, resource backends kctl cannot serve), the status address, get and describe in kubectl's
 * layout, and `create secret tls` for the certificates spec.tls names.
 */
import { ingressRoutes } from '../../src/kinds/ingress/routing/routes';
import { Store } from '../../src/store/store';
import { fakeCliEnv, runCli } from '../helpers/cli';

const backend = (service: string, port: string) => `        backend:
          service:
            name: ${service}
${port ? `            port:\n              ${port}\n` : ''}`;

const ingress = (name: string, spec: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
spec:
${spec}`;

const web = ingress('web', `  ingressClassName: nginx
  tls:
  - hosts: [v2.example.com]
    secretName: tls
  rules:
  - host: v2.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
${backend('web-v2', 'number: 80')}  - host: "*.example.com"
    http:
      paths:
      - path: /version
        pathType: Exact
${backend('web-v1', 'name: http')}`);

const service = `apiVersion: v1
kind: Service
metadata:
  name: web-v1
spec:
  selector: {app: web}
  ports:
  - name: http
    port: 80
`;

describe('kctl apply of an Ingress', () => {
  test('refused as the API server refuses it, and nothing is stored', async () => {
    const env = fakeCliEnv({
      'bad.yaml': ingress('bad', `  rules:\n  - host: "a..b"\n    http:\n      paths:\n      - path: foo\n        pathType: Sideways\n${backend('web', '')}`),
      'relative.yaml': ingress('rel', `  rules:\n  - http:\n      paths:\n      - path: foo\n        pathType: Prefix\n${backend('web', 'number: 80')}`),
      'empty.yaml': ingress('empty', '  {}\n'),
      'resource.yaml': ingress('res', '  defaultBackend:\n    resource:\n      apiGroup: k8s.example.com\n      kind: StorageBucket\n      name: static-assets\n'),
    });
    expect(await runCli('apply -f bad.yaml', env)).toEqual({
      code: 3,
      stdout: '',
      stderr: [
        `error: bad.yaml:7:11: spec.rules[0].host: Invalid value: "a..b": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
        'error: bad.yaml:11:19: spec.rules[0].http.paths[0].pathType: Unsupported value: "Sideways": supported values: "Exact", "ImplementationSpecific", "Prefix"',
        'error: bad.yaml:13:11: spec.rules[0].http.paths[0].backend: Required value: port name or number is required',
        '',
      ].join('\n'),
    });
    expect((await runCli('apply -f relative.yaml', env)).stderr).toBe('error: relative.yaml:9:15: spec.rules[0].http.paths[0].path: Invalid value: "foo": must be an absolute path\n');
    expect((await runCli('apply -f empty.yaml', env)).stderr).toBe('error: empty.yaml:6:3: spec: Invalid value: null: either `defaultBackend` or `rules` must be specified\n');
    expect((await runCli('apply -f resource.yaml', env)).stderr).toBe('error: resource.yaml:7:5: spec.defaultBackend.resource: Forbidden: kctl serves Service backends only\n');
    expect((await runCli('get ingresses', env)).stderr).toBe('No resources found in default namespace.\n');
  });

  test('created (spec.tls is served), its address 127.0.0.1, re-applied unchanged, deleted', async () => {
    const env = fakeCliEnv({ 'web.yaml': web });
    expect(await runCli('apply -f web.yaml', env)).toEqual({
      code: 0,
      stdout: 'ingress.networking.k8s.io/web created\n',
      stderr: '',
    });
    expect((await runCli('get ing web -o jsonpath={.status.loadBalancer.ingress[0].ip}', env)).stdout).toBe('127.0.0.1');
    expect((await runCli('apply -f web.yaml', env)).stdout).toBe('ingress.networking.k8s.io/web unchanged\n');
    expect((await runCli('get ingress.networking.k8s.io -o name', env)).stdout).toBe('ingress.networking.k8s.io/web\n');
    expect(await runCli('delete ingress web', env)).toEqual({ code: 0, stdout: 'ingress.networking.k8s.io "web" deleted\n', stderr: '' });
  });
});

describe('kctl get and describe of an Ingress', () => {
  test("kubectl's columns and describe layout, backends resolved against the Services", async () => {
    const env = fakeCliEnv({ 'web.yaml': web, 'svc.yaml': service });
    await runCli('apply -f svc.yaml -f web.yaml', env);
    const get = await runCli('get ingress', env);
    expect(get.stdout).toMatch(/^NAME   CLASS   HOSTS                          ADDRESS     PORTS     AGE\nweb    nginx   v2\.example\.com,\*\.example\.com   127\.0\.0\.1   80, 443   \d+s\n$/);
    const describe = (await runCli('describe ingress web', env)).stdout;
    expect(describe).toContain(`Name:             web
Labels:           <none>
Namespace:        default
Address:          127.0.0.1
Ingress Class:    nginx
Default backend:  <default>
TLS:
  tls terminates v2.example.com
Rules:
  Host            Path  Backends
  ----            ----  --------
  v2.example.com  
                  /   web-v2:80 (<error: services "web-v2" not found>)
  *.example.com   
                  /version   web-v1:http (<none>)
Annotations:      <none>
Events:           <none>
`);
  });
});

describe('kctl create secret tls', () => {
  const { generateKeyPairSync } = require('crypto') as typeof import('crypto');
  const { execFileSync } = require('child_process') as typeof import('child_process');
  /** A self-signed certificate and its key, made by openssl, and a key of another pair. */
  function pemFiles(dir: string): void {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/tls.key`, '-out', `${dir}/tls.crt`, '-days', '1', '-subj', '/CN=v2.example.com'], { stdio: 'ignore' });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    require('fs').writeFileSync(`${dir}/other.key`, other);
  }

  test("a kubernetes.io/tls Secret of the files; a key of another pair and missing flags refused in kubectl's words", async () => {
    const env = fakeCliEnv();
    pemFiles(env.cwd);
    expect(await runCli('create secret tls web-tls --cert tls.crt --key tls.key', env)).toEqual({ code: 0, stdout: 'secret/web-tls created\n', stderr: '' });
    const secret = JSON.parse((await runCli('get secret web-tls -o json', env)).stdout);
    expect(secret.type).toBe('kubernetes.io/tls');
    expect(Buffer.from(secret.data['tls.crt'], 'base64').toString()).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(await runCli('create secret tls bad --cert tls.crt --key other.key', env)).toEqual({ code: 1, stdout: '', stderr: 'error: failed to load key pair tls: private key does not match public key\n' });
    expect(await runCli('create secret tls bad --cert tls.key --key tls.key', env)).toMatchObject({ code: 1, stderr: 'error: failed to load key pair tls: failed to find any PEM data in certificate input\n' });
    expect(await runCli('create secret tls bad', env)).toEqual({ code: 2, stdout: '', stderr: 'error: required flag(s) "cert", "key" not set\n' });
    expect((await runCli('get secret bad', env)).code).not.toBe(0);
  });
});

describe('IngressClass', () => {
  const cls = (name: string, isDefault = false) => `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: ${name}
${isDefault ? '  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}\n' : ''}spec:
  controller: k8s.io/ingress-nginx
`;
  const named = (name: string, cls?: string) => ingress(name, `${cls ? `  ingressClassName: ${cls}\n` : ''}  defaultBackend:\n    service:\n      name: web-v1\n      port: {number: 80}\n`);
  const address = async (env: ReturnType<typeof fakeCliEnv>, name: string) => (await runCli(`get ingress ${name} -o jsonpath={.status.loadBalancer.ingress[0].ip}`, env)).stdout;

  test('without IngressClasses every Ingress is served; once they exist, one of an unknown class is not, with a warning event', async () => {
    const env = fakeCliEnv({ 'ing.yaml': [named('a', 'nginx'), named('b'), named('c', 'traefik')].join('---\n'), 'cls.yaml': cls('nginx') });
    expect((await runCli('apply -f ing.yaml', env)).code).toBe(0);
    expect([await address(env, 'a'), await address(env, 'b'), await address(env, 'c')]).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1']);
    expect(await runCli('apply -f cls.yaml', env)).toMatchObject({ code: 0, stdout: 'ingressclass.networking.k8s.io/nginx created\n' });
    expect((await runCli('get ingressclass', env)).stdout).toMatch(/^NAME    CONTROLLER             PARAMETERS   AGE\nnginx   k8s\.io\/ingress-nginx   <none>       \d+s\n$/);
    expect((await runCli('reconcile', env)).code).toBe(0);
    expect([await address(env, 'a'), await address(env, 'b'), await address(env, 'c')]).toEqual(['127.0.0.1', '127.0.0.1', '']);
    expect((await runCli('describe ingress c', env)).stdout).toContain('IngressClass "traefik" not found: no controller serves this Ingress');
  });

  test('the default IngressClass is the class of Ingresses that name none', async () => {
    const env = fakeCliEnv({ 'all.yaml': [cls('nginx'), cls('internal', true), named('plain'), ingress('old', '  defaultBackend:\n    service:\n      name: web-v1\n      port: {number: 80}\n').replace('  name: old\n', '  name: old\n  annotations: {kubernetes.io/ingress.class: gone}\n')].join('---\n') });
    expect((await runCli('apply -f all.yaml', env)).code).toBe(0);
    expect(await address(env, 'plain')).toBe('127.0.0.1');
    expect(await address(env, 'old')).toBe('');
  });

  test('the ingress controller routes only the Ingresses it serves', async () => {
    const hostRule = (name: string, c: string) => ingress(name, `  ingressClassName: ${c}\n  rules:\n  - host: ${name}.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n${backend('web-v1', 'number: 80')}`);
    const env = fakeCliEnv({ 'all.yaml': [cls('nginx'), hostRule('a', 'nginx'), hostRule('c', 'traefik')].join('---\n') });
    expect((await runCli('apply -f all.yaml', env)).code).toBe(0);
    expect(ingressRoutes(new Store(env.statePath).read()).routes.map((r) => r.host)).toEqual(['a.example.com']);
  });
});
