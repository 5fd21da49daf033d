/**
 * As the API server does on write: a Secret's stringData is folded into base64 data and dropped, so
 * plain-text values are never stored or shown (not even in the last-applied annotation).
 */
import type { KObject } from '../../api/types';

export function normalize(obj: KObject): KObject {
  if (!obj.stringData || typeof obj.stringData !== 'object') return obj;
  const copy = structuredClone(obj);
  const data: Record<string, string> = { ...((copy.data as Record<string, string>) ?? {}) };
  for (const [key, value] of Object.entries(copy.stringData as Record<string, string>)) data[key] = Buffer.from(String(value), 'utf8').toString('base64');
  copy.data = data;
  delete copy.stringData;
  return copy;
}
