/**
 * An object kubectl generated on the client (`create ... --dry-run=client -o yaml`, `run`) printed as Go
 * serialises its struct: fields without omitempty appear even when empty (`creationTimestamp: null`,
 * `resources: {}`, `status: {}`), so kctl's output is byte for byte kubectl's.
 */
import type { KObject } from '../api/types';

export function withGoZeroValues(generated: KObject): KObject {
  const obj = structuredClone(generated);
  obj.metadata = { ...obj.metadata, creationTimestamp: null } as unknown as KObject['metadata'];
  switch (obj.kind) {
    case 'Deployment':
      obj.spec.strategy ??= {};
      podTemplate(obj.spec.template);
      obj.status ??= {};
      break;
    case 'Job':
      podTemplate(obj.spec.template);
      obj.status ??= {};
      break;
    case 'CronJob':
      obj.spec.jobTemplate.metadata = { ...(obj.spec.jobTemplate.metadata ?? {}), creationTimestamp: null };
      podTemplate(obj.spec.jobTemplate.spec.template);
      obj.status ??= {};
      break;
    case 'Pod':
      podSpec(obj.spec);
      obj.status ??= {};
      break;
    case 'Namespace':
      obj.spec ??= {};
      obj.status ??= {};
      break;
    case 'Service':
      obj.status ??= { loadBalancer: {} };
      break;
  }
  return obj;
}

function podTemplate(template: any): void {
  template.metadata = { ...(template.metadata ?? {}), creationTimestamp: null };
  podSpec(template.spec);
}

function podSpec(spec: any): void {
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) c.resources ??= {};
}
