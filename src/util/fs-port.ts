// The file-system calls the write layer makes, behind one interface so tests can inject faults (a rename that
// fails at the k-th call, a full disk) without touching the real disk's behaviour. Production uses node:fs.

import * as fs from 'node:fs';

export interface FsPort {
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, data: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  linkSync(existing: string, link: string): void;
  unlinkSync(path: string): void;
  rmdirSync(path: string): void;
  mkdirSync(path: string, options: { recursive: true }): string | undefined;
  readFileSync(path: string): Buffer;
  statSync(path: string): fs.Stats;
  lstatSync(path: string): fs.Stats;
  chmodSync(path: string, mode: number): void;
  readdirSync(path: string): string[];
}

export const nodeFs: FsPort = {
  openSync: (p, f, m) => fs.openSync(p, f, m),
  writeSync: (fd, d, o, l) => fs.writeSync(fd, d, o, l),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (a, b) => fs.renameSync(a, b),
  linkSync: (a, b) => fs.linkSync(a, b),
  unlinkSync: (p) => fs.unlinkSync(p),
  rmdirSync: (p) => fs.rmdirSync(p),
  mkdirSync: (p, o) => fs.mkdirSync(p, o),
  readFileSync: (p) => fs.readFileSync(p),
  statSync: (p) => fs.statSync(p),
  lstatSync: (p) => fs.lstatSync(p),
  chmodSync: (p, m) => fs.chmodSync(p, m),
  readdirSync: (p) => fs.readdirSync(p),
};

/** The errno code of a thrown fs error ('ENOENT'), or ''. */
export function errCode(err: unknown): string {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : '';
}

/** Writes `data` to a new file (never an existing one) and flushes it to disk before returning. */
export function writeNewFileDurably(fsp: FsPort, path: string, data: string | Uint8Array, mode?: number): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = fsp.openSync(path, 'wx', mode);
  try {
    let off = 0;
    while (off < bytes.length) off += fsp.writeSync(fd, bytes, off, bytes.length - off);
    fsp.fsyncSync(fd);
  } finally {
    fsp.closeSync(fd);
  }
}

/** Flushes a directory's entries (the renames in it) to disk; a no-op where directories cannot be opened. */
export function syncDir(fsp: FsPort, dir: string): void {
  let fd: number;
  try {
    fd = fsp.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsp.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic, only its durability is weaker.
  } finally {
    fsp.closeSync(fd);
  }
}

/** Removes a file; a file already gone is fine. */
export function removeIfExists(fsp: FsPort, path: string): void {
  try {
    fsp.unlinkSync(path);
  } catch (err) {
    if (errCode(err) !== 'ENOENT') throw err;
  }
}

export function exists(fsp: FsPort, path: string): boolean {
  try {
    fsp.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
