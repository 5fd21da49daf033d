/** `kctl describe ingress`, in kubectl's layout (describeIngressV1): each backend with its Ready endpoints. */
import type { KObject } from '../../api/types';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from '../../printers/describe/common';
import type { DescribeContext } from '../../printers/describe/context';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2 } from '../../printers/describe/writer';
import { formatEndpoints } from '../endpoints/columns';
import { loadBalancerText } from '../service/columns';

export function describeIngress(ing: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const spec = ing.spec ?? {};
  w.write(LEVEL_0, `Name:\t${ing.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ing.metadata.labels);
  w.write(LEVEL_0, `Namespace:\t${ing.metadata.namespace ?? 'default'}\n`);
  w.write(LEVEL_0, `Address:\t${loadBalancerText(ing.status?.loadBalancer?.ingress, true)}\n`);
  w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
  const defaultBackend = spec.defaultBackend ? backendText(spec.defaultBackend, ctx) : '<default>';
  w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`);
  if (spec.tls?.length) {
    w.write(LEVEL_0, 'TLS:\n');
    for (const t of spec.tls) w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n` : `SNI routes ${(t.hosts ?? []).join(',')}\n`);
  }
  w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(LEVEL_1, '----\t----\t--------\n');
  const rules = (spec.rules ?? []).filter((r: any) => r.http);
  for (const rule of rules) {
    w.write(LEVEL_1, `${rule.host || '*'}\t\n`);
    for (const path of rule.http.paths ?? []) w.write(LEVEL_2, `\t${path.path ?? ''} \t${backendText(path.backend, ctx)}\n`);
  }
  if (rules.length === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`);
  printAnnotationsMultiline(w, 'Annotations', ing.metadata.annotations);
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}

/** `web:80 (10.0.0.5:8080,10.0.0.6:8080)`: the Service port and its Ready endpoints. */
function backendText(backend: any, ctx: DescribeContext): string {
  const ref = backend?.service;
  if (!ref) return '';
  const port = ref.port?.name || String(ref.port?.number ?? '');
  const text = `${ref.name}:${port}`;
  const svc = ctx.services?.find((s) => s.metadata.name === ref.name);
  if (!svc) return `${text} (<error: services "${ref.name}" not found>)`;
  const servicePort = (svc.spec?.ports ?? []).find((p: any) => (ref.port?.name ? p.name === ref.port.name : p.port === ref.port?.number));
  const endpoints = ctx.endpoints?.find((e) => e.metadata.name === ref.name);
  return `${text} (${formatEndpoints(endpoints, servicePort?.name ?? '')})`;
}
