/**
 * A minimal in-memory tar (ustar) writer for regular files, and directories when asked (`kctl cp` of an empty
 * one). The engine and tar create missing parents (0755) when extracting; an entry for an existing directory
 * would change its mode (/tmp's 1777), so files alone are the default.
 */

export interface TarFile {
  /** Relative path inside the archive, '/'-separated. */
  path: string;
  content: Buffer;
  mode: number;
  directory?: boolean;
}

const BLOCK = 512;

export function tarball(files: TarFile[], mtime = new Date()): Buffer {
  const seconds = Math.floor(mtime.getTime() / 1000);
  const parts: Buffer[] = [];
  for (const f of files) {
    if (f.directory) parts.push(header(f.path, f.mode, 0, seconds, '5'));
    else parts.push(header(f.path, f.mode, f.content.length, seconds), f.content, Buffer.alloc(padding(f.content.length)));
  }
  parts.push(Buffer.alloc(2 * BLOCK)); // end of archive
  return Buffer.concat(parts);
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

function header(path: string, mode: number, size: number, mtime: number, type = '0'): Buffer {
  const h = Buffer.alloc(BLOCK);
  const [prefix, name] = splitName(path);
  h.write(name, 0, 100, 'utf8');
  octal(h, 100, 8, mode & 0o7777);
  octal(h, 108, 8, 0); // uid
  octal(h, 116, 8, 0); // gid
  octal(h, 124, 12, size);
  octal(h, 136, 12, mtime);
  h.write(type, 156, 1, 'ascii'); // '0' regular file, '5' directory
  h.write('ustar\u000000', 257, 8, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  h.fill(' ', 148, 156); // the checksum is computed with its own field as spaces
  let sum = 0;
  for (const byte of h) sum += byte;
  octal(h, 148, 7, sum);
  return h;
}

/** ustar keeps up to 100 bytes of name, plus a 155-byte directory prefix split off at a '/'. */
function splitName(path: string): [string, string] {
  if (Buffer.byteLength(path) <= 100) return ['', path];
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
    if (Buffer.byteLength(path.slice(0, i)) <= 155 && Buffer.byteLength(path.slice(i + 1)) <= 100) return [path.slice(0, i), path.slice(i + 1)];
  }
  throw new Error(`path too long for a tar archive: ${path}`);
}

function octal(h: Buffer, offset: number, width: number, value: number): void {
  h.write(value.toString(8).padStart(width - 1, '0') + '\0', offset, width, 'ascii');
}
