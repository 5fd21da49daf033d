import { executeGoTemplate, parseGoTemplate, TemplateExecError, TemplateParseError, type GoValue } from '../../src/printers/go-template';
import { GoInt } from '../../src/printers/go-template/values';

const int64 = (n: number) => new GoInt(BigInt(n), 'int64');

/** A `kubectl get pods` List as kubectl hands it to the template: decoded JSON, integral numbers int64, others float64. */
const pods: GoValue = {
  apiVersion: 'v1',
  kind: 'List',
  metadata: { resourceVersion: '' },
  items: [
    {
      metadata: { name: 'web-1', labels: { app: 'web', tier: 'front' }, annotations: { note: '<b>&co' } },
      spec: { replicas: int64(3), containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: int64(80) }] }, { name: 'side', image: 'busybox' }] },
      status: { phase: 'Running', ready: true, nominated: null, restarts: int64(2), big: int64(1000000), bigFloat: 1000000, half: 0.5, small: 0.00001 },
    },
    {
      metadata: { name: 'web-2', labels: { app: 'web' } },
      spec: { replicas: int64(1), containers: [{ name: 'nginx', image: 'nginx:1.26' }] },
      status: { phase: 'Pending', ready: false, restarts: int64(0) },
    },
  ],
};
const web1 = (pods as { items: GoValue[] }).items[0];
const secret: GoValue = { kind: 'Secret', metadata: { name: 'db' }, data: { password: 'czNjcjN0', bad: 'abc*' } };

const run = (text: string, data: GoValue = pods, missingKeyError = false) => executeGoTemplate(parseGoTemplate('output', text), data, { missingKeyError });

function execError(text: string, data: GoValue = pods, missingKeyError = false): { message: string; output: string } {
  try {
    run(text, data, missingKeyError);
  } catch (e) {
    if (e instanceof TemplateExecError) return { message: e.message, output: e.output };
    throw e;
  }
  throw new Error('no error');
}

function parseError(text: string): string {
  try {
    parseGoTemplate('output', text);
  } catch (e) {
    if (e instanceof TemplateParseError) return e.message;
    throw e;
  }
  throw new Error('no error');
}

describe('Go templates: kubectl documentation examples', () => {
  test.each<[string, string, GoValue]>([
    ['{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}', 'web-1\nweb-2\n', pods],
    ['{{index .metadata.labels "app"}}', 'web', web1],
    ['{{.data.password | base64decode}}', 's3cr3t', secret],
    ['{{range .items}}{{.metadata.name}}:{{range .spec.containers}}{{.image}},{{end}}{{"\\n"}}{{end}}', 'web-1:nginx:1.25,busybox,\nweb-2:nginx:1.26,\n', pods],
    ['{{range .items}}{{if eq .status.phase "Running"}}{{.metadata.name}} {{end}}{{end}}', 'web-1 ', pods],
    ['{{range $i, $p := .items}}{{$i}}={{$p.metadata.name}} {{end}}', '0=web-1 1=web-2 ', pods],
    ['{{range .items}}{{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}}|{{end}}', 'app=web;tier=front;|app=web;|', pods],
  ])('%s', (text, expected, data) => {
    expect(run(text, data)).toBe(expected);
  });
});

describe('Go templates: values print as Go prints int64, float64 and maps', () => {
  test.each<[string, string]>([
    ['{{.spec.replicas}}', '3'],
    ['{{.status.big}}', '1000000'],
    ['{{.status.bigFloat}}', '1e+06'],
    ['{{.status.half}}', '0.5'],
    ['{{.status.small}}', '1e-05'],
    ['{{.status.ready}}', 'true'],
    ['{{.metadata.labels}}', 'map[app:web tier:front]'],
    ['{{.spec.containers}}', '[map[image:nginx:1.25 name:nginx ports:[map[containerPort:80]]] map[image:busybox name:side]]'],
    ['{{.status.nominated}}', '<no value>'],
    ['{{.status.missing}}', '<no value>'],
    ['{{.no.such.path}}', '<no value>'],
    ['{{index .metadata.labels "missing"}}', '<no value>'],
    ['{{printf "%v" .status.nominated}}', '<nil>'],
    ['{{print .status.nominated}}', '<nil>'],
    ['{{3}} {{3.0}} {{1e6}} {{0x10}} {{-7}} {{\'a\'}} {{1_000}}', '3 3 1e+06 16 -7 97 1000'],
    ['{{"quoted\\t"}}{{`raw\\t`}}', 'quoted\traw\\t'],
    ['{{true}} {{false}}', 'true false'],
  ])('%s', (text, expected) => {
    expect(run(text, web1)).toBe(expected);
  });
});

