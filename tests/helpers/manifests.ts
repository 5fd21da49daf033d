/** Manifests the unit tests apply, written once: a Deployment `name` selecting app=<name>, one container. */
export function deploymentYaml(opts: { name?: string; replicas?: number; image?: string; containerExtra?: string } = {}): string {
  const name = opts.name ?? 'web';
  const extra = (opts.containerExtra ?? '')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `        ${l}\n`)
    .join('');
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${opts.replicas ?? 2}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: ${name}
        image: ${opts.image ?? 'kctl-demo/web:v1'}
${extra}`;
}
