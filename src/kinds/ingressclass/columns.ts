/** `kctl get ingressclasses`: printIngressClass's columns. */
import { age } from '../../printers/age';
import { headers, type KindColumns } from '../../printers/columns/types';

export const ingressClassColumns: KindColumns = {
  headers: headers(['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'], []),
  cells(cls, { now }) {
    const p = cls.spec?.parameters;
    const parameters = p ? `${p.apiGroup ? `${p.kind}.${p.apiGroup}` : p.kind}/${p.name}` : '<none>';
    return [cls.metadata.name, String(cls.spec?.controller ?? ''), parameters, age(cls.metadata.creationTimestamp, now)];
  },
};