describe('Go templates: actions', () => {
  test.each<[string, string]>([
    // trim markers and comments
    ['a  {{- "b" -}}  c', 'abc'],
    ['a\n{{- /* a comment */ -}}\nb', 'ab'],
    ['{{/* only a comment */}}x', 'x'],
    ['{{-3}}', '-3'],
    // if / else if / else
    ['{{if .status.ready}}ready{{else}}not ready{{end}}', 'ready'],
    ['{{if .status.missing}}a{{else if eq .status.phase "Running"}}b{{else}}c{{end}}', 'b'],
    ['{{if and .status.ready (gt .status.restarts 1)}}restarted{{end}}', 'restarted'],
    ['{{if eq .spec.replicas 3}}three{{end}}', 'three'],
    ['{{if or .status.missing ""}}t{{else}}f{{end}}', 'f'],
    ['{{if not .status.nominated}}none{{end}}', 'none'],
    // truthiness: empty string, zero, empty list and map are false
    ['{{if ""}}t{{else}}f{{end}}{{if 0}}t{{else}}f{{end}}{{if 0.0}}t{{else}}f{{end}}{{if .no}}t{{else}}f{{end}}', 'ffff'],
    // with
    ['{{with .metadata.labels}}{{.app}}{{end}}', 'web'],
    ['{{with .status.missing}}x{{else}}none{{end}}', 'none'],
    ['{{with $x := .metadata.name}}{{$x}}{{end}}', 'web-1'],
    ['{{with .status.missing}}x{{else with .metadata.name}}{{.}}{{end}}', 'web-1'],
    // variables
    ['{{$n := .metadata.name}}{{$n}} {{$n = "other"}}{{$n}}', 'web-1 other'],
    ['{{range .spec.containers}}{{$.metadata.name}}/{{.name}} {{end}}', 'web-1/nginx web-1/side '],
    ['{{$c := index .spec.containers 0}}{{$c.image}}', 'nginx:1.25'],
    // range: else, break, continue, maps in key order, integers
    ['{{range .status.missing}}x{{else}}empty{{end}}', 'empty'],
    ['{{range .spec.containers}}{{if eq .name "side"}}{{break}}{{end}}{{.name}}{{end}}', 'nginx'],
    ['{{range .spec.containers}}{{if eq .name "nginx"}}{{continue}}{{end}}{{.name}}{{end}}', 'side'],
    ['{{range $k, $v := .metadata.annotations}}{{$k}}{{end}}{{range .metadata.labels}}{{.}},{{end}}', 'noteweb,front,'],
    ['{{range 3}}{{.}}{{end}}', '012'],
    ['{{range $e := .spec.containers}}{{$e.name}}{{end}}', 'nginxside'],
    // pipelines and parentheses
    ['{{.metadata.name | printf "%s!"}}', 'web-1!'],
    ['{{(index .spec.containers 1).image}}', 'busybox'],
    ['{{len .spec.containers | printf "%d containers"}}', '2 containers'],
    ['{{index .spec.containers 0 | len}}', '3'],
    // define / template / block
    ['{{define "name"}}<{{.metadata.name}}>{{end}}{{template "name" .}}', '<web-1>'],
    ['{{block "b" .status.phase}}[{{.}}]{{end}}', '[Running]'],
    ['{{template "t"}}{{define "t"}}{{.}}{{end}}', '<no value>'],
  ])('%s', (text, expected) => {
    expect(run(text, web1)).toBe(expected);
  });

  test('output ends exactly as the template does: no newline added', () => {
    expect(run('{{.kind}}')).toBe('List');
  });
});

