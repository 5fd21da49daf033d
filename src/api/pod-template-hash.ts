/**
 * The pod-template-hash: a short, stable name for a pod template, as Kubernetes' controller.ComputeHash makes it
 * (FNV-32a of the template, with the collision count when there is one, printed in decimal and mapped onto
 * rand.SafeEncodeString's alphabet). Kubernetes hashes Go's printed form of the struct; kctl hashes canonical
 * JSON, so the hashes are stable and alike in shape, not equal to a cluster's.
 */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** Kubernetes' alphabet for generated names: no vowels (no words) and no look-alikes (0/o, 1/l, 3/e). */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function podTemplateHash(template: unknown, collisionCount?: number): string {
  let hash = fnv32a(Buffer.from(canonicalJson(withoutHashLabel(template)), 'utf8'));
  if (collisionCount !== undefined) {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32LE(collisionCount >>> 0);
    hash = fnv32a(bytes, hash);
  }
  return safeEncode(String(hash));
}

/** Kubernetes' EqualIgnoreHash: two templates are the same when they differ at most in the hash label. */
export function equalIgnoringHash(a: unknown, b: unknown): boolean {
  return canonicalJson(withoutHashLabel(a)) === canonicalJson(withoutHashLabel(b));
}

/** A deep copy of a template without the pod-template-hash label. */
export function withoutHashLabel<T>(template: T): T {
  const copy: any = structuredClone(template ?? {});
  if (copy.metadata?.labels) delete copy.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  return copy;
}

function safeEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

/**
 * JSON with sorted keys, where absent, null, empty objects and empty arrays are all the same, as Go's
 * semantic equality treats a nil map like an empty one (`labels: {}` must not start a rollout).
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value) ?? {});
}

function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v) ?? null);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = canonical((value as Record<string, unknown>)[key]);
      if (v !== undefined) out[key] = v;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}
