/**
 * The Containers section of describe (pods and pod templates), as kubectl's describeContainers writes it.
 * Secret-backed environment variables show where the value comes from, never the value.
 */
import type { KObject } from '../../api/types';
import { rfc1123z, stringOrNone } from './common';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type DescribeWriter } from './writer';

/** `space` is the indent of the section title: "" in a pod, "  " inside a Pod Template. */
export function describeContainers(w: DescribeWriter, label: string, containers: any[], statuses: any[] | undefined, space: string, pod?: KObject): void {
  w.write(LEVEL_0, `${space}${label}:${containers.length ? '' : ' <none>'}\n`);
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  for (const c of containers) {
    const status = statuses ? byName.get(c.name) : undefined;
    w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
    describePorts(w, c.ports ?? []);
    if (c.restartPolicy) w.write(LEVEL_2, `Restart Policy:\t${c.restartPolicy}\n`);
    describeCommand(w, 'Command', c.command);
    describeCommand(w, 'Args', c.args);
    if (status) describeState(w, status);
    describeResources(w, c.resources);
    describeProbes(w, c);
    if (c.envFrom?.length) describeEnvFrom(w, c.envFrom);
    describeEnv(w, c, pod);
    describeMounts(w, c.volumeMounts ?? []);
  }
}

function describePorts(w: DescribeWriter, ports: any[]): void {
  const list = (field: string) => ports.map((p) => `${p[field] ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
  const several = ports.length > 1 ? 's' : '';
  w.write(LEVEL_2, `Port${several}:\t${stringOrNone(list('containerPort'))}\n`);
  w.write(LEVEL_2, `Host Port${several}:\t${stringOrNone(list('hostPort'))}\n`);
}

function describeCommand(w: DescribeWriter, title: string, parts: string[] | undefined): void {
  if (!parts?.length) return;
  w.write(LEVEL_2, `${title}:\n`);
  for (const part of parts) for (const line of part.split('\n')) w.write(LEVEL_3, `${line}\n`);
}

function describeState(w: DescribeWriter, status: any): void {
  describeStatus(w, 'State', status.state);
  if (status.lastState?.terminated) describeStatus(w, 'Last State', status.lastState);
  w.write(LEVEL_2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

function describeStatus(w: DescribeWriter, name: string, state: any): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if (t.signal > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state?.waiting?.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  }
}

function describeResources(w: DescribeWriter, resources: any): void {
  for (const [title, map] of [['Limits', resources?.limits], ['Requests', resources?.requests]] as const) {
    const names = Object.keys(map ?? {}).sort();
    if (names.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const n of names) w.write(LEVEL_3, `${n}:\t${map[n]}\n`);
  }
}

function describeProbes(w: DescribeWriter, c: any): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

/** `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3` (Kubernetes' defaults). */
export function describeProbe(p: any): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const host = g.host ?? '';
    const hostPort = g.port !== undefined && g.port !== '' ? `${host.includes(':') ? `[${host}]` : host}:${g.port}` : host;
    return `http-get ${String(g.scheme ?? 'HTTP').toLowerCase()}://${hostPort}${g.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeEnvFrom(w: DescribeWriter, envFrom: any[]): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of envFrom) {
    const ref = e.configMapRef ?? e.secretRef ?? {};
    const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
    const prefix = e.prefix ? ` with prefix '${e.prefix}'` : '';
    w.write(LEVEL_3, `${ref.name ?? ''}\t${from}${prefix}\tOptional: ${ref.optional === true}\n`);
  }
}

function describeEnv(w: DescribeWriter, container: any, pod: KObject | undefined): void {
  const env: any[] = container.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length ? '' : '\t<none>'}\n`);
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      String(e.value ?? '')
        .split('\n')
        .forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name}'>\tOptional: ${r.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name}'>\tOptional: ${r.optional === true}\n`);
    } else if (from.fieldRef) {
      const value = pod ? fieldValue(pod, from.fieldRef.fieldPath) : '';
      w.write(LEVEL_3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      const resource: string = from.resourceFieldRef.resource;
      const [kind, name] = resource.split('.');
      const set = container.resources?.[kind]?.[name];
      // kubectl: an unset limit means the node's allocatable amount, an unset request 0.
      const value = set !== undefined ? String(set) : kind === 'limits' ? 'node allocatable' : '0';
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    }
  }
}

function describeMounts(w: DescribeWriter, mounts: any[]): void {
  w.write(LEVEL_2, `Mounts:${mounts.length ? '' : '\t<none>'}\n`);
  const sorted = [...mounts].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  for (const m of sorted) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])];
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
}

/** The downward-API fields a pod can expose (fieldpath.ExtractFieldPathAsString), '' when unknown. */
function fieldValue(pod: KObject, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return pod.metadata[m[1] as 'labels' | 'annotations']?.[m[2]] ?? '';
  const fields: Record<string, unknown> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  };
  return String(fields[path] ?? '');
}
