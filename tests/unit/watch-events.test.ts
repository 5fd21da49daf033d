import type { KObject } from '../../src/api/types';
import { changesBetween } from '../../src/ops/watch';
import { printWatchEvents } from '../../src/printers/watch-events';

const cm = (name: string, rv: string): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', resourceVersion: rv, creationTimestamp: '2026-12-04T00:00:00Z' }, data: { k: 'v' } });
const now = new Date('2026-12-04T00:01:00Z');

test('changes between two listings: added, modified (resourceVersion or status), deleted as last seen', () => {
  const before = [cm('a', '1'), cm('b', '2'), cm('c', '3')];
  const after = [cm('a', '1'), cm('b', '5'), cm('d', '6')];
  expect(changesBetween(before, after).map((c) => `${c.type} ${c.object.metadata.name} ${c.object.metadata.resourceVersion}`)).toEqual(['MODIFIED b 5', 'ADDED d 6', 'DELETED c 3']);
  expect(changesBetween(after, after)).toEqual([]);
});

test('a table gets kubectl\'s EVENT column; json and yaml print {type, object}; other formats the object', () => {
  expect(printWatchEvents('ADDED', [cm('a', '1'), cm('b', '2')], { now, colour: false })).toBe('EVENT   NAME   DATA   AGE\nADDED   a      1      60s\nADDED   b      1      60s\n');
  expect(printWatchEvents('MODIFIED', [cm('a', '1')], { now, colour: false, noHeaders: true })).toBe('MODIFIED   a     1     60s\n');
  expect(JSON.parse(printWatchEvents('DELETED', [cm('a', '1')], { output: 'json', now, colour: false }))).toEqual({ type: 'DELETED', object: cm('a', '1') });
  expect(printWatchEvents('ADDED', [cm('a', '1')], { output: 'yaml', now, colour: false })).toBe(
    'object:\n  apiVersion: v1\n  data:\n    k: v\n  kind: ConfigMap\n  metadata:\n    creationTimestamp: "2026-12-04T00:00:00Z"\n    name: a\n    namespace: default\n    resourceVersion: "1"\ntype: ADDED\n',
  );
  expect(printWatchEvents('ADDED', [cm('a', '1')], { output: 'name', now, colour: false })).toBe('configmap/a\n');
});
