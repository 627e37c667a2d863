// File discovery and reading at the edge: commands take files or directories (recursing into *.md).

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UsageError } from './errors.js';
import { firstInvalidUtf8 } from './utf8-position.js';
import { WRITE_LAYER_PREFIX, recoverFolder } from './transaction.js';

/** Expands files and directories into a sorted list of Markdown files (paths relative to cwd when inside it). */
export function collectMarkdownFiles(paths: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new UsageError(`No such file or directory: ${display(abs, cwd)}`);
    }
    if (st.isDirectory()) {
      // A write that was interrupted here is completed or rolled back before anything is read.
      const names = readdirSync(abs).sort();
      if (names.some((n) => n.startsWith(WRITE_LAYER_PREFIX))) recoverFolder(abs, { shown: display(abs, cwd) });
      for (const name of names) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        const child = join(abs, name);
        let isDir: boolean;
        try {
          isDir = statSync(child).isDirectory();
        } catch {
          throw new UsageError(`${display(child, cwd)} is a symbolic link that leads nowhere (its target is missing, or it points to itself): fix or remove it`);
        }
        if (isDir || name.endsWith('.md')) walk(child);
      }
    } else {
      out.push(display(abs, cwd));
    }
  };
  for (const p of paths) walk(resolve(cwd, p));
  return out;
}

export function display(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel.startsWith('..') ? abs : rel || '.';
}

/** Largest input file we read (bytes). The whole SEC is ~30 MB; a single document far beyond this is a mistake. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface ReadText {
  text: string | null;
  /** Set when the file cannot be used as text: not found, too large, not UTF-8. */
  error: string | null;
  /** Where the problem is (1-based), when it has a place: the first byte that is not UTF-8. */
  line?: number;
  column?: number;
}

/** Reads a file as strict UTF-8 (a file that is not UTF-8 is an error, never silently mangled). */
export function readText(path: string, cwd: string): ReadText {
  const abs = resolve(cwd, path);
  let buf: Buffer;
  try {
    const st = statSync(abs);
    if (st.size > MAX_FILE_BYTES) return { text: null, error: `file is ${st.size} bytes; the limit is ${MAX_FILE_BYTES}` };
    buf = readFileSync(abs);
  } catch {
    return { text: null, error: 'cannot read file' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, error: null };
  } catch {
    const bad = firstInvalidUtf8(buf);
    if (!bad) return { text: null, error: 'file is not valid UTF-8: save it as UTF-8' };
    const hex = bad.byte.toString(16).toUpperCase().padStart(2, '0');
    return { text: null, error: `file is not valid UTF-8 (byte 0x${hex} at offset ${bad.offset}): save it as UTF-8`, line: bad.line, column: bad.column };
  }
}
