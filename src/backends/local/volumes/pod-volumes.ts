/**
 * A pod's volumes made real before its containers are created, and each container's volumeMounts turned
 * into Docker mounts:
 *   emptyDir               a Docker volume of the pod (medium Memory: tmpfs-backed), held by the sandbox
 *   persistentVolumeClaim  the claim's Docker volume (outlives the pod), or its PersistentVolume's host directory
 *   hostPath               a bind mount of the host path
 *   configMap, secret,     files kctl writes under the state directory (host-dir.ts), bind-mounted
 *   downwardAPI, projected read-only and rewritten when their source changes
 */
import * as fs from 'fs';
import * as path from 'path';
import type { KObject } from '../../../api/types';
import { parseMemory } from '../../../api/quantity';
import type { Mount, VolumeOptions } from '../../../runtime/runtime';
import type { LocalContext } from '../context';
import { expand } from '../../../kinds/pod/config/expand';
import type { PodFacts } from '../../../kinds/pod/config/field-ref';
import { ConfigError, type SourceLookup } from '../../../kinds/pod/config/sources';
import type { ClaimSource } from '../../../kinds/persistentvolume/source';
import { claimLabels, claimVolumeName, emptyDirLabels, emptyDirVolumeName } from './docker-volumes';
import { volumeDir, writeProjection } from './host-dir';
import { isProjected, projectedFiles, type ProjectedFile } from './projection';

/** Where the sandbox mounts the pod's emptyDirs, so that memory-backed ones outlive container restarts. */
const SANDBOX_VOLUMES = '/.kctl/volumes';

/** A volume that cannot be set up; the pod's containers wait in CreateContainerConfigError. */
export class MountError extends ConfigError {
  constructor(readonly volume: string, message: string) {
    super(message);
  }
}

export interface PodVolumes {
  /** Mounts for one container's volumeMounts; `env` expands subPathExpr. Makes the Docker volumes first. */
  mountsFor(container: any, env: Record<string, string>): Promise<Mount[]>;
  /** The pod's Docker volumes as the sandbox holds them for the pod's lifetime (made by ensureDockerVolumes). */
  sandboxMounts: Mount[];
  /** Creates the pod's Docker volumes (once per pass, and only when a container is about to be created). */
  ensureDockerVolumes(): Promise<void>;
}

