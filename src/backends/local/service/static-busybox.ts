/**
 * The static busybox on this host, copied into the in-network Service proxies (in-network.ts). It must be
 * statically linked: the container it runs in may have no libc at all.
 */
import * as fs from 'fs';

const CANDIDATES = ['/usr/bin/busybox', '/bin/busybox'];
const PT_INTERP = 3;

/** The binary's content, or undefined when no static busybox is installed. */
export function readStaticBusybox(candidates = CANDIDATES): Buffer | undefined {
  for (const path of candidates) {
    let content: Buffer;
    try {
      content = fs.readFileSync(path);
    } catch {
      continue;
    }
    if (isStaticElf(content)) return content;
  }
  return undefined;
}

/** A 64-bit little-endian ELF without a program interpreter (what `ldd` calls "not a dynamic executable"). */
function isStaticElf(b: Buffer): boolean {
  if (b.length < 64 || b.readUInt32BE(0) !== 0x7f454c46 || b[4] !== 2 || b[5] !== 1) return false;
  const phoff = Number(b.readBigUInt64LE(0x20));
  const phentsize = b.readUInt16LE(0x36);
  const phnum = b.readUInt16LE(0x38);
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (at + 4 > b.length) return false;
    if (b.readUInt32LE(at) === PT_INTERP) return false;
  }
  return true;
}
