/** The API server's defaults of a HorizontalPodAutoscaler (pkg/apis/autoscaling/v2/defaults.go). */
import type { KObject } from '../../api/types';

/** Kubernetes' HPA scaling rules when behavior leaves them out (the HPA controller uses them too). */
export const HPA_DEFAULT_SCALE_UP = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};
export const HPA_DEFAULT_SCALE_DOWN = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

/** As Kubernetes does, behavior is completed only when given; the HPA controller applies the same rules when absent. */
export function defaults(obj: KObject): void {
  const spec = (obj.spec ??= {});
  spec.minReplicas ??= 1;
  if (!spec.metrics?.length) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
  if (spec.behavior) {
    spec.behavior.scaleUp = { ...structuredClone(HPA_DEFAULT_SCALE_UP), ...spec.behavior.scaleUp };
    spec.behavior.scaleDown = { ...structuredClone(HPA_DEFAULT_SCALE_DOWN), ...spec.behavior.scaleDown };
  }
}
