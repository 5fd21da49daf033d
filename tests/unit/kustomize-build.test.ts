/**
 * The kustomize builder on fixtures whose expected outputs are what `kubectl kustomize` (kustomize v5.5.0)
 * printed for them, byte for byte; and its errors.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildKustomization } from '../../src/kustomize/build';
import { renderBuild } from '../../src/kustomize/render';
import { tempDir } from '../helpers/temp-dir';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'kustomize');

function build(dir: string, cwd = FIXTURES, env: NodeJS.ProcessEnv = {}): { out: string; warnings: string[] } {
  const warnings: string[] = [];
  const out = renderBuild(buildKustomization(dir, { cwd, env, warn: (l) => warnings.push(l) }));
  return { out, warnings };
}

const deprecated = (field: string, instead: string) => `# Warning: '${field}' is deprecated. Please use '${instead}' instead. Run 'kustomize edit fix' to update your Kustomization automatically.`;

describe('kustomize build, as kustomize v5 prints it', () => {
  test.each([
    ['helloworld/base', [deprecated('commonLabels', 'labels')]],
    ['helloworld/staging', [deprecated('commonLabels', 'labels'), deprecated('commonLabels', 'labels')]],
    ['generators', []],
    ['patches/overlay', [deprecated('bases', 'resources'), deprecated('patchesJson6902', 'patches'), deprecated('patchesStrategicMerge', 'patches')]],
    ['references/prod', []],
    ['scalars', []],
    ['ordering', []],
  ])('%s', (dir, warnings) => {
    const expected = fs.readFileSync(path.join(FIXTURES, `${dir}.expected.yaml`), 'utf8');
    expect(build(dir)).toEqual({ out: expected, warnings });
  });

  test('the content hash of a generated ConfigMap is the one kustomize publishes (configGeneration example)', () => {
    expect(build('helloworld/staging').out).toContain('name: staging-the-map-v1-5276h4th55\n');
  });
});

describe('kustomize build errors', () => {
  function workspace(files: Record<string, string>): string {
    const dir = tempDir();
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }
  const fails = (files: Record<string, string>, dir: string) => () => build(dir, workspace(files));
  const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n';

  test('an unsupported field names itself and the file', () => {
    expect(fails({ 'kustomization.yaml': 'helmCharts:\n- name: x\n' }, '.')).toThrow('kustomization.yaml: field "helmCharts" is not supported by kctl');
    expect(fails({ 'app/kustomization.yaml': 'resources: []\nreplacements: []\n' }, 'app')).toThrow('app/kustomization.yaml: field "replacements" is not supported by kctl');
    expect(fails({ 'kustomization.yaml': 'resourcez: []\n' }, '.')).toThrow('kustomization.yaml: invalid Kustomization: unknown field "resourcez"');
    expect(fails({ 'kustomization.yaml': 'resources:\n- https://github.com/org/repo//dir\n' }, '.')).toThrow('kustomization.yaml: resources: remote resource "https://github.com/org/repo//dir" is not supported by kctl (local files and directories only)');
  });

  test('a directory without a kustomization, a missing resource file', () => {
    expect(fails({ 'x.yaml': POD }, '.')).toThrow("unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '.'");
    expect(fails({ 'kustomization.yaml': 'resources:\n- missing.yaml\n' }, '.')).toThrow("kustomization.yaml: resources: accumulating resources from 'missing.yaml': missing.yaml: no such file or directory");
  });

  test('a file outside the kustomization root is refused (the load restrictor); a base directory outside it is not', () => {
    const files = { 'shared/pod.yaml': POD, 'shared/kustomization.yaml': 'resources:\n- pod.yaml\n', 'app/kustomization.yaml': 'resources:\n- ../shared/pod.yaml\n' };
    expect(fails(files, 'app')).toThrow("security; file 'shared/pod.yaml' is not in or below 'app'");
    const ok = workspace({ ...files, 'app/kustomization.yaml': 'resources:\n- ../shared\n' });
    expect(build('app', ok).out).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - image: busybox\n    name: c\n');
  });

  test('cycles: a kustomization that includes itself, or a directory above it', () => {
    expect(fails({ 'a/kustomization.yaml': 'resources:\n- ../b\n', 'b/kustomization.yaml': 'resources:\n- ../a\n' }, 'a')).toThrow("cycle detected: candidate root 'a' contains visited root 'a'");
    expect(fails({ 'kustomization.yaml': 'resources: []\n', 'sub/kustomization.yaml': 'resources:\n- ..\n' }, 'sub')).toThrow("cycle detected: candidate root '.' contains visited root 'sub'");
  });

  test('a strategic merge patch naming nothing is an error; a target selector matching nothing is not', () => {
    const patch = 'patches:\n- patch: |-\n    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: nope\n';
    expect(fails({ 'pod.yaml': POD, 'kustomization.yaml': `resources:\n- pod.yaml\n${patch}` }, '.')).toThrow(
      'no resource matches strategic merge patch "ConfigMap.v1.[noGrp]/nope.[noNs]": no matches for Id ConfigMap.v1.[noGrp]/nope.[noNs]; failed to find unique target for patch ConfigMap.v1.[noGrp]/nope.[noNs]',
    );
    const selector = 'patches:\n- target: {kind: Nope}\n  patch: |-\n    - op: add\n      path: /x\n      value: 1\n';
    expect(build('.', workspace({ 'pod.yaml': POD, 'kustomization.yaml': `resources:\n- pod.yaml\n${selector}` })).out).toContain('name: p\n');
  });

  test('generators: create over an existing name, merge into nothing, duplicate resources', () => {
    const cm = 'configMapGenerator:\n- name: c\n  literals: [a=1]\n';
    expect(fails({ 'kustomization.yaml': `${cm}- name: c\n  literals: [b=2]\n` }, '.')).toThrow('id ConfigMap.v1.[noGrp]/c.[noNs] exists; behavior must be merge or replace');
    expect(fails({ 'kustomization.yaml': 'configMapGenerator:\n- name: c\n  behavior: merge\n  literals: [a=1]\n' }, '.')).toThrow('id ConfigMap.v1.[noGrp]/c.[noNs] does not exist; cannot merge or replace');
    expect(fails({ 'pod.yaml': POD, 'kustomization.yaml': 'resources:\n- pod.yaml\n- pod.yaml\n' }, '.')).toThrow('may not add resource with an already registered id: Pod.v1.[noGrp]/p.[noNs]');
  });
});
