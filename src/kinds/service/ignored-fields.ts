/** Service fields that mean nothing on one Docker host (external IPs, traffic policies, load balancers, IP families). */
import type { IgnoredFields, IgnoredSection } from '../../api/kind-parts';

export const IGNORED_SERVICE_SPEC_FIELDS: IgnoredFields = {
  externalIPs: [],
  externalTrafficPolicy: ['Cluster'],
  internalTrafficPolicy: ['Cluster'],
  sessionAffinity: ['None'],
  sessionAffinityConfig: [],
  loadBalancerIP: [],
  loadBalancerSourceRanges: [],
  loadBalancerClass: [],
  allocateLoadBalancerNodePorts: [true],
  healthCheckNodePort: [],
  ipFamilies: [['IPv4']],
  ipFamilyPolicy: ['SingleStack'],
  publishNotReadyAddresses: [false],
  trafficDistribution: [],
};

export const ignoredSections: IgnoredSection[] = [{ at: ['spec'], fields: IGNORED_SERVICE_SPEC_FIELDS }];
