/**
 * The pod sandbox's process: a static Linux executable that waits forever, made here byte by byte so that
 * no registry, build tool or host binary is needed (macOS has no Linux busybox to copy). It is put into the
 * sandbox container before that starts (see sandbox.ts). One ELF64 header, one loadable segment, and a loop
 * around a system call that blocks until a signal arrives:
 *   amd64:  loop: mov eax, 34 (pause); syscall; jmp loop
 *   arm64:  loop: mov x0..x3, #0; mov x8, #73 (ppoll with no fds and no timeout); svc #0; b loop
 * The sandbox is removed with SIGKILL (PID 1 ignores SIGTERM without a handler), which needs no code.
 */
const CODE: Record<string, { machine: number; code: Buffer }> = {
  amd64: { machine: 0x3e, code: Buffer.from('b8220000000f05ebf7', 'hex') },
  arm64: { machine: 0xb7, code: words([0xd2800000, 0xd2800001, 0xd2800002, 0xd2800003, 0xd2800928, 0xd4000001, 0x17fffffa]) },
};
/** Docker reports x86_64 / aarch64 on some engines and amd64 / arm64 on others. */
const ALIASES: Record<string, string> = { x86_64: 'amd64', aarch64: 'arm64' };

const BASE = 0x400000;
const ELF_HEADER = 64;
const PROGRAM_HEADER = 56;

/** The executable for the engine's architecture; undefined for an architecture kctl has none for. */
export function pauseBinary(arch: string): Buffer | undefined {
  const target = CODE[ALIASES[arch] ?? arch];
  if (!target) return undefined;
  const size = ELF_HEADER + PROGRAM_HEADER + target.code.length;
  const elf = Buffer.alloc(size);
  elf.write('\x7fELF', 0, 'latin1');
  elf.writeUInt8(2, 4); // 64-bit
  elf.writeUInt8(1, 5); // little-endian
  elf.writeUInt8(1, 6); // ELF version 1
  elf.writeUInt16LE(2, 16); // executable
  elf.writeUInt16LE(target.machine, 18);
  elf.writeUInt32LE(1, 20);
  elf.writeBigUInt64LE(BigInt(BASE + ELF_HEADER + PROGRAM_HEADER), 24); // entry point: the code
  elf.writeBigUInt64LE(BigInt(ELF_HEADER), 32); // program headers follow the ELF header
  elf.writeUInt16LE(ELF_HEADER, 52);
  elf.writeUInt16LE(PROGRAM_HEADER, 54);
  elf.writeUInt16LE(1, 56); // one program header
  const ph = ELF_HEADER;
  elf.writeUInt32LE(1, ph); // PT_LOAD
  elf.writeUInt32LE(5, ph + 4); // readable, executable
  elf.writeBigUInt64LE(0n, ph + 8); // the whole file...
  elf.writeBigUInt64LE(BigInt(BASE), ph + 16); // ...mapped at BASE
  elf.writeBigUInt64LE(BigInt(BASE), ph + 24);
  elf.writeBigUInt64LE(BigInt(size), ph + 32);
  elf.writeBigUInt64LE(BigInt(size), ph + 40);
  elf.writeBigUInt64LE(0x10000n, ph + 48); // aligned for 64 KiB pages too
  target.code.copy(elf, ELF_HEADER + PROGRAM_HEADER);
  return elf;
}

function words(instructions: number[]): Buffer {
  const b = Buffer.alloc(instructions.length * 4);
  instructions.forEach((w, i) => b.writeUInt32LE(w, i * 4));
  return b;
}
