// Folder snapshots for the write-layer tests: every file (dot-files included) with its text, and the folders.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Tree = Record<string, string>;

export function snapshot(root: string): Tree {
  const out: Tree = {};
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(abs).isDirectory()) {
        out[`${r}/`] = '';
        walk(abs, r);
      } else out[r] = readFileSync(abs, 'utf8');
    }
  };
  walk(root, '');
  return out;
}

export function plant(root: string, tree: Tree): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const [rel, text] of Object.entries(tree)) {
    if (rel.endsWith('/')) mkdirSync(join(root, rel), { recursive: true });
    else {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
    }
  }
}

/** Files only (folders left out), for comparing outcomes where an empty folder may legitimately remain. */
export function filesOf(tree: Tree): Tree {
  return Object.fromEntries(Object.entries(tree).filter(([k]) => !k.endsWith('/')));
}

/** The tree of the fault-injection tests: three files, then five writes (two new, one in a new folder). */
export const OLD: Tree = { 'a.md': 'old a\n', 'b.md': 'old b\n', 'sub/': '', 'sub/c.md': 'old c\n' };
export const NEW: Tree = { 'a.md': 'new a\n', 'b.md': 'new b\n', 'd.md': 'new d\n', 'sub/': '', 'sub/c.md': 'new c\n', 'sub/more/': '', 'sub/more/e.md': 'new e\n' };
export const WRITES = ['a.md', 'b.md', 'd.md', 'sub/c.md', 'sub/more/e.md'];

export function writes(root: string) {
  return WRITES.map((rel) => ({ path: join(root, rel), shown: rel, data: NEW[rel]! }));
}

