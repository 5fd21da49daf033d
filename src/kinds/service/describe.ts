import type { KObject } from '../../api/types';
import { formatLabels } from '../../printers/columns/common';
import { formatEndpoints } from '../endpoints/columns';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from '../../printers/describe/common';
import type { DescribeContext } from '../../printers/describe/context';
import { DescribeWriter, LEVEL_0 } from '../../printers/describe/writer';

export function describeService(svc: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const spec = svc.spec ?? {};
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? 'default'}\n`);
  printLabelsMultiline(w, 'Labels', svc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? 'ClusterIP'}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).join(',') || '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  const ips: string[] = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);
  w.write(LEVEL_0, `IPs:\t${ips.join(',') || '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  const ingress: any[] = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname).join(', ')}\n`);
  const endpoints = ctx.endpoints?.find((e) => e.metadata.name === svc.metadata.name);
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    const protocol = p.protocol ?? 'TCP';
    w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${protocol}\n`);
    w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? p.port}/${protocol}\n`);
    if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${protocol}\n`);
    w.write(LEVEL_0, `Endpoints:\t${endpoints ? formatEndpoints(endpoints, p.name ?? '') : '<none>'}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}
