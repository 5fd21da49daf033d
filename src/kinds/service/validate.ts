/** Checks of a Service the JSON Schema cannot express (k8s pkg/apis/core/validation ValidateService). */
import { isIP } from 'net';
import { checkLabels } from '../../api/meta-checks';
import { dns1123LabelErrors, portNameErrors } from '../../api/names';
import { isNumber, isObj, isString, list, type FieldPath, type Problems } from '../../api/problems';
import type { Json } from '../../api/types';

export function validate(p: Problems, obj: Json): void {
  checkServiceSpec(p, isObj(obj.spec) ? obj.spec : {}, ['spec']);
}

const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

function checkServiceSpec(p: Problems, spec: Json, path: FieldPath): void {
  const type = spec.type ?? 'ClusterIP';
  if (type === 'ExternalName') p.add([...path, 'type'], 'Unsupported value: "ExternalName": kctl supports "ClusterIP", "NodePort" and "LoadBalancer"');
  checkLabels(p, spec.selector, [...path, 'selector']);
  if (isString(spec.clusterIP) && spec.clusterIP !== '' && spec.clusterIP !== 'None' && !isIP(spec.clusterIP)) {
    p.invalid([...path, 'clusterIP'], spec.clusterIP, ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
  }
  const ports = list(spec.ports);
  if (ports.length === 0 && spec.clusterIP !== 'None' && type !== 'ExternalName') p.required([...path, 'ports']);
  const names = new Set<string>();
  const portKeys = new Set<string>();
  const nodePorts = new Set<number>();
  ports.forEach((port, i) => {
    if (!isObj(port)) return;
    const pPath = [...path, 'ports', i];
    if (ports.length > 1 && (port.name === undefined || port.name === '')) p.required([...pPath, 'name']);
    if (isString(port.name) && port.name !== '') {
      p.invalid([...pPath, 'name'], port.name, dns1123LabelErrors(port.name));
      if (names.has(port.name)) p.duplicate([...pPath, 'name'], port.name);
      names.add(port.name);
    }
    if (isNumber(port.port)) {
      const key = { port: port.port, protocol: port.protocol ?? 'TCP' };
      if (portKeys.has(JSON.stringify(key))) p.duplicate(pPath, key);
      portKeys.add(JSON.stringify(key));
    }
    if (isString(port.targetPort)) p.invalid([...pPath, 'targetPort'], port.targetPort, portNameErrors(port.targetPort));
    if (isNumber(port.nodePort) && port.nodePort !== 0) {
      if (type === 'ClusterIP') p.forbidden([...pPath, 'nodePort'], "may not be used when `type` is 'ClusterIP'");
      else if (port.nodePort < NODE_PORT_MIN || port.nodePort > NODE_PORT_MAX) {
        p.invalid([...pPath, 'nodePort'], port.nodePort, [`provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`]);
      } else if (nodePorts.has(port.nodePort)) p.duplicate([...pPath, 'nodePort'], port.nodePort);
      nodePorts.add(port.nodePort);
    }
  });
}
