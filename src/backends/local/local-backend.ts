/**
 * The local Docker backend: every pod is one or a few containers on this host's engine (a sandbox when it needs
 * one, a network per namespace, Docker volumes for its storage), labelled with the state file's scope so the
 * world can always be listed from Docker itself (README "How it runs on Docker"). Each method loads its part
 * when first used, so a command that only looks (get, logs) does not load the pod controller.
 */
import type { KObject } from '../../api/types';
import { LABEL, type AttachOptions, type ExecOptions, type LogOptions } from '../../runtime/runtime';
import type { PodBackend, PodContainer, PodsSynced, PodUsage, Recovery, WorldPods, WorldWatch, WorldWatcher } from '../backend';
import type { LocalContext } from './context';
import type { ServiceProxies } from './service/in-network';

export class LocalBackend implements PodBackend {
  private serviceProxies?: ServiceProxies;

  constructor(private readonly ctx: LocalContext) {}

  syncPods(): Promise<PodsSynced> {
    const { syncPods } = require('./sync-pods') as typeof import('./sync-pods');
    const { ServiceProxies } = require('./service/in-network') as typeof import('./service/in-network');
    this.serviceProxies ??= new ServiceProxies(this.ctx);
    return syncPods(this.ctx, this.serviceProxies);
  }

  async observePods(pods: KObject[]): Promise<KObject[]> {
    const { observePods } = require('./pod/observe') as typeof import('./pod/observe');
    return observePods(pods, await this.listContainers());
  }

  async containerOf(pod: KObject, name: string, previous: boolean): Promise<PodContainer> {
    const { dockerContainerOf } = require('./pod/container-of') as typeof import('./pod/container-of');
    const info = await dockerContainerOf(this.ctx, pod, name, previous);
    return { id: info.id, running: info.status === 'running' };
  }

  logs(container: PodContainer, opts: LogOptions) {
    return this.ctx.runtime.logs(container.id, opts);
  }

  exec(container: PodContainer, command: string[], opts: ExecOptions) {
    return this.ctx.runtime.exec(container.id, command, opts);
  }

  attach(container: PodContainer, opts: AttachOptions) {
    return this.ctx.runtime.attach(container.id, opts);
  }

  async usage(pods: KObject[]): Promise<Map<string, PodUsage>> {
    if (pods.length === 0) return new Map();
    const { podUsage } = require('./usage') as typeof import('./usage');
    return podUsage(this.ctx.runtime, pods, await this.listContainers());
  }

  watch(watch: WorldWatch): WorldWatcher {
    const { EngineEvents } = require('./engine-events') as typeof import('./engine-events');
    return new EngineEvents({ runtime: this.ctx.runtime, labels: this.ctx.scope.labels, onEvent: () => watch.onChange(), onReconnect: () => watch.onReconnect(), log: (line) => watch.log(line) });
  }

  async worldPods(): Promise<WorldPods> {
    const containers = (await this.listContainers()).filter((c) => c.labels[LABEL.podUid]);
    return { where: `Docker (scope ${this.ctx.scope.id})`, containerPods: containers.map((c) => c.labels[LABEL.podUid]) };
  }

  async recover(): Promise<Recovery> {
    const { observeDocker } = require('./world') as typeof import('./world');
    const { recoverObjects } = require('./recover') as typeof import('./recover');
    const world = await observeDocker(this.ctx.runtime, this.ctx.scope);
    const containers = world.containers.length;
    const volumes = world.claimVolumes.length;
    const source = `${containers} container${containers === 1 ? '' : 's'} and ${volumes} claim volume${volumes === 1 ? '' : 's'} (scope ${this.ctx.scope.id})`;
    return { ...recoverObjects(world), source };
  }

  private listContainers() {
    return this.ctx.runtime.listContainers(this.ctx.scope.labels);
  }
}
