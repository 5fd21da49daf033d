/**
 * Checks of a PersistentVolume the JSON Schema cannot express (k8s pkg/apis/core/validation
 * ValidatePersistentVolumeSpec), and what kctl cannot serve: one volume source, and it must be hostPath or
 * local (the Docker host's directories); a storage capacity; access modes; node affinity for a local volume.
 */
import { isObj, list, type Problems } from '../../api/problems';
import { parseQuantity, quantityErrors } from '../../api/quantity';
import type { Json } from '../../api/types';
import { dns1123SubdomainErrors } from '../../api/names';

/** The volume sources the API has besides hostPath and local (the schema lists them so that they are refused here). */
const OTHER_SOURCES = ['nfs', 'csi', 'iscsi', 'awsElasticBlockStore', 'gcePersistentDisk', 'azureDisk', 'azureFile', 'cephfs', 'rbd', 'fc', 'flexVolume', 'glusterfs', 'cinder', 'vsphereVolume', 'portworxVolume'];

export function validate(p: Problems, obj: Json): void {
  const spec = obj.spec;
  if (!isObj(spec)) return;
  const storage = isObj(spec.capacity) ? spec.capacity.storage : undefined;
  if (storage === undefined) p.required(['spec', 'capacity', 'storage']);
  else if (quantityErrors(storage).length === 0 && parseQuantity(storage)!.num === 0n) p.invalid(['spec', 'capacity', 'storage'], storage, ['must be greater than zero']);
  if (list(spec.accessModes).length === 0) p.required(['spec', 'accessModes']);
  if (typeof spec.storageClassName === 'string' && spec.storageClassName !== '') {
    const errs = dns1123SubdomainErrors(spec.storageClassName);
    if (errs.length) p.invalid(['spec', 'storageClassName'], spec.storageClassName, errs);
  }
  // Recycle (deprecated in Kubernetes) scrubs the volume for the next claim; kctl does not erase host directories.
  if (spec.persistentVolumeReclaimPolicy === 'Recycle') p.unsupported(['spec', 'persistentVolumeReclaimPolicy'], 'Recycle', ['Retain', 'Delete']);
  if (spec.volumeMode === 'Block') p.unsupported(['spec', 'volumeMode'], 'Block', ['Filesystem']);
  const sources = ['hostPath', 'local', ...OTHER_SOURCES].filter((s) => spec[s] !== undefined);
  if (sources.length === 0) return p.required(['spec'], 'must specify a volume type');
  if (sources.length > 1) p.forbidden(['spec', sources[1]], 'may not specify more than 1 volume type');
  for (const other of sources.filter((s) => OTHER_SOURCES.includes(s))) p.forbidden(['spec', other], 'kctl serves hostPath and local persistent volumes (directories of the Docker host)');
  if (spec.local !== undefined && spec.nodeAffinity === undefined) p.required(['spec', 'nodeAffinity'], 'Local volume requires node affinity');
}
