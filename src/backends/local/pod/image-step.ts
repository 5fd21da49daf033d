/** Getting a container's image with Kubernetes' pull back-off (ErrImagePull, then ImagePullBackOff). */
import { nextBackoff } from './backoff';
import { imageReferenceError } from '../../../api/image-reference';
import { warnOnce, type ContainerRecord, type PodPass } from './pass';

export type Waiting = { waiting: { reason: string; message?: string }; retryAt?: number };

export async function ensureImage(pass: PodPass, container: any, record: ContainerRecord): Promise<{ ok: true } | Waiting> {
  const { now } = pass;
  // The kubelet's InvalidImageName: nothing to pull or retry until the pod's spec changes.
  const invalid = imageReferenceError(String(container.image));
  if (invalid) {
    const message = `Failed to apply default image tag "${container.image}": couldn't parse image reference "${container.image}": ${invalid}`;
    warnOnce(pass, container.name, 'InspectFailed', message, message);
    return { waiting: { reason: 'InvalidImageName', message } };
  }
  const pullUntil = record.pullBackoff?.until ? Date.parse(record.pullBackoff.until) : 0;
  if (pullUntil > now.getTime()) {
    return { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${container.image}"` }, retryAt: pullUntil };
  }
  const image = await pass.caches.images.ensure(container.image, container.imagePullPolicy);
  if (!image.ok) {
    record.pullBackoff = nextBackoff(record.pullBackoff, undefined, undefined, now);
    record.pullBackoff.until ??= new Date(now.getTime() + 1000 * (record.pullBackoff.seconds / 2 || 5)).toISOString();
    pass.events.push({ type: 'Warning', reason: image.reason === 'ErrImageNeverPull' ? 'ErrImageNeverPull' : 'Failed', message: image.message });
    return { waiting: { reason: image.reason, message: image.message }, retryAt: Date.parse(record.pullBackoff.until) };
  }
  delete record.pullBackoff;
  if (image.warning) pass.events.push({ type: 'Warning', reason: 'Failed', message: image.warning });
  if (image.pulled) pass.events.push({ type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${container.image}"` });
  return { ok: true };
}
