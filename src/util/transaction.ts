// The one way sec-redline writes files: a transaction over a folder. Every new file is written whole (and
// flushed) beside its target first; only then does a journal say "commit" and the renames begin. A failure
// before that point deletes what was prepared; a failure during the renames restores the backups; a crash at
// any point leaves a journal that the next run (or the next read of the folder) completes or rolls back by
// itself. So the targets are either all old or all new, and once a run ends nothing but the targets remains.
// See docs/writing.md for the guarantees and their limits.

import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './errors.js';
import { type FsPort, errCode, exists, nodeFs, syncDir, writeNewFileDurably } from './fs-port.js';
import { userFsError } from './fs-errors.js';
import { acquireLock, clearLockTemps, clearStaleLock } from './lock.js';
import { JOURNAL_NAME, type Journal, type JournalEntry, cleanUp, journalPath, recover, rollBack, writeJournal } from './journal.js';

export interface FileWrite {
  /** Absolute path of the target. */
  path: string;
  data: string | Uint8Array;
  /** The target as the user named it, for messages (default: the path). */
  shown?: string;
  /** The text the caller read from the target: the write is refused if the file holds anything else now. */
  expect?: string;
  /** Permission bits of a new file (0o755 for a Git hook); a file replaced keeps its own. */
  mode?: number;
}

export interface CommitOptions {
  /** The folder that holds the journal and the lock; every target must be inside it (default: their common folder). */
  root?: string;
  /** How the root is named to the user. */
  rootShown?: string;
  fs?: FsPort;
  lockWaitMs?: number;
}

/** Writes every file or none. Throws UsageError (naming the user's path) for the file system's refusals. */
export function commitFiles(files: readonly FileWrite[], options: CommitOptions = {}): void {
  if (files.length === 0) return;
  const fsp = options.fs ?? nodeFs;
  const root = resolve(options.root ?? commonFolder(files.map((f) => f.path)));
  const rootShown = options.rootShown ?? (files.length === 1 ? dirname(shownOf(files[0]!)) || '.' : root);
  const seen = new Set<string>();
  for (const f of files) {
    const rel = relative(root, f.path);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || resolve(root, rel) !== resolve(f.path)) throw new Error(`internal: ${f.path} is not inside ${root}`);
    if (seen.has(f.path)) throw new Error(`internal: ${f.path} is written twice`);
    seen.add(f.path);
  }

  const created: string[] = [];
  const fail = (err: unknown, shown: string, tail: string): never => {
    throw userFsError(err, 'cannot write', shown, tail);
  };
  try {
    const first = fsp.mkdirSync(root, { recursive: true });
    if (first) created.push(first);
  } catch (err) {
    // mkdir -p reports a file in the way as EEXIST: say what it means.
    fail(errCode(err) === 'EEXIST' ? Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' }) : err, rootShown, '');
  }
  let lock;
  try {
    lock = acquireLock(root, { fs: fsp, shown: rootShown, ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}) });
  } catch (err) {
    removeCreated(fsp, created);
    fail(err, rootShown, '');
  }
  try {
    try {
      clearLockTemps(root, fsp);
      recover(fsp, root, rootShown);
    } catch (err) {
      throw userFsError(err, 'cannot finish the interrupted write in', rootShown, ': make the folder writable and run again');
    }
    checkUnchanged(fsp, files);
    transact(fsp, root, files, created);
  } finally {
    lock!.release();
    removeCreated(fsp, created);
  }
}

function shownOf(f: FileWrite): string {
  return f.shown ?? f.path;
}

/** The deepest folder that contains every path. */
function commonFolder(paths: readonly string[]): string {
  let dir = dirname(resolve(paths[0]!));
  for (const p of paths) {
    while (!(resolve(p) + sep).startsWith(dir === sep ? sep : dir + sep)) dir = dirname(dir);
  }
  return dir;
}

/** Refuses when a file changed since the caller read it (another program wrote it meanwhile). */
function checkUnchanged(fsp: FsPort, files: readonly FileWrite[]): void {
  const changed: string[] = [];
  for (const f of files) {
    if (f.expect === undefined) continue;
    let now: string | null;
    try {
      now = fsp.readFileSync(f.path).toString('utf8');
    } catch {
      now = null;
    }
    if (now !== null && now.startsWith('\uFEFF')) now = now.slice(1);
    if (now !== f.expect) changed.push(shownOf(f));
  }
  if (changed.length) {
    throw new UsageError(`${changed.join(', ')} changed since ${changed.length === 1 ? 'it was' : 'they were'} read (another program wrote ${changed.length === 1 ? 'it' : 'them'} meanwhile); nothing was written: run again`);
  }
}

