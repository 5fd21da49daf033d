/**
 * The restricted level's own checks (pod-security-admission's restricted checks at their latest revision), and
 * the baseline checks each one replaces there. Windows pods are exempt from the three Linux-only settings.
 */
import { badSeccomp, procMountCheck } from './baseline';
import {
  containersOf,
  containersPhrase,
  containersWhere,
  inUserNamespace,
  isWindows,
  joinQuote,
  podContext,
  pluralize,
  settersPhrase,
  sortedSet,
  type Check,
} from './common';

const RESTRICTED_VOLUME_SOURCES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret']);
/** The volume sources Kubernetes names when it refuses one; any other is "unknown". */
const KNOWN_VOLUME_SOURCES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs',
  'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
];

/** From v1.25 Windows pods are exempt from the Linux-only settings. */
const exemptWindows = (spec: any, minor: number) => minor >= 25 && isWindows(spec);
/** From v1.35 root inside a user namespace is not root on the host. */
const relaxedUserNamespace = (spec: any, minor: number) => minor >= 35 && inUserNamespace(spec);

const allowPrivilegeEscalation: Check = {
  id: 'allowPrivilegeEscalation',
  since: 8,
  run({ spec }, minor) {
    if (exemptWindows(spec, minor)) return undefined;
    const names = containersWhere(spec, (c) => c.securityContext?.allowPrivilegeEscalation !== false);
    return names.length ? { reason: 'allowPrivilegeEscalation != false', detail: `${containersPhrase(names)} must set securityContext.allowPrivilegeEscalation=false` } : undefined;
  },
};

const capabilitiesRestricted: Check = {
  id: 'capabilities_restricted',
  since: 22,
  overrides: ['capabilities_baseline'],
  run({ spec }, minor) {
    if (exemptWindows(spec, minor)) return undefined;
    const caps = (c: any) => c.securityContext?.capabilities ?? {};
    const noDropAll = containersWhere(spec, (c) => !((caps(c).drop ?? []) as string[]).includes('ALL'));
    const extra = (c: any) => ((caps(c).add ?? []) as string[]).filter((cap) => cap !== 'NET_BIND_SERVICE');
    const adding = containersOf(spec).filter((c) => extra(c).length);
    const parts = [
      ...(noDropAll.length ? [`${containersPhrase(noDropAll)} must set securityContext.capabilities.drop=["ALL"]`] : []),
      ...(adding.length ? [`${containersPhrase(adding.map((c) => String(c.name)))} must not include ${joinQuote(sortedSet(adding.flatMap(extra)))} in securityContext.capabilities.add`] : []),
    ];
    return parts.length ? { reason: 'unrestricted capabilities', detail: parts.join('; ') } : undefined;
  },
};

const restrictedVolumes: Check = {
  id: 'restrictedVolumes',
  since: 0,
  overrides: ['hostPathVolumes'],
  run({ spec }) {
    const typeOf = (v: any) => {
      const sources = Object.keys(v ?? {}).filter((k) => k !== 'name');
      if (sources.some((k) => RESTRICTED_VOLUME_SOURCES.has(k))) return undefined;
      return KNOWN_VOLUME_SOURCES.find((k) => k in (v ?? {})) ?? 'unknown';
    };
    const bad = ((spec?.volumes ?? []) as any[]).map((v) => ({ name: String(v?.name), type: typeOf(v) })).filter((v) => v.type !== undefined);
    if (!bad.length) return undefined;
    const types = sortedSet(bad.map((v) => v.type!));
    return {
      reason: 'restricted volume types',
      detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad.map((v) => v.name))} ${pluralize('uses', 'use', bad.length)} restricted ${pluralize('volume type', 'volume types', types.length)} ${joinQuote(types)}`,
    };
  },
};

const runAsNonRoot: Check = {
  id: 'runAsNonRoot',
  since: 0,
  run({ spec }, minor) {
    if (relaxedUserNamespace(spec, minor)) return undefined;
    const pod = podContext(spec).runAsNonRoot;
    const explicit = containersWhere(spec, (c) => c.securityContext?.runAsNonRoot === false);
    if (pod === false || explicit.length) {
      return { reason: 'runAsNonRoot != true', detail: `${settersPhrase(pod === false, explicit)} must not set securityContext.runAsNonRoot=false` };
    }
    const implicit = pod === true ? [] : containersWhere(spec, (c) => c.securityContext?.runAsNonRoot === undefined);
    return implicit.length ? { reason: 'runAsNonRoot != true', detail: `pod or ${containersPhrase(implicit)} must set securityContext.runAsNonRoot=true` } : undefined;
  },
};

const runAsUser: Check = {
  id: 'runAsUser',
  since: 23,
  run({ spec }, minor) {
    if (relaxedUserNamespace(spec, minor)) return undefined;
    const pod = podContext(spec).runAsUser === 0;
    const names = containersWhere(spec, (c) => c.securityContext?.runAsUser === 0);
    return pod || names.length ? { reason: 'runAsUser=0', detail: `${settersPhrase(pod, names)} must not set runAsUser=0` } : undefined;
  },
};

const seccompProfileRestricted: Check = {
  id: 'seccompProfile_restricted',
  since: 19,
  overrides: ['seccompProfile_baseline'],
  run({ spec }, minor) {
    if (exemptWindows(spec, minor)) return undefined;
    const valid = (type: string) => type === 'RuntimeDefault' || type === 'Localhost';
    const found = badSeccomp(spec, valid);
    if (found.pod || found.containers.length) {
      return { reason: 'seccompProfile', detail: `${settersPhrase(found.pod, found.containers)} must not set securityContext.seccompProfile.type to ${joinQuote(found.types)}` };
    }
    const podSet = podContext(spec).seccompProfile?.type !== undefined;
    const implicit = podSet ? [] : containersWhere(spec, (c) => c.securityContext?.seccompProfile?.type === undefined);
    return implicit.length
      ? { reason: 'seccompProfile', detail: `pod or ${containersPhrase(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"` }
      : undefined;
  },
};

export const RESTRICTED_CHECKS: Check[] = [
  allowPrivilegeEscalation,
  capabilitiesRestricted,
  procMountCheck('procMount_restricted', 35, false, ['procMount']),
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seccompProfileRestricted,
];
