/**
 * Which route a request takes (the Ingress spec's matching rules): the most specific host that has a matching
 * path (the exact host, then a wildcard one label up, then rules for every host), and within it the longest
 * matching path, Exact before Prefix at equal length. Prefix matches whole path elements: /foo matches /foo,
 * /foo/ and /foo/bar, not /foobar. Nothing matches: the default backend, if one Ingress has it.
 */
import type { Route, RouteTable, Target } from './routes';

export function matchRoute(table: RouteTable, hostHeader: string | undefined, url: string): Target | undefined {
  const host = hostOnly(hostHeader ?? '');
  const path = pathOnly(url);
  const groups = [(r: Route) => r.host === host, (r: Route) => r.host.startsWith('*.') && wildcardMatches(r.host, host), (r: Route) => r.host === ''];
  for (const inGroup of groups) {
    const best = bestPath(table.routes.filter(inGroup), path);
    if (best) return best;
  }
  return table.fallback;
}

function bestPath(routes: Route[], path: string): Route | undefined {
  let best: Route | undefined;
  for (const r of routes) {
    if (!(r.exact ? r.path === path : prefixMatches(r.path, path))) continue;
    const longer = !best || r.path.length > best.path.length || (r.path.length === best.path.length && r.exact && !best.exact);
    if (longer) best = r;
  }
  return best;
}

function prefixMatches(prefix: string, path: string): boolean {
  const p = prefix.replace(/\/+$/, '');
  return p === '' || path === p || path.startsWith(`${p}/`);
}

/** `*.example.com` matches `a.example.com`, not `example.com` nor `a.b.example.com`. */
export function wildcardMatches(wildcard: string, host: string): boolean {
  const suffix = wildcard.slice(1);
  return host.endsWith(suffix) && host.length > suffix.length && !host.slice(0, -suffix.length).includes('.');
}

/** The Host header without its port, lower case ([::1]:80 -> [::1]). */
function hostOnly(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

function pathOnly(url: string): string {
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  return path.startsWith('/') ? path : `/${path}`;
}
