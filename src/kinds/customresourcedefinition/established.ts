/**
 * The status the API server gives a CustomResourceDefinition once it serves the kind: its names accepted and the
 * conditions NamesAccepted and Established, so `kctl wait --for=condition=established crd/NAME` works as in CI
 * scripts written for a cluster.
 */
import { rfc3339 } from '../../api/time';
import type { KObject } from '../../api/types';
import type { State } from '../../store/state';
import type { SyncResult } from '../results';

export function syncEstablished(state: State, crd: KObject): SyncResult {
  const names = crd.spec?.names ?? {};
  const acceptedNames = { plural: names.plural, singular: names.singular ?? String(names.kind ?? '').toLowerCase(), kind: names.kind, listKind: names.listKind ?? `${names.kind}List`, ...(names.shortNames ? { shortNames: names.shortNames } : {}), ...(names.categories ? { categories: names.categories } : {}) };
  if (JSON.stringify(crd.status?.acceptedNames) === JSON.stringify(acceptedNames)) return {};
  const at = crd.status?.conditions?.[0]?.lastTransitionTime ?? rfc3339(state.now());
  crd.status = {
    acceptedNames,
    conditions: [
      { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found', lastTransitionTime: at },
      { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted', lastTransitionTime: at },
    ],
    storedVersions: ((crd.spec?.versions ?? []) as any[]).filter((v) => v.storage).map((v) => v.name),
  };
  state.put(crd);
  return {};
}
