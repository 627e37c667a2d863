// The write transaction under fault injection: a failure at every file-system call of a commit (and a failing
// rename at each position in particular) leaves the old tree or the new one, never a mixture, and nothing but
// the files once the run or the next run's recovery is over.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitFiles, recoverFolder, withFolderLock } from '../../src/util/transaction.js';
import { acquireLock } from '../../src/util/lock.js';
import { UsageError } from '../../src/util/errors.js';
import { faultFs, failWith, MUTATING } from './fault-fs.js';
import { NEW, OLD, WRITES, filesOf, plant, snapshot, writes } from './tree.js';

const tmp = mkdtempSync(join(tmpdir(), 'sec-tx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Commits with a fault at call n; returns the error (if any). */
function attempt(root: string, n: number, ops = MUTATING, code = 'EIO'): { error: unknown; calls: number } {
  plant(root, OLD);
  const f = faultFs(n, ops, failWith(code));
  try {
    commitFiles(writes(root), { root, fs: f.fs });
    return { error: null, calls: f.count() };
  } catch (error) {
    return { error, calls: f.count() };
  }
}

describe('commitFiles', () => {
  it('writes a tree whole and leaves nothing else', () => {
    const root = join(tmp, 'plain');
    const { error } = attempt(root, 0);
    expect(error).toBeNull();
    expect(snapshot(root)).toEqual(NEW);
  });

  for (const [label, ops] of [
    ['a failing rename at each position', ['renameSync'] as const],
    ['a failure at every file-system call', MUTATING],
  ] as const) {
    it(`${label}: old or new tree, never stuck`, () => {
      const root = join(tmp, label.replace(/\W+/g, '-'));
      const total = attempt(root, 0, ops).calls;
      expect(total).toBeGreaterThan(ops.length === 1 ? 5 : 20);
      const outcomes = { old: 0, new: 0 };
      for (let n = 1; n <= total; n++) {
        const { error } = attempt(root, n, ops);
        // Whatever failed is said as a user error naming a path, never a raw errno.
        if (error !== null) {
          expect(error, `fault at call ${n}`).toBeInstanceOf(UsageError);
          expect((error as Error).message).toMatch(/input\/output error|interrupted/);
        }
        // The next run's recovery (here: a reader of the folder) finishes whatever is left.
        recoverFolder(root);
        const after = snapshot(root);
        const state = JSON.stringify(filesOf(after)) === JSON.stringify(filesOf(OLD)) ? 'old' : JSON.stringify(after) === JSON.stringify(NEW) ? 'new' : 'mixed';
        if (state === 'mixed') expect(after, `fault at call ${n}: neither old nor new`).toEqual(NEW);
        outcomes[state as 'old' | 'new']++;
        // A run that reported an error (other than an interrupted undo) left the old files; a success, the new.
        if (error === null) expect(state, `fault at call ${n}`).toBe('new');
        else if (!/interrupted/.test((error as Error).message)) expect(state, `fault at call ${n}`).toBe('old');
      }
      expect(outcomes.old).toBeGreaterThan(0);
      expect(outcomes.old + outcomes.new).toBe(total);
    });
  }

  it('a rename refused at the k-th target restores the first k-1 (chattr +i on one document)', () => {
    const root = join(tmp, 'eperm');
    for (let k = 1; k <= WRITES.length; k++) {
      // renames: 2 journal renames (prepare, commit), then one per target
      const { error } = attempt(root, 2 + k, ['renameSync'], 'EPERM');
      expect((error as Error).message).toMatch(new RegExp(`^cannot replace ${WRITES[k - 1]!.replace('.', '\\.')}: the operation is not permitted .*; nothing was written`));
      expect(snapshot(root)).toEqual(OLD);
    }
  });

  it('refuses when a target changed since it was read, writing nothing', () => {
    const root = join(tmp, 'changed');
    plant(root, OLD);
    const files = writes(root).map((w) => (w.shown === 'a.md' ? { ...w, expect: 'old a\n' } : w.shown === 'b.md' ? { ...w, expect: 'what b was\n' } : w));
    expect(() => commitFiles(files, { root })).toThrow(/^b\.md changed since it was read .*nothing was written/);
    expect(snapshot(root)).toEqual(OLD);
  });

  it('a directory in the way of one output: a user error naming it, no file written, no folder left', () => {
    const root = join(tmp, 'out-dir');
    plant(root, { 'x/': '', 'x/b.md/': '' });
    const out = join(root, 'x');
    expect(() => commitFiles(['a.md', 'b.md', 'c.md'].map((n) => ({ path: join(out, n), shown: `x/${n}`, data: n })), { root: out, rootShown: 'x' })).toThrow(/^cannot replace x\/b\.md: it is a directory/);
    expect(snapshot(root)).toEqual({ 'x/': '', 'x/b.md/': '' });
  });

  it('a folder that cannot be created (a file in the way): a user error naming the path', () => {
    const root = join(tmp, 'file-in-way');
    plant(root, { 'f': 'a file' });
    expect(() => commitFiles([{ path: join(root, 'f', 'out.md'), shown: 'f/out.md', data: 'x' }], { rootShown: 'f' })).toThrow(/^cannot write f: a part of the path is a file/);
    expect(snapshot(root)).toEqual({ f: 'a file' });
  });
});

describe('the folder lock', () => {
  it('refuses a second writer clearly after waiting, and is re-entrant', () => {
    const root = join(tmp, 'lock');
    plant(root, OLD);
    withFolderLock(root, 'docs', () => {
      const again = acquireLock(root);
      again.release();
      // Another process's lock: simulated by a lock file naming a live process that is not this one.
      expect(existsSync(join(root, '.sec-redline.lock'))).toBe(true);
    });
    expect(existsSync(join(root, '.sec-redline.lock'))).toBe(false);
    writeFileSync(join(root, '.sec-redline.lock'), `pid 1 host ${hostname()} since now\n`);
    const t0 = Date.now();
    expect(() => commitFiles(writes(root), { root, rootShown: 'docs', lockWaitMs: 200 })).toThrow(/^docs is being written by process 1 \(lock docs\/\.sec-redline\.lock\): run again/);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    rmSync(join(root, '.sec-redline.lock'));
    expect(snapshot(root)).toEqual(OLD);
  });

  it('takes over the lock of a process that is gone', () => {
    const root = join(tmp, 'stale');
    plant(root, OLD);
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, '.sec-redline.lock'), `pid 2147483646 host ${hostname()} since then\n`);
    commitFiles(writes(root), { root, lockWaitMs: 0 });
    expect(snapshot(root)).toEqual(NEW);
  });
});

describe('recovery obeys only journals it could have written', () => {
  it('a planted journal naming a file outside the folder is refused, and nothing is deleted', () => {
    const root = join(tmp, 'planted', 'docs');
    plant(join(tmp, 'planted'), { 'docs/': '', 'docs/a.md': 'a\n', 'victim.txt': 'keep me\n' });
    writeFileSync(
      join(root, '.sec-redline-journal.json'),
      JSON.stringify({ version: 1, tx: 'abc', state: 'rollback', entries: [{ target: '../victim.txt', temp: '../.victim.txt.abc.new', backup: null }] }),
    );
    expect(() => recoverFolder(root, { shown: 'docs' })).toThrow(/docs\/\.sec-redline-journal\.json is not a journal this version of sec-redline wrote/);
    expect(snapshot(join(tmp, 'planted'))['victim.txt']).toBe('keep me\n');
  });
});
