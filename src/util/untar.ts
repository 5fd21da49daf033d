/**
 * A tar reader for what `tar cf -` prints (GNU, busybox, POSIX pax): entries with their path, type, mode,
 * content and link target. Paths are returned as written; deciding where (and whether) to extract them is
 * the caller's job (kctl cp refuses any that would land outside its destination).
 */

export interface TarEntry {
  path: string;
  type: 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';
  mode: number;
  content: Buffer;
  linkTarget: string;
}

const BLOCK = 512;

export function readTar(archive: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Record<string, string> = {};
  for (let offset = 0; offset < archive.length; ) {
    const h = archive.subarray(offset, offset + BLOCK);
    if (h.length < BLOCK) throw new Error('truncated tar archive');
    if (h.every((b) => b === 0)) break; // end of archive
    if (!checksumOk(h)) throw new Error(`not a tar archive (bad header checksum at byte ${offset})`);
    const size = octal(h, 124, 12);
    const flag = String.fromCharCode(h[156] || 48);
    const body = archive.subarray(offset + BLOCK, offset + BLOCK + size);
    if (body.length < size) throw new Error('truncated tar archive');
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (flag === 'L') longName = cString(body);
    else if (flag === 'K') longLink = cString(body);
    else if (flag === 'x') pax = parsePax(body);
    else if (flag === 'g') continue; // global pax header: nothing kctl uses
    else {
      const prefix = h.subarray(257, 263).toString('latin1').startsWith('ustar') ? cString(h.subarray(345, 500)) : '';
      const name = pax.path ?? longName ?? (prefix ? `${prefix}/${cString(h.subarray(0, 100))}` : cString(h.subarray(0, 100)));
      const linkTarget = pax.linkpath ?? longLink ?? cString(h.subarray(157, 257));
      entries.push({ path: name, type: typeOf(flag, name), mode: octal(h, 100, 8), content: Buffer.from(body), linkTarget });
      longName = longLink = undefined;
      pax = {};
    }
  }
  return entries;
}

function typeOf(flag: string, name: string): TarEntry['type'] {
  if (flag === '0' || flag === '7') return name.endsWith('/') ? 'directory' : 'file';
  if (flag === '5') return 'directory';
  if (flag === '2') return 'symlink';
  if (flag === '1') return 'hardlink';
  return 'other';
}

function checksumOk(h: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
  return sum === octal(h, 148, 8);
}

function octal(h: Buffer, offset: number, width: number): number {
  const text = h.subarray(offset, offset + width).toString('latin1').replace(/\0.*$/s, '').trim();
  return text ? parseInt(text, 8) : 0;
}

function cString(b: Buffer): string {
  const end = b.indexOf(0);
  return b.subarray(0, end === -1 ? b.length : end).toString('utf8');
}

/** POSIX pax records: "LEN key=value\n". */
function parsePax(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < body.length) {
    const space = body.indexOf(0x20, i);
    if (space === -1) break;
    const len = Number(body.subarray(i, space).toString('latin1'));
    if (!Number.isInteger(len) || len <= 0) break;
    const record = body.subarray(space + 1, i + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    i += len;
  }
  return out;
}
