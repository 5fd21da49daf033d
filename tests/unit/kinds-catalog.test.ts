/** The catalog's loaders are untyped requires: each must load a module with the export its row promises. */
import { CATALOG } from '../../src/kinds/catalog';

test.each(CATALOG.map((row) => [row.info.kind, row] as const))('%s: every part loads with its export', (_kind, row) => {
  if (row.defaults) expect(typeof row.defaults().defaults).toBe('function');
  if (row.validate) expect(typeof row.validate().validate).toBe('function');
  if (row.ignored) expect(Array.isArray(row.ignored().ignoredSections)).toBe(true);
  if (row.apply) {
    const rules = row.apply() as Record<string, unknown>;
    const hooks = ['normalize', 'prepareForCreate', 'keepLive', 'keepAllocated'].filter((name) => typeof rules[name] === 'function');
    expect(hooks.length).toBeGreaterThan(0);
  }
});

test('one row per kind', () => {
  const kinds = CATALOG.map((row) => row.info.kind);
  expect(new Set(kinds).size).toBe(kinds.length);
});
