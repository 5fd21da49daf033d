import { kindInfo } from '../../src/api/kinds';
import {
  configKeyErrors,
  dns1035LabelErrors,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  envVarNameErrors,
  labelValueErrors,
  objectNameErrors,
  portNameErrors,
  qualifiedNameErrors,
} from '../../src/api/names';
import { fakeCliEnv, runCli } from '../helpers/cli';

const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";

test('`kctl create namespace Bad_Name` fails with the loader\'s message', async () => {
  const env = fakeCliEnv();
  expect(await runCli('create namespace Bad_Name', env)).toEqual({ code: 3, stdout: '', stderr: `error: metadata.name: Invalid value: "Bad_Name": ${LABEL}\n` });
  expect(await runCli('create namespace dev', env)).toEqual({ code: 0, stdout: 'namespace/dev created\n', stderr: '' });
});

test('which rule applies to which kind', () => {
  const nameErrors = (kind: string, name: string) => objectNameErrors(kindInfo(kind).nameRule, name);
  expect(nameErrors('Deployment', 'web.v2')).toEqual([]);
  expect(nameErrors('Namespace', 'web.v2')).toEqual([LABEL]);
  expect(nameErrors('Service', 'web-2')).toEqual([]);
  expect(nameErrors('Service', '2web')).toHaveLength(1);
});

test.each(['a', 'web', 'web-1', 'a.b.c', '0', 'x'.repeat(253)])('subdomain %s is valid', (v) => expect(dns1123SubdomainErrors(v)).toEqual([]));
test.each(['', 'Web', '-web', 'web-', 'web_1', 'a..b', '.a', 'a b'])('subdomain %p is invalid', (v) => expect(dns1123SubdomainErrors(v)).toEqual([SUBDOMAIN]));
test('subdomain length', () => expect(dns1123SubdomainErrors('x'.repeat(254))).toEqual(['must be no more than 253 characters']));

test('labels (RFC 1123) and DNS-1035 labels', () => {
  expect(dns1123LabelErrors('1abc')).toEqual([]);
  expect(dns1123LabelErrors('a.b')).toEqual([LABEL]);
  expect(dns1123LabelErrors('x'.repeat(64))).toEqual(['must be no more than 63 characters']);
  expect(dns1035LabelErrors('abc-1')).toEqual([]);
  expect(dns1035LabelErrors('1abc')).toEqual([
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
  ]);
});

test('label keys: optional prefix, name part', () => {
  expect(qualifiedNameErrors('app')).toEqual([]);
  expect(qualifiedNameErrors('app.kubernetes.io/name')).toEqual([]);
  expect(qualifiedNameErrors('My_Key.1')).toEqual([]);
  expect(qualifiedNameErrors('Example.com/name')).toEqual([`prefix part ${SUBDOMAIN}`]);
  expect(qualifiedNameErrors('/name')).toEqual(['prefix part must be non-empty']);
  expect(qualifiedNameErrors('')).toEqual(['name part must be non-empty']);
  expect(qualifiedNameErrors('x'.repeat(64))).toEqual(['name part must be no more than 63 characters']);
  expect(qualifiedNameErrors('_x')).toEqual(["name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"]);
});

test('label values', () => {
  expect(labelValueErrors('')).toEqual([]);
  expect(labelValueErrors('v1.2_rc-3')).toEqual([]);
  expect(labelValueErrors('a b')).toHaveLength(1);
  expect(labelValueErrors('x'.repeat(64))).toEqual(['must be no more than 63 characters']);
});

test('env var names, config keys, port names', () => {
  expect(envVarNameErrors('MY_VAR.1-x')).toEqual([]);
  expect(envVarNameErrors('9LIVES')).toHaveLength(1);
  expect(configKeyErrors('tls.crt')).toEqual([]);
  expect(configKeyErrors('.dockerconfigjson')).toEqual([]);
  expect(configKeyErrors('..data')).toEqual(["must not start with '..'"]);
  expect(configKeyErrors('a/b')).toEqual(["a valid config key must consist of alphanumeric characters, '-', '_' or '.'"]);
  expect(portNameErrors('http')).toEqual([]);
  expect(portNameErrors('8080')).toEqual(['must contain at least one letter (a-z)']);
  expect(portNameErrors('a--b')).toEqual(['must not contain consecutive hyphens (--)']);
  expect(portNameErrors('-ab')).toEqual(['must not begin or end with a hyphen']);
});
