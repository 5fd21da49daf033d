import { fakeCliEnv, runCli } from '../helpers/cli';

describe('kctl api-versions', () => {
  test('the group/versions of the served kinds, sorted as kubectl sorts them', async () => {
    expect(await runCli('api-versions', fakeCliEnv())).toEqual({ code: 0, stdout: 'apiextensions.k8s.io/v1\napps/v1\nautoscaling/v2\nbatch/v1\nnetworking.k8s.io/v1\nstorage.k8s.io/v1\nv1\n', stderr: '' });
  });
});

describe('kctl auth can-i', () => {
  const env = fakeCliEnv();
  test.each([
    ['auth can-i create deployments', 0, 'yes\n', ''],
    ['auth can-i patch deploy/web', 0, 'yes\n', ''],
    ['auth can-i deletecollection pods -A', 0, 'yes\n', ''],
    ['auth can-i * *', 0, 'yes\n', ''],
    ['auth can-i get pods --subresource log', 0, 'yes\n', ''],
    ['auth can-i create deployments --subresource exec', 1, 'no\n', ''],
    ['auth can-i update deployments --subresource scale', 0, 'yes\n', ''],
    ['auth can-i create events', 1, 'no\n', ''],
    ['auth can-i create replicasets', 1, 'no\n', ''],
    ['auth can-i impersonate pods', 1, 'no\n', ''],
    ['auth can-i get foos', 1, 'no\n', "Warning: the server doesn't have a resource type 'foos'\n"],
    ['auth can-i create events -q', 1, '', ''],
    ['auth can-i list secrets --quiet', 0, '', ''],
  ])('%s', async (line, code, stdout, stderr) => {
    expect(await runCli(line, env)).toEqual({ code, stdout, stderr });
  });

  test('two arguments, as kubectl asks', async () => {
    expect(await runCli('auth can-i get', env)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: you must specify two arguments: verb resource or verb resource/resourceName\nhint: for example: kctl auth can-i create deployments\n',
    });
  });
});