function transact(fsp: FsPort, root: string, files: readonly FileWrite[], created: string[]): void {
  const tx = `${process.pid.toString(36)}${randomBytes(4).toString('hex')}`;
  const entries: (JournalEntry & { file: FileWrite })[] = files.map((f) => {
    const dir = dirname(f.path);
    const name = basename(f.path);
    return {
      target: relative(root, f.path),
      temp: relative(root, join(dir, `.${name}.${tx}.new`)),
      backup: existsAsFile(fsp, f) ? relative(root, join(dir, `.${name}.${tx}.old`)) : null,
      file: f,
    };
  });
  const journal: Journal = { version: 1, tx, state: 'prepare', entries: entries.map(({ target, temp, backup }) => ({ target, temp, backup })) };
  const nothing = files.length === 1 ? '; nothing was written' : '; nothing was written (every file is as it was)';

  // 1. Prepare: the journal first (so every file made from here on is listed), then each new file and backup.
  let current: FileWrite | null = null;
  try {
    writeJournal(fsp, root, journal);
    for (const e of entries) {
      current = e.file;
      const dir = dirname(e.file.path);
      const first = fsp.mkdirSync(dir, { recursive: true });
      if (first) created.push(first);
      const mode = e.backup ? modeOf(fsp, e.file.path) : e.file.mode;
      writeNewFileDurably(fsp, join(root, e.temp), e.file.data, mode);
      if (mode !== undefined) fsp.chmodSync(join(root, e.temp), mode);
      if (e.backup) backUp(fsp, e.file.path, join(root, e.backup));
    }
    for (const dir of new Set(entries.map((e) => dirname(e.file.path)))) syncDir(fsp, dir);
    current = null;
    journal.state = 'commit';
    writeJournal(fsp, root, journal);
  } catch (err) {
    undo(fsp, root, journal);
    throw userFsError(err, 'cannot write', current ? shownOf(current) : join(shownRoot(files, root), JOURNAL_NAME), nothing);
  }

  // 2. Commit: the renames. From here a crash is rolled forward by the next run.
  for (const e of entries) {
    try {
      fsp.renameSync(join(root, e.temp), e.file.path);
    } catch (err) {
      const back: Journal = { ...journal, state: 'rollback' };
      try {
        writeJournal(fsp, root, back);
      } catch {
        // Rolling back is safe without the new state too: every step below is idempotent.
      }
      undo(fsp, root, back);
      throw userFsError(err, 'cannot replace', shownOf(e.file), nothing);
    }
  }
  for (const dir of new Set(entries.map((e) => dirname(e.file.path)))) syncDir(fsp, dir);

  // 3. Clean up: backups and journal. A failure here leaves a committed journal; the next run finishes it.
  try {
    cleanUp(fsp, root, journal);
  } catch {
    // The new files are in place; what is left is removed by the next run's recovery.
  }
}

/** Rolls back in-process; if even that fails, the journal stays and the next run finishes the job. */
function undo(fsp: FsPort, root: string, journal: Journal): void {
  try {
    rollBack(fsp, root, journal);
  } catch (err) {
    throw new UsageError(
      `writing was interrupted and could not be undone (${errCode(err) || String(err)}); the journal ${join(root, JOURNAL_NAME)} remains, and the next sec-redline run in that folder restores it`,
    );
  }
}

function shownRoot(files: readonly FileWrite[], root: string): string {
  return files.length === 1 ? dirname(shownOf(files[0]!)) : root;
}

function existsAsFile(fsp: FsPort, f: FileWrite): boolean {
  try {
    return fsp.lstatSync(f.path).isFile();
  } catch {
    return false;
  }
}

function modeOf(fsp: FsPort, path: string): number | undefined {
  try {
    return fsp.statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** A second name for the old file (a hard link, else a copy), so a failed commit can put it back. */
function backUp(fsp: FsPort, target: string, backup: string): void {
  try {
    fsp.linkSync(target, backup);
  } catch {
    writeNewFileDurably(fsp, backup, fsp.readFileSync(target), modeOf(fsp, target));
  }
}

/** Removes the folders this transaction created when they are empty (a failed --out leaves no folder). */
function removeCreated(fsp: FsPort, created: string[]): void {
  for (const top of created.splice(0).reverse()) {
    try {
      if (fsp.readdirSync(top).length === 0) fsp.rmdirSync(top);
    } catch {
      // Not empty or already gone: leave it.
    }
  }
}

/**
 * Runs `fn` holding the lock of `dir` (which must exist), after completing any interrupted write there: a
 * command that reads a folder and then writes it back (apply --write, fmt) holds it from reading to writing,
 * so a second such run waits and then reads the first one's result instead of overwriting it.
 */
export function withFolderLock<T>(dir: string, shown: string, fn: () => T, options: { fs?: FsPort; lockWaitMs?: number } = {}): T {
  const fsp = options.fs ?? nodeFs;
  let lock;
  try {
    lock = acquireLock(dir, { fs: fsp, shown, ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}) });
  } catch (err) {
    throw userFsError(err, 'cannot lock', shown, ' (a lock file is created there while writing)');
  }
  try {
    try {
      clearLockTemps(dir, fsp);
      recover(fsp, dir, shown);
    } catch (err) {
      throw userFsError(err, 'cannot finish the interrupted write in', shown, ': make the folder writable and run again');
    }
    return fn();
  } finally {
    lock.release();
  }
}

/** Every file of the write layer's own in a folder starts with this: the lock, its temporary file, the journal. */
export const WRITE_LAYER_PREFIX = '.sec-redline';

/** Completes or undoes an interrupted transaction in `dir`, if any (for readers of a folder). */
export function recoverFolder(dir: string, options: { fs?: FsPort; shown?: string } = {}): void {
  const fsp = options.fs ?? nodeFs;
  clearLockTemps(dir, fsp);
  if (!exists(fsp, journalPath(dir)) && !exists(fsp, `${journalPath(dir)}.tmp`)) {
    clearStaleLock(dir, fsp);
    return;
  }
  const lock = acquireLock(dir, { fs: fsp, shown: options.shown ?? dir });
  try {
    recover(fsp, dir, options.shown ?? dir);
  } catch (err) {
    throw userFsError(err, 'cannot finish the interrupted write in', options.shown ?? dir, ': make the folder writable and run again');
  } finally {
    lock.release();
  }
}
