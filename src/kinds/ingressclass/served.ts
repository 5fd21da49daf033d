/**
 * Which Ingresses kctl's one ingress controller serves. While no IngressClass exists it serves every Ingress,
 * whatever class it names (as k3s' Traefik serves the one class a laptop has, so manifests written for
 * `ingressClassName: nginx` work). Once IngressClasses exist, an Ingress is served when its class (spec.
 * ingressClassName, the kubernetes.io/ingress.class annotation, else the default IngressClass) is one of them,
 * or when it names none and there is no default; one naming a class that does not exist is left alone, as a
 * cluster leaves an Ingress for a controller it does not run. kctl stands in for every IngressClass's controller.
 */
import type { KObject } from '../../api/types';
import type { State } from '../../store/state';

export const DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** Undefined when kctl serves the Ingress, else why not. */
export function notServedBecause(state: State, ing: KObject): string | undefined {
  const classes = state.list('IngressClass').filter((c) => !c.metadata.deletionTimestamp);
  if (classes.length === 0) return undefined;
  const named = ing.spec?.ingressClassName ?? ing.metadata.annotations?.[CLASS_ANNOTATION];
  const cls = named ?? classes.find((c) => c.metadata.annotations?.[DEFAULT_INGRESS_CLASS_ANNOTATION] === 'true')?.metadata.name;
  if (cls === undefined || classes.some((c) => c.metadata.name === cls)) return undefined;
  return `IngressClass "${cls}" not found: no controller serves this Ingress`;
}
