/**
 * Go's base64.StdEncoding, which Kubernetes uses for []byte fields (Secret data, ConfigMap binaryData): padding
 * required, CR and LF skipped. Returns Go's error text; the offending data itself is never echoed (it may be a secret).
 */
export function base64Error(value: string): string | undefined {
  const chars: { c: string; at: number }[] = [];
  for (let i = 0; i < value.length; i++) if (value[i] !== '\n' && value[i] !== '\r') chars.push({ c: value[i], at: i });
  const illegal = (at: number) => `illegal base64 data at input byte ${at}`;
  const firstPad = chars.findIndex((x) => x.c === '=');
  const dataEnd = firstPad === -1 ? chars.length : firstPad;
  for (let i = 0; i < dataEnd; i++) if (!/[A-Za-z0-9+/]/.test(chars[i].c)) return illegal(chars[i].at);
  for (let i = dataEnd; i < chars.length; i++) if (chars[i].c !== '=') return illegal(chars[i].at);
  const padding = chars.length - dataEnd;
  if (chars.length % 4 !== 0 || padding > 2 || (padding > 0 && dataEnd % 4 < 2)) {
    const quantumStart = chars.length - (chars.length % 4 || 4);
    return illegal(chars[quantumStart]?.at ?? value.length);
  }
  return undefined;
}