describe('Go templates: functions', () => {
  test.each<[string, string]>([
    ['{{eq .metadata.name "a" "web-1"}} {{ne 1 2}} {{lt "a" "b"}} {{le 2 2}} {{gt 3.5 1.0}} {{ge 1 2}}', 'true true true true true false'],
    ['{{eq .status.missing "x"}}', 'false'],
    ['{{len .metadata.name}} {{len .metadata.labels}}', '5 2'],
    ['{{index . "metadata" "labels" "tier"}}', 'front'],
    ['{{index .spec.containers 1 "name"}}', 'side'],
    ['{{slice .metadata.name 1 3}} {{slice .spec.containers 1 | len}}', 'eb 1'],
    ['{{print "a" 1 2 "b" true}}', 'a1 2btrue'],
    ['{{println "a" 1}}', 'a 1\n'],
    ['{{printf "%s|%d|%v|%q|%x|%X|%t|%%" "s" 7 .spec.replicas "q" "hi" 255 true}}', 's|7|3|"q"|6869|FF|true|%'],
    ['{{printf "%-10s|%10s|%5d|%-5d|%05d|%+d" "left" "right" 42 42 42 42}}', 'left      |     right|   42|42   |00042|+42'],
    ['{{printf "%f %.2f %e %g %.3g %8.3f" 3.14159 2.675 1234.5678 0.000012 1234.5678 3.14159}}', '3.141590 2.67 1.234568e+03 1.2e-05 1.23e+03    3.142'],
    ['{{printf "%.0f %.0f %.1f" 2.5 3.5 0.25}}', '2 4 0.2'],
    ['{{printf "%d|%5.1f" .spec.replicas .spec.replicas}}', '3|%!f(int64=    3)'],
    ['{{printf "%d" .status.half}}', '%!d(float64=0.5)'],
    ['{{printf "%s" .status.missing}}', '%!s(<nil>)'],
    ['{{printf "%s %s" "one"}}', 'one %!s(MISSING)'],
    ['{{printf "%s" "a" "b"}}', 'a%!(EXTRA string=b)'],
    ['{{printf "%v %s" .metadata.labels .metadata.labels}}', 'map[app:web tier:front] map[app:web tier:front]'],
    ['{{printf "%d" .metadata.labels}}', 'map[%!d(string=app):%!d(string=web) %!d(string=tier):%!d(string=front)]'],
    ['{{printf "%T %T %T %T %T" 1 1.5 "s" .metadata .spec.replicas}}', 'int float64 string map[string]interface {} int64'],
    ['{{index .metadata.name 0}} {{printf "%T" (index .metadata.name 0)}}', '119 uint8'],
    ['{{printf "%c|%q|%U|%o|%b|%#x" 65 65 65 8 5 255}}', "A|'A'|U+0041|10|101|0xff"],
    ['{{html .metadata.annotations.note}} {{js "it\'s <x>"}} {{urlquery "a b&c=d/é"}}', "&lt;b&gt;&amp;co it\\'s \\u003Cx\\u003E a+b%26c%3Dd%2F%C3%A9"],
    ['{{html .status.missing}}', '&lt;no value&gt;'],
    ['{{exists . "metadata" "labels" "app"}} {{exists . "metadata" "labels" "zzz"}} {{exists .spec.containers 5}} {{exists .status "nominated"}}', 'true false false false'],
  ])('%s', (text, expected) => {
    expect(run(text, web1)).toBe(expected);
  });
});

describe('Go templates: parse errors (Go wording)', () => {
  test.each<[string, string]>([
    ['{{.metadata.name', 'template: output:1: unclosed action'],
    ['{{.a}}\n{{.b\n', 'template: output:3: unclosed action started at output:2'],
    ['{{if .a}}x', 'template: output:1: unexpected EOF'],
    ['{{end}}', 'template: output:1: unexpected {{end}}'],
    ['{{else}}', 'template: output:1: unexpected {{else}}'],
    ['{{range .a}}{{else if .b}}{{end}}', 'template: output:1: unexpected <if> in input'],
    ['{{nosuch .a}}', 'template: output:1: function "nosuch" not defined'],
    ['{{$x}}', 'template: output:1: undefined variable "$x"'],
    ['{{if .a}}{{$x := 1}}{{end}}{{$x}}', 'template: output:1: undefined variable "$x"'],
    ['{{break}}', 'template: output:1: {{break}} outside {{range}}'],
    ['{{.a | "x"}}', 'template: output:1: non executable command in pipeline stage 2'],
    ['{{}}', 'template: output:1: missing value for command'],
    ['{{"abc}}', 'template: output:1: unterminated quoted string'],
    ['{{.a}', 'template: output:1: unexpected "}" in operand'],
    ['{{(.a}}', 'template: output:1: unclosed left paren'],
    ['{{.a)}}', 'template: output:1: unexpected right paren U+0029 \')\''],
    ['{{/* x }}', 'template: output:1: unclosed comment'],
    ['{{"x".y}}', 'template: output:1: unexpected . after term "\\"x\\""'],
    ['{{3x}}', 'template: output:1: bad number syntax: "3x"'],
    ['{{.a~}}', 'template: output:1: bad character U+007E \'~\''],
    ['{{range $a, $b, $c := .x}}{{end}}', 'template: output:1: too many declarations in range'],
    ['{{with .a}}x{{else}}y{{else}}z{{end}}', 'template: output:1: expected end; found {{else}}'],
    ['{{template .x}}', 'template: output:1: unexpected ".x" in template clause'],
    ['{{define "a"}}x{{end}}{{define "a"}}y{{end}}', 'template: output:1: template: multiple definition of template "a"'],
  ])('%j', (text, message) => {
    expect(parseError(text)).toBe(message);
  });
});

