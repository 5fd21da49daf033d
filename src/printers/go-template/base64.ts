/**
 * Go's base64.StdEncoding.DecodeString, which kubectl's base64decode uses: padding required, CR and LF
 * skipped, and the first bad byte reported as Go reports it (`illegal base64 data at input byte 4`).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

class CorruptInput extends Error {
  constructor(offset: number) {
    super(`illegal base64 data at input byte ${offset}`);
  }
}

export function decodeStdBase64(text: string): Buffer {
  const src = Buffer.from(text, 'utf8');
  const out: number[] = [];
  const isNewline = (b: number) => b === 0x0a || b === 0x0d;
  let si = 0;
  while (si < src.length) {
    const quantum: number[] = [];
    let padded = false;
    while (quantum.length < 4) {
      if (si === src.length) {
        if (quantum.length === 0) break;
        throw new CorruptInput(si - quantum.length);
      }
      const b = src[si++];
      const value = ALPHABET.indexOf(String.fromCharCode(b));
      if (value >= 0 && b < 0x80) {
        quantum.push(value);
        continue;
      }
      if (isNewline(b)) continue;
      if (b !== 0x3d) throw new CorruptInput(si - 1);
      // Padding: only after two or three symbols, "==" after two.
      if (quantum.length < 2) throw new CorruptInput(si - 1);
      if (quantum.length === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) throw new CorruptInput(src.length);
        if (src[si] !== 0x3d) throw new CorruptInput(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) throw new CorruptInput(si);
      padded = true;
      break;
    }
    if (quantum.length === 0) break;
    const bits = quantum.reduce((acc, v, i) => acc | (v << (18 - 6 * i)), 0);
    const bytes = [(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff];
    out.push(...bytes.slice(0, quantum.length - 1));
    if (padded) break;
  }
  return Buffer.from(out);
}
