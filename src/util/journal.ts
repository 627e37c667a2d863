// The journal of one write transaction: `.sec-redline-journal.json` in the folder being written, listing for
// every target its prepared new file and (when the target existed) a backup link to the old one. Its `state`
// says which way an interrupted transaction goes:
//
//   prepare   new files are being written; no target has been touched   → roll back (delete them)
//   commit    every new file is whole on disk; targets are being renamed → roll forward (finish the renames)
//   rollback  a rename failed; targets are being restored              → roll back (restore the backups)
//
// Every step is idempotent, so recovery can itself be interrupted and run again. The journal is replaced
// atomically (write a temporary file, then rename), so it is always whole. See docs/writing.md.

import { dirname, isAbsolute, join, sep } from 'node:path';
import { UsageError } from './errors.js';
import { type FsPort, errCode, exists, removeIfExists, syncDir, writeNewFileDurably } from './fs-port.js';

export const JOURNAL_NAME = '.sec-redline-journal.json';
const JOURNAL_TEMP = `${JOURNAL_NAME}.tmp`;

export type JournalState = 'prepare' | 'commit' | 'rollback';

export interface JournalEntry {
  /** Paths relative to the journal's folder. */
  target: string;
  temp: string;
  /** Null when the target did not exist before the transaction. */
  backup: string | null;
}

export interface Journal {
  version: 1;
  tx: string;
  state: JournalState;
  entries: JournalEntry[];
}

export function journalPath(root: string): string {
  return join(root, JOURNAL_NAME);
}

export function writeJournal(fsp: FsPort, root: string, journal: Journal): void {
  const temp = join(root, JOURNAL_TEMP);
  removeIfExists(fsp, temp);
  writeNewFileDurably(fsp, temp, `${JSON.stringify(journal, null, 1)}\n`);
  fsp.renameSync(temp, journalPath(root));
  syncDir(fsp, root);
}

export function readJournal(fsp: FsPort, root: string, shown: string): Journal | null {
  let text: string;
  try {
    text = fsp.readFileSync(journalPath(root)).toString('utf8');
  } catch (err) {
    if (errCode(err) === 'ENOENT') return null;
    throw err;
  }
  try {
    const j = JSON.parse(text) as Journal;
    if (j.version === 1 && ['prepare', 'commit', 'rollback'].includes(j.state) && Array.isArray(j.entries) && j.entries.every((e) => soundEntry(e, j.tx))) return j;
  } catch {
    // fall through
  }
  throw new UsageError(`${join(shown, JOURNAL_NAME)} is not a journal this version of sec-redline wrote: restore ${shown} from version control, then delete it`);
}

/**
 * An entry this layer could have written: a target inside the folder, its new file and backup beside it, named
 * for this transaction. Recovery renames and deletes what a journal lists, so a planted journal naming other
 * files (../../somewhere) must not be obeyed.
 */
function soundEntry(e: JournalEntry, tx: unknown): boolean {
  if (typeof tx !== 'string' || !/^[0-9a-z]+$/.test(tx) || typeof e !== 'object' || e === null) return false;
  const { target, temp, backup } = e;
  if (typeof target !== 'string' || typeof temp !== 'string' || (backup !== null && typeof backup !== 'string')) return false;
  const parts = target.split(/[\\/]/);
  if (target === '' || isAbsolute(target) || parts.some((p) => p === '..' || p === '' || p === '.')) return false;
  const dir = parts.slice(0, -1).join(sep);
  const name = parts[parts.length - 1]!;
  const beside = (suffix: string): string => join(dir, `.${name}.${tx}.${suffix}`);
  return temp === beside('new') && (backup === null || backup === beside('old'));
}

/** Deletes the transaction's files and the journal: the last step of either direction. */
export function cleanUp(fsp: FsPort, root: string, journal: Journal): void {
  for (const e of journal.entries) {
    removeIfExists(fsp, join(root, e.temp));
    if (e.backup) removeIfExists(fsp, join(root, e.backup));
  }
  for (const dir of new Set(journal.entries.map((e) => dirname(join(root, e.target))))) syncDir(fsp, dir);
  removeIfExists(fsp, journalPath(root));
  removeIfExists(fsp, join(root, JOURNAL_TEMP));
  syncDir(fsp, root);
}

/** Puts every target back as it was. Before the commit began no target was touched, so only the new files go. */
export function rollBack(fsp: FsPort, root: string, journal: Journal): void {
  if (journal.state !== 'prepare') {
    for (const e of journal.entries) {
      const target = join(root, e.target);
      const temp = join(root, e.temp);
      // A prepared file still there was never renamed: its target is untouched (and may refuse any change,
      // like an immutable file). One that is gone was renamed into place: put the old file back, or remove it.
      if (exists(fsp, temp)) continue;
      if (e.backup) {
        const backup = join(root, e.backup);
        if (exists(fsp, backup)) fsp.renameSync(backup, target);
      } else {
        removeIfExists(fsp, target);
      }
    }
  }
  cleanUp(fsp, root, journal);
}

/** Finishes the renames of a committed transaction. Throws (with the journal still in place) if one fails. */
export function rollForward(fsp: FsPort, root: string, journal: Journal): void {
  for (const e of journal.entries) {
    const temp = join(root, e.temp);
    if (exists(fsp, temp)) fsp.renameSync(temp, join(root, e.target));
  }
  cleanUp(fsp, root, journal);
}

/**
 * Completes or undoes a transaction interrupted in `root` (the caller holds the folder's lock). Returns what
 * was done, for a message; null when there was nothing to recover.
 */
export function recover(fsp: FsPort, root: string, shown: string): 'rolled forward' | 'rolled back' | null {
  removeIfExists(fsp, join(root, JOURNAL_TEMP));
  const journal = readJournal(fsp, root, shown);
  if (!journal) return null;
  if (journal.state === 'commit') {
    try {
      rollForward(fsp, root, journal);
      return 'rolled forward';
    } catch {
      const back: Journal = { ...journal, state: 'rollback' };
      writeJournal(fsp, root, back);
      rollBack(fsp, root, back);
      return 'rolled back';
    }
  }
  rollBack(fsp, root, journal);
  return 'rolled back';
}
