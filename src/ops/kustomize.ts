/** `kctl kustomize DIR` prints what `kustomize build DIR` prints; `-k DIR` on apply, diff, delete and get builds the same. */
import type { Factory } from '../app/factory';

export function kustomizedText(f: Factory, dir: string): string {
  const { buildKustomization } = require('../kustomize/build') as typeof import('../kustomize/build');
  const { renderBuild } = require('../kustomize/render') as typeof import('../kustomize/render');
  return renderBuild(buildKustomization(dir, { cwd: f.cwd, env: f.env, warn: (line) => f.stderr.write(`${line}\n`) }));
}

export function runKustomize(f: Factory, dir: string | undefined): void {
  f.stdout.write(kustomizedText(f, dir ?? '.'));
}
