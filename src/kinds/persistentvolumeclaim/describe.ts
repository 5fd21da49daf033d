import type { KObject } from '../../api/types';
import { age } from '../../printers/age';
import { boundVolume, pvcBinding, storageClassOf } from './columns';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printMultiline } from '../../printers/describe/common';
import type { DescribeContext } from '../../printers/describe/context';
import { DescribeWriter, LEVEL_0 } from '../../printers/describe/writer';

export function describePVC(pvc: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace ?? 'default'}\n`);
  w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pvc)}\n`);
  const deletion = pvc.metadata.deletionTimestamp;
  w.write(LEVEL_0, `Status:\t${deletion ? `Terminating (lasts ${age(deletion, ctx.now)})` : (pvc.status?.phase ?? 'Pending')}\n`);
  w.write(LEVEL_0, `Volume:\t${boundVolume(pvc) ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t[${((pvc.metadata.finalizers as string[]) ?? []).join(' ')}]\n`);
  const { capacity, accessModes } = pvcBinding(pvc);
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes}\n`);
  if (pvc.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  const usedBy = (ctx.pods ?? []).filter((p) => (p.spec?.volumes ?? []).some((v: any) => v.persistentVolumeClaim?.claimName === pvc.metadata.name));
  printMultiline(w, 'Used By', usedBy.map((p) => p.metadata.name).sort());
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}
