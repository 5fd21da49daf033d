/**
 * Reading the files a kustomization names, under kustomize's default load restrictor: a file must be in or
 * below the directory of the kustomization that names it (`..` may reach other kustomization directories,
 * never loose files). Paths in messages are shown relative to the working directory, as the user typed them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { KctlError } from '../errors';
import { MAX_FILE_BYTES } from '../manifest/sources';

export class KustomizeFiles {
  constructor(readonly cwd: string) {}

  /** `overlays/prod/kustomization.yaml`; `.` for the working directory itself. */
  show(abs: string): string {
    return path.relative(this.cwd, abs) || '.';
  }

  stat(abs: string): fs.Stats | undefined {
    try {
      return fs.statSync(abs);
    } catch {
      return undefined;
    }
  }

  /** The text of `entry` (relative to `root`), refused when it resolves outside `root`. */
  readInRoot(root: string, entry: string): Buffer {
    const abs = path.resolve(root, entry);
    const stat = this.stat(abs);
    if (!stat) throw new KctlError(`${this.show(abs)}: no such file or directory`);
    const real = fs.realpathSync(abs);
    const realRoot = fs.realpathSync(root);
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
      throw new KctlError(`security; file '${this.show(abs)}' is not in or below '${this.show(root)}'`);
    }
    if (stat.isDirectory()) throw new KctlError(`${this.show(abs)}: is a directory, not a file`);
    if (stat.size > MAX_FILE_BYTES) throw new KctlError(`${this.show(abs)}: file is too large (the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB)`);
    return fs.readFileSync(abs);
  }

  readTextInRoot(root: string, entry: string): string {
    return this.readInRoot(root, entry).toString('utf8');
  }
}
