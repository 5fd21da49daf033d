/** `kctl describe persistentvolume`: kubectl's describePersistentVolume layout for hostPath and local volumes. */
import type { KObject } from '../../api/types';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from '../../printers/describe/common';
import type { DescribeContext } from '../../printers/describe/context';
import { DescribeWriter, LEVEL_0, LEVEL_2 } from '../../printers/describe/writer';
import { accessModesText } from '../persistentvolumeclaim/columns';

export function describePersistentVolume(pv: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const spec = pv.spec ?? {};
  const ref = spec.claimRef;
  w.write(LEVEL_0, `Name:\t${pv.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', pv.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t[${((pv.metadata.finalizers as string[]) ?? []).join(' ')}]\n`);
  w.write(LEVEL_0, `StorageClass:\t${spec.storageClassName ?? ''}\n`);
  w.write(LEVEL_0, `Status:\t${pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? 'Pending')}\n`);
  w.write(LEVEL_0, `Claim:\t${ref ? `${ref.namespace}/${ref.name}` : ''}\n`);
  w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModesText(spec.accessModes)}\n`);
  w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode ?? 'Filesystem'}\n`);
  w.write(LEVEL_0, `Capacity:\t${spec.capacity?.storage ?? ''}\n`);
  w.write(LEVEL_0, `Node Affinity:\t${spec.nodeAffinity ? '' : '<none>'}\n`);
  w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(LEVEL_0, 'Source:\n');
  if (spec.hostPath) {
    w.write(LEVEL_2, 'Type:\tHostPath (bare host directory volume)\n');
    w.write(LEVEL_2, `Path:\t${spec.hostPath.path}\n`);
    w.write(LEVEL_2, `HostPathType:\t${spec.hostPath.type ?? ''}\n`);
  } else if (spec.local) {
    w.write(LEVEL_2, 'Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n');
    w.write(LEVEL_2, `Path:\t${spec.local.path}\n`);
  }
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}
