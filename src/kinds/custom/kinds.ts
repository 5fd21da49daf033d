/** The kinds the CustomResourceDefinitions define, spelt as kctl spells its own (KindInfo). */
import type { KindInfo } from '../../api/kind-parts';
import type { KObject } from '../../api/types';
import { customResourceDefinitions } from './source';

export interface CustomKind {
  info: KindInfo;
  crd: KObject;
}

export const CUSTOM_SCHEMA_PREFIX = 'crd:';

export function customKinds(): CustomKind[] {
  return customResourceDefinitions().flatMap((crd) => {
    const spec = crd.spec ?? {};
    const names = spec.names ?? {};
    const served = ((spec.versions ?? []) as any[]).filter((v) => v.served !== false);
    const storage = ((spec.versions ?? []) as any[]).find((v) => v.storage) ?? served[0];
    if (!names.kind || !names.plural || !storage) return [];
    const singular = names.singular ?? String(names.kind).toLowerCase();
    const info: KindInfo = {
      kind: names.kind,
      apiVersion: `${spec.group}/${storage.name}`,
      acceptedApiVersions: served.map((v) => `${spec.group}/${v.name}`),
      plural: names.plural,
      singular,
      shortNames: names.shortNames ?? [],
      display: `${singular}.${spec.group}`,
      namespaced: spec.scope !== 'Cluster',
      nameRule: 'dns1123Subdomain',
      schema: `${CUSTOM_SCHEMA_PREFIX}${crd.metadata.name}`,
      applicable: true,
    };
    return [{ info, crd }];
  });
}

export function customKind(kind: string): CustomKind | undefined {
  return customKinds().find((k) => k.info.kind === kind);
}

/** The version of the CRD an object's apiVersion names (its storage version when it names none it serves). */
export function versionOf(crd: KObject, apiVersion: string | undefined): any {
  const versions = (crd.spec?.versions ?? []) as any[];
  const name = apiVersion?.split('/')[1];
  return versions.find((v) => v.name === name) ?? versions.find((v) => v.storage);
}