describe('Go templates: execution errors (Go wording, partial output kept)', () => {
  test.each<[string, string]>([
    ['{{.items.metadata.name}}', 'template: output:1:8: executing "output" at <.items.metadata.name>: can\'t evaluate field metadata in type interface {}'],
    ['{{range .items}}{{.metadata.name.first}}{{end}}', 'template: output:1:27: executing "output" at <.metadata.name.first>: can\'t evaluate field first in type interface {}'],
    ['{{$n := .kind}}{{$n.x}}', 'template: output:1:19: executing "output" at <$n.x>: can\'t evaluate field x in type string'],
    ['{{range .items}}{{.status.nominated.x}}{{end}}', 'template: output:1:25: executing "output" at <.status.nominated.x>: nil pointer evaluating interface {}.x'],
    ['{{if eq (len .items) 2.0}}{{end}}', 'template: output:1:5: executing "output" at <eq (len .items) 2.0>: error calling eq: incompatible types for comparison: int and float64'],
    ['{{range .items}}{{if eq .spec.replicas 3.0}}{{end}}{{end}}', 'template: output:1:21: executing "output" at <eq .spec.replicas 3.0>: error calling eq: incompatible types for comparison: int64 and float64'],
    ['{{index .items 5}}', 'template: output:1:2: executing "output" at <index .items 5>: error calling index: index out of range: 5'],
    ['{{index .items 1.0}}', 'template: output:1:2: executing "output" at <index .items 1.0>: error calling index: cannot index slice/array with type float64'],
    ['{{index}}', 'template: output:1:2: executing "output" at <index>: wrong number of args for index: want at least 1 got 0'],
    ['{{len .kind.x}}', 'template: output:1:11: executing "output" at <.kind.x>: can\'t evaluate field x in type interface {}'],
    ['{{range .kind}}{{end}}', 'template: output:1:8: executing "output" at <.kind>: range can\'t iterate over List'],
    ['{{.kind 1}}', 'template: output:1:2: executing "output" at <.kind>: kind is not a method but has arguments'],
    ['{{nil}}', 'template: output:1:2: executing "output" at <nil>: nil is not a command'],
    ['{{template "x"}}', 'template: output:1:11: executing "output" at <{{template "x"}}>: template "x" not defined'],
    ['{{lt .kind 1}}', 'template: output:1:2: executing "output" at <lt .kind 1>: error calling lt: incompatible types for comparison: string and int'],
    ['{{printf .items}}', 'template: output:1:9: executing "output" at <.items>: wrong type for value; expected string; got []interface {}'],
  ])('%j', (text, message) => {
    expect(execError(text).message).toBe(message);
  });

  test('base64decode of bad data', () => {
    expect(execError('{{.data.bad | base64decode}}', secret).message).toBe(
      'template: output:1:14: executing "output" at <base64decode>: error calling base64decode: base64 decode failed: illegal base64 data at input byte 3',
    );
  });

  test('missingkey=error: a missing key fails, a present null does not', () => {
    expect(execError('{{range .items}}{{.metadata.name}} {{.status.ready}} {{.status.nominated}}{{end}}', pods, true)).toEqual({
      output: 'web-1 true <no value>web-2 false ',
      message: 'template: output:1:62: executing "output" at <.status.nominated>: map has no entry for key "nominated"',
    });
    expect(execError('{{.spec.x.y}}', web1, true).message).toBe('template: output:1:7: executing "output" at <.spec.x.y>: map has no entry for key "x"');
  });

  test('positions count lines and bytes, as Go does', () => {
    expect(execError('é\n  {{.items.x}}').message).toBe('template: output:2:10: executing "output" at <.items.x>: can\'t evaluate field x in type interface {}');
    expect(execError('{{define "t"}}{{.x.y}}{{end}}{{template "t" .kind}}').message).toBe('template: output:1:18: executing "t" at <.x.y>: can\'t evaluate field x in type string');
  });
});
