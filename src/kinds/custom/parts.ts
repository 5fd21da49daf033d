/** The catalog row of a custom kind: its names, and its schema's defaults (validation is the schema's, validator.ts). */
import type { KindParts } from '../../api/kind-parts';
import { customKind, versionOf } from './kinds';
import { applySchemaDefaults } from './openapi';

export function customKindParts(kind: string): KindParts | undefined {
  const custom = customKind(kind);
  if (!custom) return undefined;
  return {
    info: custom.info,
    defaults: () => ({ defaults: (obj) => applySchemaDefaults(versionOf(custom.crd, obj.apiVersion)?.schema?.openAPIV3Schema, obj) }),
  };
}
