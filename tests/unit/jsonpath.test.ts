import { executeJSONPath, parseJSONPath, relaxedJSONPath, type Json } from '../../src/printers/jsonpath';

const list: Json = {
  apiVersion: 'v1',
  kind: 'List',
  metadata: { resourceVersion: '' },
  items: [
    {
      metadata: { name: 'web-1', labels: { app: 'web', 'app.kubernetes.io/name': 'shop' }, annotations: { note: '<b>&co' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }, { name: 'side', image: 'busybox' }] },
      status: { phase: 'Running', ready: true, nominated: null, restarts: 2, conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }] },
    },
    {
      metadata: { name: 'web-2', labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] },
      status: { phase: 'Pending', ready: false, restarts: 0, conditions: [{ type: 'Ready', status: 'False' }] },
    },
  ],
};

const run = (template: string, opts = {}) => executeJSONPath(parseJSONPath(template), list, opts);

describe('JSONPath templates (kubectl dialect)', () => {
  test.each([
    ['{.items[*].metadata.name}', 'web-1 web-2'],
    ['{.items[0].metadata.name}', 'web-1'],
    ['{.items[-1].metadata.name}', 'web-2'],
    ['{.items[0].spec.containers[0:2].name}', 'nginx side'],
    ['{.items[0].spec.containers[1:].name}', 'side'],
    ['{.items[0].spec.containers[::2].name}', 'nginx'],
    ['{.items[0].spec.containers[0,1].image}', 'nginx:1.25 busybox'],
    ['{.items[*][\'metadata.name\']}', 'web-1 web-2'],
    ['{.items[0].metadata.labels.app\\.kubernetes\\.io/name}', 'shop'],
    ["{.items[0].metadata.labels['app\\.kubernetes\\.io/name']}", 'shop'],
    ['{..image}', 'nginx:1.25 busybox nginx:1.26'],
    ['{.items[0].metadata.labels.*}', 'web shop'],
    ['{.items[?(@.status.phase=="Running")].metadata.name}', 'web-1'],
    ["{.items[?(@.status.phase!='Running')].metadata.name}", 'web-2'],
    ['{.items[0].status.conditions[?(@.type=="Ready")].status}', 'True'],
    ['{.items[?(@.status.restarts>1)].metadata.name}', 'web-1'],
    ['{.items[?(@.status.restarts<1)].metadata.name}', 'web-2'],
    ['{.items[?(@.status.restarts<=2)].metadata.name}', 'web-1 web-2'],
    ['{.items[?(@.status.restarts>=2)].metadata.name}', 'web-1'],
    ['{.items[?(@.status.ready==true)].metadata.name}', 'web-1'],
    ['{.items[*].spec.containers[?(@.ports)].name}', 'nginx'],
    ['{.items[0].metadata.name} {.items[1].metadata.name}', 'web-1 web-2'],
    ['names: {.items[*].metadata.name}!', 'names: web-1 web-2!'],
    ['{$.items[0].metadata.name}', 'web-1'],
    ['{@.kind}', 'List'],
    ['{.kind}{"\\t"}{.apiVersion}{"\\n"}', 'List\tv1\n'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', 'web-1\tRunning\nweb-2\tPending\n'],
    ['{range .items[*]}{range .spec.containers[*]}{.name},{end};{end}', 'nginx,side,;nginx,;'],
    ['{range .items[*]}[{.metadata.name}]{end} done', '[web-1][web-2] done'],
    ['{range .items[?(@.status.phase=="Gone")]}x{end}', ''],
    // maps and lists print as Go's compact JSON: keys sorted, <, > and & escaped
    ['{.items[0].metadata.labels}', '{"app":"web","app.kubernetes.io/name":"shop"}'],
    ['{.items[0].metadata.annotations}', '{"note":"\\u003cb\\u003e\\u0026co"}'],
    ['{.items[0].spec.containers[0].ports}', '[{"containerPort":80}]'],
    ['{.items[*].status.ready}', 'true false'],
    ['{.items[0].status.restarts}', '2'],
    ['{.items[0].status.nominated}', '<nil>'],
    ['{.items[0].nope}', ''],
    ['{.items[*].status.nope.deeper}', ''],
    ['{.items[2:2]}', ''],
  ])('%s', (template, expected) => {
    expect(run(template)).toBe(expected);
  });

  test('jsonpath-as-json prints each action as an indented JSON array', () => {
    expect(run('{.items[*].metadata.name}', { asJson: true })).toBe('[\n    "web-1",\n    "web-2"\n]\n');
  });

  test('missing keys are errors when --allow-missing-template-keys=false', () => {
    expect(() => run('{.items[0].nope}', { allowMissingKeys: false })).toThrow(/^nope is not found$/);
    expect(run('{.items[0].metadata.name}', { allowMissingKeys: false })).toBe('web-1');
  });

  test.each([
    ['{.items[5].metadata.name}', 'array index out of bounds: index 5, length 2'],
    ['{.items[0:5]}', 'array index out of bounds: index 4, length 2'],
    ['{.items[1:0]}', 'starting index 1 is greater than ending index 0'],
    ['{.items[::0]}', 'step must be > 0'],
    ['{.kind[0]}', 'string is not array or slice'],
    ['{.metadata[0]}', 'map[string]interface {} is not array or slice'],
    ['{end}', 'not in range, nothing to end'],
    ['{.items[*] foo}', 'unrecognized identifier foo'],
  ])('evaluation error %s', (template, message) => {
    expect(() => run(template)).toThrow(message);
  });

  test.each([
    ['{.items', 'unclosed action'],
    ['{.items[0}', 'unterminated array'],
    ['{.items[x]}', 'invalid array index x'],
    ['{.items[1:x]}', 'invalid array index 1:x'],
    ['{.items[?(@.a=="b")}', 'unclosed array expect ]'],
    ['{.items[?(@.a=="b"}', 'unterminated filter'],
    ['{"abc}', 'unterminated quoted string'],
    ['{#}', "unrecognized character in action: U+0023 '#'"],
    ['{....a}', 'invalid multiple recursive descent'],
    ['{-}', 'cannot parse number -'],
  ])('parse error %s', (template, message) => {
    expect(() => parseJSONPath(template)).toThrow(message);
  });
});

describe('relaxedJSONPath (custom-columns, --sort-by)', () => {
  test.each([
    ['.metadata.name', '{.metadata.name}'],
    ['metadata.name', '{.metadata.name}'],
    ['{.metadata.name}', '{.metadata.name}'],
    ['{metadata.name}', '{.metadata.name}'],
    ['.spec.containers[*].image', '{.spec.containers[*].image}'],
  ])('%s -> %s', (input, output) => {
    expect(relaxedJSONPath(input)).toBe(output);
  });

  test('two actions are not a path', () => {
    expect(() => relaxedJSONPath('{.a}{.b}')).toThrow(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  });
});
