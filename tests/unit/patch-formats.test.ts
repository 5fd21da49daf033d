import { applyJsonPatch, JsonPatchError } from '../../src/api/patch/json-patch';
import { applyMergePatch } from '../../src/api/patch/merge-patch';
import { kindShape, mergedList } from '../../src/api/patch/shape';
import { applyStrategicPatch, StrategicPatchError } from '../../src/api/patch/strategic';
import { podShape } from '../../src/kinds/pod/patch-shape';

const pod = () => ({
  metadata: { name: 'p', labels: { a: '1', b: '2' }, finalizers: ['x'] },
  spec: {
    containers: [
      { name: 'web', image: 'web:v1', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }], args: ['a', 'b'] },
      { name: 'side', image: 'side:v1' },
    ],
    volumes: [{ name: 'data', emptyDir: {} }],
    tolerations: [{ key: 'k' }],
  },
});
const shape = kindShape(podShape);

describe('JSON merge patch (RFC 7386)', () => {
  test('the RFC 7386 appendix examples', () => {
    expect(applyMergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(applyMergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(applyMergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(applyMergePatch({ a: 'b', b: 'c' }, { a: null })).toEqual({ b: 'c' });
    expect(applyMergePatch({ a: ['b'] }, { a: 'c' })).toEqual({ a: 'c' });
    expect(applyMergePatch({ a: 'c' }, { a: ['b'] })).toEqual({ a: ['b'] });
    expect(applyMergePatch({ a: { b: 'c' } }, { a: { b: 'd', c: null } })).toEqual({ a: { b: 'd' } });
    expect(applyMergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(applyMergePatch(['a', 'b'], ['c', 'd'])).toEqual(['c', 'd']);
    expect(applyMergePatch({ a: 'b' }, ['c'])).toEqual(['c']);
    expect(applyMergePatch({ a: 'foo' }, null)).toBeNull();
    expect(applyMergePatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
    expect(applyMergePatch([1, 2], { a: 'b', c: null })).toEqual({ a: 'b' });
    expect(applyMergePatch({}, { a: { bb: { ccc: null } } })).toEqual({ a: { bb: {} } });
  });
});

describe('JSON patch (RFC 6902)', () => {
  const doc = () => ({ foo: ['bar', 'baz'], a: { b: 1 }, 'x/y': { '~z': 2 } });

  test('each operation, escaped pointers and the end-of-list token', () => {
    expect(applyJsonPatch(doc(), [{ op: 'add', path: '/foo/1', value: 'qux' }])).toMatchObject({ foo: ['bar', 'qux', 'baz'] });
    expect(applyJsonPatch(doc(), [{ op: 'add', path: '/foo/-', value: 'end' }])).toMatchObject({ foo: ['bar', 'baz', 'end'] });
    expect(applyJsonPatch(doc(), [{ op: 'remove', path: '/foo/0' }])).toMatchObject({ foo: ['baz'] });
    expect(applyJsonPatch(doc(), [{ op: 'replace', path: '/foo/1', value: 'boo' }])).toMatchObject({ foo: ['bar', 'boo'] });
    expect(applyJsonPatch(doc(), [{ op: 'replace', path: '/x~1y/~0z', value: 3 }])).toMatchObject({ 'x/y': { '~z': 3 } });
    expect(applyJsonPatch(doc(), [{ op: 'move', from: '/a/b', path: '/c' }])).toEqual({ foo: ['bar', 'baz'], a: {}, c: 1, 'x/y': { '~z': 2 } });
    expect(applyJsonPatch(doc(), [{ op: 'copy', from: '/foo', path: '/copied' }])).toMatchObject({ foo: ['bar', 'baz'], copied: ['bar', 'baz'] });
    expect(applyJsonPatch(doc(), [{ op: 'test', path: '/a', value: { b: 1 } }, { op: 'add', path: '/ok', value: true }])).toMatchObject({ ok: true });
    expect(applyJsonPatch(doc(), [{ op: 'replace', path: '', value: { whole: 1 } }])).toEqual({ whole: 1 });
  });

  test('a failing operation names itself and leaves the input unchanged', () => {
    const input = doc();
    const fails = (ops: unknown, message: string) => expect(() => applyJsonPatch(input, ops)).toThrow(new JsonPatchError(message));
    fails([{ op: 'add', path: '/ok', value: 1 }, { op: 'remove', path: '/nothere' }], 'operation 2 (remove /nothere): the path does not exist');
    fails([{ op: 'test', path: '/a/b', value: 2 }], 'operation 1 (test /a/b): the value is 1, not 2');
    fails([{ op: 'replace', path: '/foo/2', value: 1 }], 'operation 1 (replace /foo/2): index 2 is out of range (the list has 2 items)');
    fails([{ op: 'add', path: '/foo/01', value: 1 }], 'operation 1 (add /foo/01): "01" is not a list index');
    fails([{ op: 'move', from: '/a', path: '/a/b/c' }], 'operation 1 (move /a/b/c): cannot move /a into one of its own children');
    fails([{ op: 'add', path: 'foo', value: 1 }], 'operation 1 (add foo): the path "foo" must start with "/"');
    fails([{ op: 'jump', path: '/a' }], 'operation 1: "op" must be one of add, remove, replace, move, copy, test, not "jump"');
    fails([{ op: 'add', path: '/a' }], 'operation 1: "add" needs a "value"');
    fails({ op: 'add' }, 'a json patch must be a list of operations ([{"op": "replace", "path": "/spec/replicas", "value": 3}])');
    expect(input).toEqual(doc());
  });
});

describe('strategic merge patch', () => {
  test('containers merge by name, env by name with new entries first, other lists are replaced', () => {
    const out = applyStrategicPatch(pod(), { spec: { containers: [{ name: 'web', image: 'web:v2', env: [{ name: 'C', value: '3' }, { name: 'A', value: 'x' }], args: ['z'] }], tolerations: [] } }, shape) as any;
    expect(out.spec.containers.map((c: any) => c.name)).toEqual(['web', 'side']);
    expect(out.spec.containers[0]).toEqual({ name: 'web', image: 'web:v2', env: [{ name: 'C', value: '3' }, { name: 'A', value: 'x' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }], args: ['z'] });
    expect(out.spec.tolerations).toEqual([]);
    expect(out.spec.volumes).toEqual([{ name: 'data', emptyDir: {} }]);
  });

  test("a new element goes before the original's, existing ones keep the original's order", () => {
    const out = applyStrategicPatch(pod(), { spec: { containers: [{ name: 'side', image: 'side:v2' }, { name: 'new', image: 'n' }] } }, shape) as any;
    expect(out.spec.containers.map((c: any) => c.name)).toEqual(['web', 'side', 'new']);
    const first = applyStrategicPatch(pod(), { spec: { containers: [{ name: 'new', image: 'n' }] } }, shape) as any;
    expect(first.spec.containers.map((c: any) => c.name)).toEqual(['new', 'web', 'side']);
  });

  test('null removes a field; $patch: delete removes a list element or a map; $patch: replace replaces', () => {
    const out = applyStrategicPatch(pod(), { metadata: { labels: { a: null } }, spec: { containers: [{ name: 'side', $patch: 'delete' }, { name: 'web', ports: [{ $patch: 'replace' }, { containerPort: 8080 }] }] } }, shape) as any;
    expect(out.metadata.labels).toEqual({ b: '2' });
    expect(out.spec.containers).toHaveLength(1);
    expect(out.spec.containers[0].ports).toEqual([{ containerPort: 8080 }]);
    const replaced = applyStrategicPatch(pod(), { metadata: { labels: { $patch: 'replace', c: '3' } } }, shape) as any;
    expect(replaced.metadata.labels).toEqual({ c: '3' });
    const deleted = applyStrategicPatch(pod(), { spec: { volumes: [{ name: 'data', $patch: 'delete' }] }, metadata: { labels: { $patch: 'delete' } } }, shape) as any;
    expect(deleted.spec.volumes).toEqual([]);
    expect(deleted.metadata.labels).toBeUndefined();
    expect(applyStrategicPatch(pod(), { $patch: 'delete' }, shape)).toBeUndefined();
  });

  test('finalizers merge as a set; $deleteFromPrimitiveList, $retainKeys and $setElementOrder', () => {
    const out = applyStrategicPatch(pod(), { metadata: { finalizers: ['y', 'x'] } }, shape) as any;
    expect(out.metadata.finalizers).toEqual(['y', 'x']);
    const removed = applyStrategicPatch(pod(), { metadata: { '$deleteFromPrimitiveList/finalizers': ['x'] } }, shape) as any;
    expect(removed.metadata.finalizers).toEqual([]);
    const retained = applyStrategicPatch({ spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } }, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, {}) as any;
    expect(retained.spec.strategy).toEqual({ type: 'Recreate' });
    const ordered = applyStrategicPatch(pod(), { spec: { '$setElementOrder/containers': [{ name: 'side' }, { name: 'web' }], containers: [{ name: 'web', image: 'w' }, { name: 'side', image: 's' }] } }, shape) as any;
    expect(ordered.spec.containers.map((c: any) => c.name)).toEqual(['side', 'web']);
  });

  test('a list without a merge strategy, or a kind without a shape, is replaced; a merge-keyed element without its key is refused', () => {
    expect((applyStrategicPatch({ spec: { containers: [{ name: 'a' }] } }, { spec: { containers: [{ name: 'b' }] } }, {}) as any).spec.containers).toEqual([{ name: 'b' }]);
    expect(() => applyStrategicPatch(pod(), { spec: { containers: [{ image: 'x' }] } }, shape)).toThrow(new StrategicPatchError('a list element has no merge key "name": {"image":"x"}'));
    expect(() => applyStrategicPatch(pod(), { spec: { $patch: 'drop' } }, shape)).toThrow(StrategicPatchError);
    expect(() => applyStrategicPatch(pod(), ['x'], shape)).toThrow(new StrategicPatchError('a strategic merge patch must be an object'));
    expect(() => applyStrategicPatch(pod(), JSON.parse('{"__proto__": {"polluted": 1}}'), shape)).toThrow(StrategicPatchError);
    expect(({} as any).polluted).toBeUndefined();
  });

  test('the input is not changed', () => {
    const input = pod();
    applyStrategicPatch(input, { spec: { containers: [{ name: 'web', image: 'changed' }] } }, shape);
    expect(input).toEqual(pod());
  });

  test('mergedList marks a list shape without colliding with a field of that name', () => {
    expect(kindShape({ mergeKey: mergedList('x') }).mergeKey).toEqual(mergedList('x'));
  });
});
