import { fakeCliEnv, runCli } from '../helpers/cli';

describe('kctl cluster-info', () => {
  test('names the engine and its endpoint, and says the controller is not running', async () => {
    const env = fakeCliEnv({}, { env: { DOCKER_HOST: 'unix:///run/test-docker.sock' } });
    expect(await runCli('cluster-info', env)).toEqual({
      code: 0,
      stdout:
        'Docker engine vfake (API 1.41) is running at unix:///run/test-docker.sock\n' +
        'kctl controller is not running: commands reconcile as they run (kctl controller start keeps it up)\n' +
        "\nTo further debug and diagnose problems, use 'kctl state check'.\n",
      stderr: '',
    });
  });

  test('an unreachable engine fails with the Docker exit code, as a script checking the cluster needs', async () => {
    const env = fakeCliEnv();
    env.runtime.setUnreachable(true);
    const out = await runCli('cluster-info', env);
    expect(out.code).toBe(7);
    expect(out.stdout).toBe('');
  });
});
