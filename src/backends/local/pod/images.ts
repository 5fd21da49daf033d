/**
 * imagePullPolicy as Kubernetes means it. Local images are used as they are: with Always, a failed pull
 * falls back to a local copy (with a warning) because images on one laptop are often built, not pulled.
 */
import type { ContainerRuntime } from '../../../runtime/runtime';
import { RuntimeError } from '../../../runtime/runtime';
import { defaultPullPolicy } from '../../../kinds/pod/defaults';

export type ImageOutcome =
  | { ok: true; warning?: string; pulled: boolean }
  | { ok: false; reason: 'ErrImagePull' | 'ErrImageNeverPull'; message: string };

/** Per reconcile pass: each image is checked (and pulled) at most once, however many pods use it. */
export class ImageCache {
  private readonly results = new Map<string, Promise<ImageOutcome>>();

  constructor(private readonly runtime: ContainerRuntime) {}

  ensure(image: string, policy: string | undefined): Promise<ImageOutcome> {
    const effective = policy ?? defaultPullPolicy(image);
    const key = `${effective} ${image}`;
    let result = this.results.get(key);
    if (!result) {
      result = this.resolve(image, effective);
      this.results.set(key, result);
    }
    return result;
  }

  private async resolve(image: string, policy: string): Promise<ImageOutcome> {
    const present = await this.runtime.imageExists(image);
    if (policy === 'Never') {
      return present ? { ok: true, pulled: false } : { ok: false, reason: 'ErrImageNeverPull', message: `Container image "${image}" is not present with pull policy of Never` };
    }
    if (policy === 'IfNotPresent' && present) return { ok: true, pulled: false };
    try {
      await this.runtime.pullImage(image);
      return { ok: true, pulled: true };
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      if (present) return { ok: true, pulled: false, warning: `Failed to pull image "${image}": ${e.message}; using the local image` };
      return { ok: false, reason: 'ErrImagePull', message: `Failed to pull image "${image}": ${e.message}` };
    }
  }
}
