/** The API server's defaults of a DaemonSet (pkg/apis/apps/v1/defaults.go); its pod template gets the pod spec's. */
import type { KObject } from '../../api/types';
import { defaultPodSpec } from '../pod/defaults';

export function defaults(obj: KObject): void {
  const spec = (obj.spec ??= {});
  const strategy = (spec.updateStrategy ??= {});
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rolling = (strategy.rollingUpdate ??= {});
    rolling.maxUnavailable ??= 1;
    rolling.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  spec.minReadySeconds ??= 0;
  const template = (spec.template ??= {});
  defaultPodSpec((template.spec ??= {}), { restartPolicy: 'Always' });
}
