/**
 * The docker CLI against one engine (the default one, or a private one by its DOCKER_HOST), for looking at what
 * kctl made: containers of one state file's scope with their exact labels (from `docker inspect`, not the
 * comma-joined `docker ps` column), and removing all of a scope.
 */
import { execFile } from 'child_process';

export interface DockerContainer {
  id: string;
  name: string;
  /** created | running | exited | ... */
  status: string;
  image: string;
  /** Addresses by network name. */
  networks: Record<string, string>;
  labels: Record<string, string>;
}

export class DockerCli {
  constructor(readonly host?: string) {}

  run(args: string[], opts: { timeoutMs?: number } = {}): Promise<string> {
    const env = this.host ? { ...process.env, DOCKER_HOST: this.host } : process.env;
    return new Promise((resolve, reject) => {
      execFile('docker', args, { env, maxBuffer: 64 << 20, timeout: opts.timeoutMs ?? 120_000 }, (err, stdout, stderr) =>
        err ? reject(new Error(`docker ${args.join(' ')}: ${String(stderr).trim() || err.message}`)) : resolve(String(stdout)),
      );
    });
  }

  async ids(kind: 'ps' | 'network ls' | 'volume ls', scopeId: string): Promise<string[]> {
    const out = await this.run([...kind.split(' '), ...(kind === 'ps' ? ['-a'] : []), '-q', '--filter', `label=io.kctl.state=${scopeId}`]);
    return out.split('\n').filter(Boolean);
  }

  async containers(scopeId: string): Promise<DockerContainer[]> {
    const ids = await this.ids('ps', scopeId);
    if (ids.length === 0) return [];
    // A container removed between the two calls is simply not there: inspect the ones that still are.
    const out = await this.run(['inspect', '--format', '{{json .}}', ...ids]).catch(() => this.inspectEach(ids));
    return out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .map((c) => ({
        id: c.Id,
        name: String(c.Name).replace(/^\//, ''),
        status: c.State.Status,
        image: c.Config.Image,
        networks: Object.fromEntries(Object.entries(c.NetworkSettings?.Networks ?? {}).map(([net, n]: [string, any]) => [net, n.IPAddress])),
        labels: c.Config.Labels ?? {},
      }));
  }

  private async inspectEach(ids: string[]): Promise<string> {
    const outs = await Promise.all(ids.map((id) => this.run(['inspect', '--format', '{{json .}}', id]).catch(() => '')));
    return outs.join('');
  }

  /** Everything of one state file on this engine: containers, networks, volumes. */
  async removeScope(scopeId: string): Promise<void> {
    const ids = await this.ids('ps', scopeId);
    if (ids.length) await this.run(['rm', '-f', '-v', ...ids]);
    const nets = await this.ids('network ls', scopeId);
    if (nets.length) await this.run(['network', 'rm', ...nets]).catch(() => '');
    const vols = await this.ids('volume ls', scopeId);
    if (vols.length) await this.run(['volume', 'rm', '-f', ...vols]).catch(() => '');
  }
}
