/** Which route a request takes: host precedence, path elements, Exact over Prefix, the default backend. */
import { matchRoute } from '../../src/kinds/ingress/routing/match';
import type { Route, RouteTable } from '../../src/kinds/ingress/routing/routes';

const route = (name: string, host: string, path: string, exact = false): Route => ({ name, host, path, exact, backends: [] });

const table: RouteTable = {
  routes: [
    route('any-root', '', '/'),
    route('any-api', '', '/api'),
    route('any-api-exact', '', '/api', true),
    route('any-api-v2', '', '/api/v2/'),
    route('foo', 'foo.example.com', '/app'),
    route('wild', '*.example.com', '/'),
  ],
  fallback: { name: 'fallback', backends: [] },
};
const via = (host: string | undefined, url: string, t = table) => matchRoute(t, host, url)?.name;

describe('ingress routing', () => {
  test('Prefix matches whole path elements; the longest wins; Exact wins a tie', () => {
    expect(via(undefined, '/')).toBe('any-root');
    expect(via(undefined, '/apis')).toBe('any-root');
    expect(via(undefined, '/api')).toBe('any-api-exact');
    expect(via(undefined, '/api/')).toBe('any-api');
    expect(via(undefined, '/api/v1/x?y=/api/v2')).toBe('any-api');
    expect(via(undefined, '/api/v2')).toBe('any-api-v2');
    expect(via(undefined, '/api/v2/pods')).toBe('any-api-v2');
  });

  test('the exact host first, then a wildcard one label up, then rules for every host; the port and case of Host do not count', () => {
    expect(via('foo.example.com', '/app/x')).toBe('foo');
    expect(via('FOO.example.com:8080', '/app')).toBe('foo');
    expect(via('foo.example.com', '/other')).toBe('wild');
    expect(via('bar.example.com', '/app')).toBe('wild');
    expect(via('a.b.example.com', '/app')).toBe('any-root');
    expect(via('example.com', '/api')).toBe('any-api-exact');
  });

  test('nothing matches: the default backend, else none', () => {
    const hostOnly: RouteTable = { routes: [route('foo', 'foo.example.com', '/app', true)] };
    expect(via('foo.example.com', '/app/', hostOnly)).toBeUndefined();
    expect(via('other', '/app', { ...hostOnly, fallback: { name: 'fallback', backends: [] } })).toBe('fallback');
  });
});