export function preparePodVolumes(ctx: LocalContext, pod: KObject, claims: (name: string) => ClaimSource, facts: PodFacts, lookup: SourceLookup): PodVolumes {
  const volumes: any[] = pod.spec.volumes ?? [];
  const uid = pod.metadata.uid ?? '';
  const sources = new Map<string, { type: 'volume' | 'bind'; source: string; readOnly?: boolean }>();
  const sandboxMounts: Mount[] = [];
  const dockerVolumes: { name: string; labels: Record<string, string>; options?: VolumeOptions }[] = [];
  for (const v of volumes) {
    try {
      if (v.emptyDir) {
        const name = emptyDirVolumeName(ctx.scope, uid, v.name);
        const memory = v.emptyDir.medium === 'Memory';
        const sizeBytes = memory && v.emptyDir.sizeLimit !== undefined ? parseMemory(v.emptyDir.sizeLimit) : undefined;
        dockerVolumes.push({ name, labels: emptyDirLabels(ctx.scope, pod), options: memory ? { tmpfs: { sizeBytes } } : undefined });
        sources.set(v.name, { type: 'volume', source: name });
        sandboxMounts.push({ type: 'volume', source: name, target: `${SANDBOX_VOLUMES}/${v.name}` });
      } else if (v.persistentVolumeClaim) {
        const source = claims(v.persistentVolumeClaim.claimName);
        const readOnly = v.persistentVolumeClaim.readOnly;
        if ('waiting' in source) throw new ConfigError(source.waiting);
        if ('host' in source) {
          prepareHostPath(source.host);
          sources.set(v.name, { type: 'bind', source: source.host.path, readOnly });
        } else {
          const claim = source.provisioned;
          dockerVolumes.push({ name: claimVolumeName(ctx.scope, claim), labels: claimLabels(ctx.scope, claim) });
          sources.set(v.name, { type: 'volume', source: claimVolumeName(ctx.scope, claim), readOnly });
        }
      } else if (v.hostPath) {
        prepareHostPath(v.hostPath);
        sources.set(v.name, { type: 'bind', source: v.hostPath.path });
      } else if (isProjected(v)) {
        const dir = volumeDir(ctx.store.path, ctx.scope.id, uid, v.name);
        let files: ProjectedFile[] | undefined;
        try {
          files = projectedFiles(v, facts, lookup);
        } catch (e) {
          // A source deleted after the pod started: the pod keeps what it had, as the kubelet does.
          if (!(e instanceof ConfigError) || !fs.existsSync(dir)) throw e;
        }
        if (files) writeProjection(dir, files);
        sources.set(v.name, { type: 'bind', source: dir, readOnly: true });
      } else {
        throw new ConfigError(`volume "${v.name}": this kind of volume is not supported by kctl (supported: emptyDir, hostPath, configMap, secret, persistentVolumeClaim, downwardAPI, projected)`);
      }
    } catch (e) {
      if (e instanceof MountError) throw e;
      // The host's filesystem refusing (a file where a directory must be, no permission) is this pod's problem.
      if (e instanceof ConfigError || (e as NodeJS.ErrnoException).syscall !== undefined) throw new MountError(v.name, (e as Error).message);
      throw e;
    }
  }

  let made: Promise<void> | undefined;
  const ensureDockerVolumes = () => (made ??= Promise.all(dockerVolumes.map((v) => ctx.runtime.ensureVolume(v.name, v.labels, v.options))).then(() => undefined));
  let subPathSupported: Promise<boolean> | undefined;
  const mountsFor = async (container: any, env: Record<string, string>): Promise<Mount[]> => {
    await ensureDockerVolumes();
    const mounts: Mount[] = [];
    for (const vm of container.volumeMounts ?? []) {
      const src = sources.get(vm.name);
      if (!src) throw new ConfigError(`volumeMount "${vm.name}" of container "${container.name}" names no volume of the pod`);
      const sub = vm.subPathExpr !== undefined ? expand(vm.subPathExpr, (n) => env[n]) : vm.subPath;
      const readOnly = Boolean(vm.readOnly || src.readOnly);
      if (!sub) {
        mounts.push({ type: src.type, source: src.source, target: vm.mountPath, readOnly });
        continue;
      }
      if (path.isAbsolute(sub) || sub.split('/').includes('..')) throw new ConfigError(`invalid subPath "${sub}": must be a relative path without '..'`);
      if (src.type === 'bind') {
        mounts.push({ type: 'bind', source: path.join(src.source, sub), target: vm.mountPath, readOnly });
        continue;
      }
      subPathSupported ??= ctx.runtime.supportsVolumeSubPath?.() ?? Promise.resolve(false);
      if (!(await subPathSupported)) {
        throw new ConfigError(`subPath "${sub}" of volume "${vm.name}": mounting part of a Docker volume needs Docker Engine API 1.45 (Docker 26) or newer`);
      }
      mounts.push({ type: 'volume', source: src.source, target: vm.mountPath, readOnly, subPath: sub });
    }
    return mounts;
  };
  return { mountsFor, sandboxMounts, ensureDockerVolumes };
}

/** DirectoryOrCreate and FileOrCreate are made when the engine shares this machine's filesystem. */
function prepareHostPath(hostPath: { path: string; type?: string }): void {
  try {
    if (hostPath.type === 'DirectoryOrCreate') fs.mkdirSync(hostPath.path, { recursive: true });
    else if (hostPath.type === 'FileOrCreate' && !fs.existsSync(hostPath.path)) {
      fs.mkdirSync(path.dirname(hostPath.path), { recursive: true });
      fs.writeFileSync(hostPath.path, '');
    }
  } catch {
    /* not ours to make (a remote engine's path, or no permission): Docker reports it when mounting */
  }
}
