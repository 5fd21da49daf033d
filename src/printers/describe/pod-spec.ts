/** Pod-spec sections of describe besides containers: volumes, node selectors, tolerations, the template. */
import { describeContainers } from './containers';
import { printAnnotationsMultiline, printLabelsMultiline } from './common';
import { LEVEL_0, LEVEL_1, LEVEL_2, type DescribeWriter } from './writer';

/** Deployment and ReplicaSet: `Pod Template:` with labels, containers, volumes, node selectors, tolerations. */
export function describePodTemplate(w: DescribeWriter, template: any): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) return w.write(LEVEL_1, '<unset>');
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length) printAnnotationsMultiline(w, '  Annotations', template.metadata.annotations);
  const spec = template.spec ?? {};
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, undefined, '  ');
  describeContainers(w, 'Containers', spec.containers ?? [], undefined, '  ');
  describeVolumes(w, spec.volumes ?? [], '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector, '  ');
  printTolerations(w, spec.tolerations ?? [], '  ');
}

export function describeVolumes(w: DescribeWriter, volumes: any[], space: string): void {
  if (volumes.length === 0) return w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    w.write(LEVEL_2, volumeSource(v));
  }
}

/** The lines under a volume's name; the first gets the writer's indent, the others carry their own. */
function volumeSource(v: any): string {
  if (v.hostPath) {
    return `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type || '<none>'}\n`;
  }
  if (v.emptyDir) {
    return `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`;
  }
  if (v.secret) {
    return `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\t${v.secret.optional === true}\n`;
  }
  if (v.configMap) {
    return `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${v.configMap.optional === true}\n`;
  }
  if (v.persistentVolumeClaim) {
    return `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`;
  }
  return '<unknown>\n';
}

/** `key=value:Effect op=Exists for 300s`, one per line, sorted by key; `<none>` when there are none. */
export function printTolerations(w: DescribeWriter, tolerations: any[], indent = ''): void {
  w.write(LEVEL_0, `${indent}Tolerations:\t`);
  if (tolerations.length === 0) return w.write(LEVEL_0, '<none>\n');
  const sorted = [...tolerations].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  sorted.forEach((t, i) => {
    let text = `${i ? `${indent}\t` : ''}${t.key ?? ''}`;
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    // An Exists toleration without key and effect tolerates everything.
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) text += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${text}\n`);
  });
}
