/** The API server's defaults of a Deployment (pkg/apis/apps/v1/defaults.go); its pod template gets the pod spec's. */
import type { KObject } from '../../api/types';
import { defaultPodSpec } from '../pod/defaults';

export function defaults(obj: KObject): void {
  const spec = (obj.spec ??= {});
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rolling = (strategy.rollingUpdate ??= {});
    rolling.maxUnavailable ??= '25%';
    rolling.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  spec.minReadySeconds ??= 0;
  const template = (spec.template ??= {});
  defaultPodSpec((template.spec ??= {}), { restartPolicy: 'Always' });
}
