/** Kubernetes writes timestamps in RFC 3339 with whole seconds (`2026-11-23T07:13:07Z`). */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
