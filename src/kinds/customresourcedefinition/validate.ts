/**
 * Checks of a CustomResourceDefinition the JSON Schema cannot express (k8s apiextensions validation): the name is
 * <plural>.<group>, the group a domain with a dot, names that are DNS labels, unique versions with exactly one
 * storage version, a schema for each version; and what kctl needs besides: kctl keys objects by kind, so the kind
 * must not be one kctl serves itself.
 */
import { findKind } from '../../api/kinds';
import { dns1035LabelErrors, dns1123SubdomainErrors } from '../../api/names';
import { isObj, isString, list, type Problems } from '../../api/problems';
import type { Json } from '../../api/types';

export function validate(p: Problems, obj: Json): void {
  const spec = obj.spec;
  if (!isObj(spec)) return;
  const names = isObj(spec.names) ? spec.names : {};
  if (isString(spec.group)) {
    const errs = dns1123SubdomainErrors(spec.group);
    if (errs.length) p.invalid(['spec', 'group'], spec.group, errs);
    else if (!spec.group.includes('.')) p.invalid(['spec', 'group'], spec.group, ['should be a domain with at least one dot']);
  }
  if (isString(names.plural) && isString(spec.group) && obj.metadata?.name !== `${names.plural}.${spec.group}`) {
    p.invalid(['metadata', 'name'], obj.metadata?.name, ['must be spec.names.plural+"."+spec.group']);
  }
  for (const field of ['plural', 'singular']) {
    if (isString(names[field])) {
      const errs = dns1035LabelErrors(names[field]);
      if (errs.length) p.invalid(['spec', 'names', field], names[field], errs);
    }
  }
  list(names.shortNames).forEach((s, i) => {
    const errs = isString(s) ? dns1035LabelErrors(s) : [];
    if (errs.length) p.invalid(['spec', 'names', 'shortNames', i], s, errs);
  });
  if (isString(names.kind)) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(names.kind)) p.invalid(['spec', 'names', 'kind'], names.kind, ['may have mixed case, but should otherwise match: ^[a-zA-Z][a-zA-Z0-9]*$']);
    else if (findKind(names.kind) && findKind(names.kind)!.apiVersion.split('/')[0] !== spec.group) {
      p.invalid(['spec', 'names', 'kind'], names.kind, [`kctl serves kind ${names.kind} itself and keys objects by kind: choose another kind name`]);
    }
  }
  const versions = list(spec.versions).filter(isObj);
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    if (isString(v.name)) {
      if (seen.has(v.name)) p.duplicate(['spec', 'versions', i, 'name'], v.name);
      seen.add(v.name);
      const errs = dns1035LabelErrors(v.name);
      if (errs.length) p.invalid(['spec', 'versions', i, 'name'], v.name, errs);
    }
    if (!isObj(v.schema) || !isObj(v.schema.openAPIV3Schema)) return p.required(['spec', 'versions', i, 'schema', 'openAPIV3Schema'], 'schemas are required');
    try {
      (require('../custom/validator') as typeof import('../custom/validator')).compileVersionSchema(v.schema.openAPIV3Schema);
    } catch (e) {
      p.add(['spec', 'versions', i, 'schema', 'openAPIV3Schema'], `Invalid value: ${(e as Error).message}`);
    }
  });
  if (versions.length && versions.filter((v) => v.storage === true).length !== 1) {
    p.invalid(['spec', 'versions'], versions.map((v) => v.name), ['must have exactly one version marked as storage version']);
  }
}
