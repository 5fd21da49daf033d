/**
 * Checks the JSON Schemas cannot express: names, labels, selectors, strategy rules, quantities, ports,
 * references between fields. Rules and messages follow Kubernetes' validation (pkg/apis/<group>/validation).
 * Runs after schema validation, also on objects that failed it, so every check tolerates wrong types
 * (the schema has already reported those). Each kind's own checks are in src/kinds/<kind>/validate.ts.
 */
import { kindParts } from '../kinds/catalog';
import { kindInfo } from './kinds';
import { checkObjectMeta } from './meta-checks';
import { Problems, type FieldProblem } from './problems';
import type { KObject } from './types';

export function semanticProblems(obj: KObject): FieldProblem[] {
  const p = new Problems();
  checkObjectMeta(p, obj, kindInfo(obj.kind).nameRule);
  kindParts(obj.kind)?.validate?.().validate(p, obj);
  return p.items;
}
