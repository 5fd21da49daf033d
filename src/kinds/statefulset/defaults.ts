/** The API server's defaults of a StatefulSet (pkg/apis/apps/v1/defaults.go); its pod template and claim templates get theirs. */
import type { KObject } from '../../api/types';
import { defaultPodSpec } from '../pod/defaults';
import { defaults as defaultClaim } from '../persistentvolumeclaim/defaults';

export function defaults(obj: KObject): void {
  const spec = (obj.spec ??= {});
  spec.replicas ??= 1;
  spec.podManagementPolicy ??= 'OrderedReady';
  const strategy = (spec.updateStrategy ??= {});
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') (strategy.rollingUpdate ??= {}).partition ??= 0;
  spec.revisionHistoryLimit ??= 10;
  const retention = (spec.persistentVolumeClaimRetentionPolicy ??= {});
  retention.whenDeleted ??= 'Retain';
  retention.whenScaled ??= 'Retain';
  for (const claim of spec.volumeClaimTemplates ?? []) {
    claim.apiVersion ??= 'v1';
    claim.kind ??= 'PersistentVolumeClaim';
    defaultClaim(claim);
  }
  const template = (spec.template ??= {});
  defaultPodSpec((template.spec ??= {}), { restartPolicy: 'Always' });
}
