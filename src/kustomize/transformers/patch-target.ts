/**
 * A patch's `target`: group, version, kind, name and namespace are regular expressions matched whole; name and
 * namespace match the original or the current one; labelSelector and annotationSelector use kubectl's syntax.
 */
import { parseSelector, matchesSelector } from '../../api/selector';
import { KctlError } from '../../errors';
import { currentId, effectiveNamespace, groupVersion, kindOf, originalId, type Obj, type Resource } from '../resource';

export function selectTargets(list: Resource[], target: Obj, where: string): Resource[] {
  const field = (f: string) => (target[f] === undefined || target[f] === null ? '' : String(target[f]));
  const matcher = (f: string) => {
    const pattern = field(f);
    if (!pattern) return () => true;
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${pattern})$`);
    } catch (e) {
      throw new KctlError(`${where}: target ${f} "${pattern}" is not a valid regular expression`);
    }
    return (s: string) => re.test(s);
  };
  const [group, version, kind, name, namespace] = ['group', 'version', 'kind', 'name', 'namespace'].map(matcher);
  const labels = field('labelSelector') ? parseSelector(field('labelSelector')) : undefined;
  const annotations = field('annotationSelector') ? parseSelector(field('annotationSelector')) : undefined;
  return list.filter((r) => {
    const org = originalId(r);
    const cur = currentId(r);
    const gv = groupVersion(r.obj);
    const metadata = (r.obj.metadata ?? {}) as Obj;
    return (
      (namespace(effectiveNamespace(org)) || namespace(effectiveNamespace(cur))) &&
      (name(org.name) || name(cur.name)) &&
      group(gv.group) && version(gv.version) && kind(kindOf(r.obj)) &&
      (!labels || matchesSelector(labels, (metadata.labels ?? {}) as Record<string, string>)) &&
      (!annotations || matchesSelector(annotations, (metadata.annotations ?? {}) as Record<string, string>))
    );
  });
}
