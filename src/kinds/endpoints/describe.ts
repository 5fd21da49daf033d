import type { KObject } from '../../api/types';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from '../../printers/describe/common';
import type { DescribeContext } from '../../printers/describe/context';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2 } from '../../printers/describe/writer';

export function describeEndpoints(ep: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? 'default'}\n`);
  printLabelsMultiline(w, 'Labels', ep.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const subset of (ep.subsets as any[]) ?? []) {
    const ips = (list: any[] | undefined) => (list ?? []).map((a) => a.ip).join(',') || '<none>';
    w.write(LEVEL_1, `Addresses:\t${ips(subset.addresses)}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}\n`);
    if (subset.ports?.length) {
      w.write(LEVEL_1, 'Ports:\n');
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_2, '----\t----\t--------\n');
      for (const p of subset.ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
    }
    w.write(LEVEL_0, '\n');
  }
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}
