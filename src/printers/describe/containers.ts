/**
 * The Containers section of describe (pods and pod templates), as kubectl's describeContainers writes it.
 * Secret-backed environment variables show where the value comes from, never the value.
 */
import type { KObject } from '../../api/types';
import { rfc1123z, stringOrNone } from './common';
import { describeEnv, describeEnvFrom, describeMounts, describeProbes } from './container-details';
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
