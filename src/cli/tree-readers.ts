// The I/O edge of `diff`: TreeReaders (src/diff/trees.ts) over a file, a directory, the working tree or a Git
// revision. Git is read with two processes per revision whatever the number of files: `git ls-tree` for the
// list and one `git cat-file --batch` for every blob, so the whole SEC costs no more than a few documents.

import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { TreeFile, TreeReader } from '../diff/trees.js';
import { display, MAX_FILE_BYTES, readBytes } from '../util/files.js';
import { UsageError } from '../util/errors.js';
import { epochStamp } from '../util/calendar-date.js';
import type { CliContext } from './context.js';
import { pathsOrSections } from './conventions.js';
import { docxAsMarkdown, isDocx } from './docx-input.js';

const toPosix = (p: string): string => p.split(sep).join('/');

function readLimited(abs: string): Uint8Array {
  const r = readBytes(abs);
  if (r.bytes === null) throw new Error(r.error);
  return r.bytes;
}

/**
 * Markdown files under `abs` (recursively, dot-entries and node_modules skipped), as paths relative to it;
 * with `docx`, Word files too (imported on the fly by the readers below).
 */
function walkMarkdown(abs: string, docx = false): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const child = join(dir, name);
      const childRel = rel ? `${rel}/${name}` : name;
      if (statSync(child).isDirectory()) walk(child, childRel);
      else if (name.endsWith('.md') || (docx && isDocx(name) && !name.startsWith('~$'))) out.push(childRel);
    }
  };
  walk(abs, '');
  return out;
}

export type PathKind = 'file' | 'directory' | 'missing';

export function pathKind(path: string, cwd: string): PathKind {
  try {
    return statSync(resolve(cwd, path)).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

/** One file, paired with the other side's one file whatever their names; a .docx is imported (docs/import.md). */
export function fileReader(path: string, cwd: string): TreeReader {
  const abs = resolve(cwd, path);
  const file: TreeFile = { key: '<file>', path: display(abs, cwd) };
  return { list: () => [file], read: () => (isDocx(abs) ? docxAsMarkdown(abs, cwd).bytes : readLimited(abs)) };
}

/**
 * Every Markdown file under a directory, paired by its path relative to the directory. A Word file is imported
 * and paired by the file name its document would have ('section-G.md'), so a folder of .docx compares with
 * sections/.
 */
export function directoryReader(path: string, cwd: string): TreeReader {
  const abs = resolve(cwd, path);
  const imported = new Map<string, Uint8Array | Error>();
  return {
    list: () => {
      const rels = walkMarkdown(abs, true);
      const taken = new Set(rels.filter((rel) => !isDocx(rel)));
      return rels.map((rel) => {
        const shown = display(join(abs, rel), cwd);
        if (!isDocx(rel)) return { key: rel, path: shown };
        try {
          const { key, bytes } = docxAsMarkdown(join(abs, rel), cwd);
          const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
          imported.set(shown, bytes);
          // Paired by the document's own file name unless another file already has it (then by its own name).
          const paired = taken.has(dir + key) ? rel : dir + key;
          taken.add(paired);
          return { key: paired, path: shown };
        } catch (err) {
          // Reported when the file is read, with the other problems of the comparison.
          imported.set(shown, err instanceof Error ? err : new Error(String(err)));
          return { key: rel, path: shown };
        }
      });
    },
    read: (f) => {
      const got = imported.get(f.path);
      if (got instanceof Error) throw got;
      return got ?? readLimited(resolve(cwd, f.path));
    },
  };
}

export function git(args: readonly string[], cwd: string, input?: string): Buffer {
  const r = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30 });
  if (r.error) throw new UsageError(`cannot run git: ${r.error.message}`);
  if (r.status !== 0) {
    const msg = r.stderr.toString('utf8').trim().split('\n')[0] ?? '';
    throw new UsageError(`git ${args[0]} failed: ${msg || `exit status ${r.status}`}`);
  }
  return r.stdout;
}

export interface GitRepo {
  /** Absolute path of the repository's top level. */
  root: string;
}

/** The committer date of a revision, ISO 8601 UTC to the second: what dates an annex of that revision. */
export function commitDate(rev: string, cwd: string): string {
  const seconds = git(['show', '-s', '--format=%ct', `${rev}^{commit}`], cwd).toString('utf8').trim();
  const stamp = epochStamp(seconds);
  if (!stamp) throw new UsageError(`git gave '${seconds}' as the commit time of ${rev}: expected whole seconds up to the end of 9999`);
  return stamp.iso;
}

export function gitRepo(cwd: string): GitRepo {
  const root = git(['rev-parse', '--show-toplevel'], cwd).toString('utf8').trim();
  return { root };
}

/** Paths (relative to cwd) as paths from the repository root, '/'-separated: the keys both sides share. */
export function repoPaths(repo: GitRepo, paths: readonly string[], cwd: string): string[] {
  return paths.map((p) => {
    const rel = toPosix(relative(repo.root, resolve(cwd, p)));
    if (rel.startsWith('..')) throw new UsageError(`${p} is outside the Git repository at ${repo.root}`);
    return rel;
  });
}

