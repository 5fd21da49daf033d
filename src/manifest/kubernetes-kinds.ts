/**
 * Kinds every Kubernetes cluster serves that kctl does not (yet), by apiVersion: a manifest of one gets an
 * error saying so, not the message for a missing CRD. A kind kctl serves is found before this list is read.
 */
const BUILT_IN: Record<string, string> = {
  PodTemplate: 'v1',
  EndpointSlice: 'discovery.k8s.io/v1',
  Lease: 'coordination.k8s.io/v1',
  RuntimeClass: 'node.k8s.io/v1',
  CSIDriver: 'storage.k8s.io/v1',
  VolumeAttachment: 'storage.k8s.io/v1',
  MutatingWebhookConfiguration: 'admissionregistration.k8s.io/v1',
  ValidatingWebhookConfiguration: 'admissionregistration.k8s.io/v1',
  ValidatingAdmissionPolicy: 'admissionregistration.k8s.io/v1',
  APIService: 'apiregistration.k8s.io/v1',
  CertificateSigningRequest: 'certificates.k8s.io/v1',
  FlowSchema: 'flowcontrol.apiserver.k8s.io/v1',
  PriorityLevelConfiguration: 'flowcontrol.apiserver.k8s.io/v1',
};

/** Whether `kind` in `apiVersion` is one of Kubernetes' own kinds (that kctl does not serve). */
export function isKubernetesKind(apiVersion: string, kind: string): boolean {
  return BUILT_IN[kind] === apiVersion;
}
