// One writer per folder at a time: `.sec-redline.lock` beside the documents, created exclusively. A second
// writer waits a little (polling) and then is refused with a message that names the holder. A lock whose
// process is gone (kill -9, power cut) is stale and is taken over. Locks are re-entrant within a process, so
// `apply --write` can hold the sections folder from reading to writing and the commit can take it again.

import { hostname } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './errors.js';
import { type FsPort, errCode, nodeFs, removeIfExists, writeNewFileDurably } from './fs-port.js';

export const LOCK_NAME = '.sec-redline.lock';

export interface LockOptions {
  fs?: FsPort;
  /** How long to wait for another writer, in ms (default 10 s, or SEC_REDLINE_LOCK_WAIT_MS). */
  waitMs?: number;
  /** How the folder is named to the user. */
  shown?: string;
}

export interface Lock {
  readonly dir: string;
  release(): void;
}

const held = new Map<string, { count: number; fs: FsPort }>();

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function defaultWait(): number {
  const v = Number(process.env['SEC_REDLINE_LOCK_WAIT_MS']);
  return Number.isFinite(v) && v >= 0 ? v : 10_000;
}

/** The process recorded in a lock file, or null when it cannot be read (being written, or not ours). */
function holder(fsp: FsPort, path: string): { pid: number; host: string; text: string } | null {
  let text: string;
  try {
    text = fsp.readFileSync(path).toString('utf8');
  } catch {
    return null;
  }
  const m = /^pid (\d+) host (\S*)/.exec(text);
  return m ? { pid: Number(m[1]), host: m[2]!, text } : null;
}

/** A lock whose process is gone, or one this process left behind (it holds none now), or an empty old one. */
function isStale(fsp: FsPort, path: string, h: ReturnType<typeof holder>): boolean {
  if (!h) return emptyAndOld(fsp, path);
  return h.host === hostname() && (h.pid === process.pid ? !held.has(path) : !alive(h.pid));
}

/** Removes the lock of `dir` if its writer is gone (recovery of a folder that nobody is writing). */
export function clearStaleLock(dir: string, fsp: FsPort = nodeFs): void {
  const path = join(dir, LOCK_NAME);
  try {
    const h = holder(fsp, path);
    if (isStale(fsp, path, h) && (h ? holder(fsp, path)?.text === h.text : true)) removeIfExists(fsp, path);
  } catch {
    // A reader that cannot remove a stale lock (a read-only folder) reads on; the next writer takes the lock over.
  }
}

/**
 * Creates the lock whole or not at all: the holder's line is written to `.sec-redline.lock.PID` first, then
 * hard-linked to the lock's name (which fails if it exists), so a lock is never seen empty. Where hard links
 * are not supported, an exclusive create and write (a crash in between leaves an empty lock, stale after 2 s).
 */
function tryLock(fsp: FsPort, dir: string, path: string, me: string): boolean {
  const temp = join(dir, `${LOCK_NAME}.${process.pid}`);
  removeIfExists(fsp, temp);
  writeNewFileDurably(fsp, temp, me);
  try {
    fsp.linkSync(temp, path);
    return true;
  } catch (err) {
    if (errCode(err) === 'EEXIST') return false;
    return tryCreate(fsp, path, me);
  } finally {
    try {
      removeIfExists(fsp, temp);
    } catch {
      // Left over, it is removed by the next run (clearLockTemps); the lock itself is sound.
    }
  }
}

function tryCreate(fsp: FsPort, path: string, me: string): boolean {
  let fd: number;
  try {
    fd = fsp.openSync(path, 'wx');
  } catch (err) {
    if (errCode(err) === 'EEXIST') return false;
    throw err;
  }
  try {
    const b = Buffer.from(me);
    fsp.writeSync(fd, b, 0, b.length);
    fsp.closeSync(fd);
  } catch (err) {
    // A lock we could not fill in is no lock: leave none behind.
    try {
      fsp.closeSync(fd);
    } catch {
      // already closed
    }
    removeIfExists(fsp, path);
    throw err;
  }
  return true;
}

/** Removes the `.sec-redline.lock.PID` files of processes that are gone (killed while taking a lock). */
export function clearLockTemps(dir: string, fsp: FsPort = nodeFs): void {
  let names: string[];
  try {
    names = fsp.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    // Ours is never in use here (taking a lock is synchronous), so a leftover; another's, while it lives, is.
    const m = /^\.sec-redline\.lock\.(\d+)$/.exec(name);
    if (!m || (Number(m[1]) !== process.pid && alive(Number(m[1])))) continue;
    try {
      removeIfExists(fsp, join(dir, name));
    } catch {
      // read-only: harmless, and the next writer of this pid replaces it
    }
  }
}

/** A lock file left empty by a process killed between creating and writing it. */
function emptyAndOld(fsp: FsPort, path: string): boolean {
  try {
    const st = fsp.statSync(path);
    return st.size === 0 && Date.now() - st.mtimeMs > 2000;
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errCode(err) === 'EPERM';
  }
}

/** Takes the lock of `dir` (which must exist), waiting up to waitMs for another writer to finish. */
export function acquireLock(dir: string, options: LockOptions = {}): Lock {
  const fsp = options.fs ?? nodeFs;
  const path = join(dir, LOCK_NAME);
  const mine = held.get(path);
  if (mine) {
    mine.count++;
    return { dir, release: () => releaseLock(path) };
  }
  const deadline = Date.now() + (options.waitMs ?? defaultWait());
  const me = `pid ${process.pid} host ${hostname()} since ${new Date().toISOString()}\n`;
  let delay = 5;
  for (;;) {
    if (tryLock(fsp, dir, path, me)) {
      held.set(path, { count: 1, fs: fsp });
      return { dir, release: () => releaseLock(path) };
    }
    const h = holder(fsp, path);
    if (isStale(fsp, path, h)) {
      // Stale: its process is gone. Remove it only if it is still the one we read (another waiter may have
      // broken it and taken the lock in between).
      const again = holder(fsp, path);
      if (h ? again?.text === h.text : again === null) removeIfExists(fsp, path);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = h ? `process ${h.pid}${h.host === hostname() ? '' : ` on ${h.host}`}` : 'another process';
      throw new UsageError(
        `${options.shown ?? dir} is being written by ${who} (lock ${join(options.shown ?? dir, LOCK_NAME)}): run again when it has finished; remove the lock file only if no sec-redline is running`,
      );
    }
    sleep(delay);
    delay = Math.min(delay * 2, 100);
  }
}

function releaseLock(path: string): void {
  const mine = held.get(path);
  if (!mine) return;
  if (--mine.count > 0) return;
  held.delete(path);
  try {
    removeIfExists(mine.fs, path);
  } catch {
    // A lock we cannot remove is reported as stale by the next run, which takes it over.
  }
}