/** The Markdown files under `paths` at revision `rev`, read from the object store. */
export function gitReader(repo: GitRepo, rev: string, paths: readonly string[]): TreeReader {
  // Resolve the revision once, so a bad name is one clear usage error.
  const check = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd: repo.root });
  if (check.status !== 0) throw new UsageError(`unknown Git revision '${rev}': expected a commit, branch or tag such as HEAD~1`);
  let blobs: Map<string, Uint8Array> | null = null;
  const entries: { path: string; sha: string }[] = [];
  const listing = git(['ls-tree', '-r', '-z', '--full-tree', rev, '--', ...paths.map((p) => p || '.')], repo.root).toString('utf8');
  for (const entry of listing.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (m && m[2]!.endsWith('.md') && !m[2]!.split('/').some((part) => part.startsWith('.'))) entries.push({ sha: m[1]!, path: m[2]! });
  }
  const loadAll = (): Map<string, Uint8Array> => {
    const out = new Map<string, Uint8Array>();
    if (!entries.length) return out;
    const data = git(['cat-file', '--batch'], repo.root, entries.map((e) => `${e.sha}\n`).join(''));
    let pos = 0;
    for (const e of entries) {
      const nl = data.indexOf(10, pos);
      const header = data.subarray(pos, nl).toString('utf8'); // '<sha> blob <size>'
      const size = Number(header.split(' ')[2]);
      if (!header.startsWith(e.sha) || !Number.isFinite(size)) throw new Error(`unexpected git cat-file output for ${e.path}`);
      out.set(e.path, data.subarray(nl + 1, nl + 1 + size));
      pos = nl + 1 + size + 1;
    }
    return out;
  };
  return {
    list: () => entries.map((e) => ({ key: e.path, path: `${rev}:${e.path}` })),
    read: (f) => {
      blobs ??= loadAll();
      const b = blobs.get(f.key);
      if (!b) throw new Error('not in the revision');
      if (b.length > MAX_FILE_BYTES) throw new Error(`file is ${b.length} bytes; the limit is ${MAX_FILE_BYTES}`);
      return b;
    },
  };
}

/** The working tree under `paths` (repository-relative), keyed like gitReader so the two pair up. */
export function workingTreeReader(repo: GitRepo, paths: readonly string[], cwd: string): TreeReader {
  return {
    list: () => {
      const files: TreeFile[] = [];
      for (const p of paths) {
        const abs = resolve(repo.root, p);
        const kind = pathKind(abs, cwd);
        if (kind === 'directory') {
          for (const rel of walkMarkdown(abs)) files.push({ key: p === '' ? rel : `${p}/${rel}`, path: display(join(abs, rel), cwd) });
        } else if (kind === 'file') files.push({ key: p, path: display(abs, cwd) });
      }
      return files;
    },
    read: (f) => readLimited(resolve(cwd, f.path)),
  };
}

/**
 * The two sides of a comparison, as `diff` and `annex` take them: OLD NEW (two files or two directories), or
 * --from REV [--to REV] [paths…] (Git revisions; the working tree when --to is left out; default sections/).
 */
export function versionReaders(
  paths: readonly string[],
  opts: { from?: string | undefined; to?: string | undefined },
  ctx: Pick<CliContext, 'cwd' | 'stdin'>,
): { old: TreeReader; new: TreeReader } {
  if (opts.from !== undefined) {
    const repo = gitRepo(ctx.cwd);
    const scope = repoPaths(repo, pathsOrSections(paths, ctx), ctx.cwd);
    return {
      old: gitReader(repo, opts.from, scope),
      new: opts.to !== undefined ? gitReader(repo, opts.to, scope) : workingTreeReader(repo, scope, ctx.cwd),
    };
  }
  if (opts.to !== undefined) throw new UsageError('--to needs --from: --from REV [--to REV] [paths…]');
  if (paths.length !== 2) throw new UsageError('expected OLD and NEW (two files or two directories), or --from REV [--to REV] [paths…]');
  const [oldPath, newPath] = paths as [string, string];
  if (oldPath === '-' && newPath === '-') throw new UsageError('only one side can be - (standard input)');
  // `-` is one file read from standard input (bounded like any file), compared with the other file.
  const stdin = ctx.stdin;
  const kindOf = (p: string): PathKind => (p === '-' && stdin ? 'file' : pathKind(p, ctx.cwd));
  const kinds = [kindOf(oldPath), kindOf(newPath)];
  paths.forEach((p, i) => {
    if (kinds[i] === 'missing') throw new UsageError(`No such file or directory: ${p}`);
  });
  if (kinds[0] !== kinds[1]) throw new UsageError(`cannot compare a ${kinds[0]} with a ${kinds[1]}: give two files or two directories`);
  const make = (p: string): TreeReader => {
    if (p === '-' && stdin) return { list: () => [{ key: '<file>', path: '-' }], read: () => stdin() };
    return kinds[0] === 'directory' ? directoryReader(p, ctx.cwd) : fileReader(p, ctx.cwd);
  };
  return { old: make(oldPath), new: make(newPath) };
}
