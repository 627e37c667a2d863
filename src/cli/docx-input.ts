// Word files wherever documents are read: reading a .docx at the edge (size-checked) and importing it, for the
// `import` command and for `diff`/`annex`, which import .docx inputs on the fly (src/cli/tree-readers.ts).

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importDocx, MAX_DOCX_BYTES, type ImportOptions, type ImportResult } from '../import/index.js';
import { ProblemsError, UsageError, problem } from '../util/errors.js';
import { display } from '../util/files.js';
import { docFileName } from '../model/doc-ref.js';

export const isDocx = (path: string): boolean => path.toLowerCase().endsWith('.docx');

/** Reads a .docx (refusing one over the size limit before reading it) and imports it. */
export function importDocxFile(path: string, cwd: string, opts: ImportOptions = {}): ImportResult {
  const abs = resolve(cwd, path);
  const shown = display(abs, cwd);
  let size: number;
  try {
    size = statSync(abs).size;
  } catch {
    throw new UsageError(`No such file: ${shown}`);
  }
  if (size > MAX_DOCX_BYTES) {
    throw new ProblemsError([problem(shown, 1, 1, `The file is ${(size / 1048576).toFixed(0)} MB; the limit for a .docx is ${MAX_DOCX_BYTES / 1048576} MB (the largest SEC document is a few MB): split it, or remove embedded images`, 'import-size')]);
  }
  return importDocx(readFileSync(abs), shown, opts);
}

/** Word files under a directory (not recursing: a folder of SEC documents is flat), sorted; '~$' lock files skipped. */
export function docxFilesIn(dir: string, cwd: string): string[] {
  const abs = resolve(cwd, dir);
  return readdirSync(abs)
    .filter((n) => isDocx(n) && !n.startsWith('~$') && !n.startsWith('.'))
    .sort()
    .map((n) => display(join(abs, n), cwd));
}

/** A .docx imported for a reader of Markdown bytes (diff, annex): its canonical Markdown, or an Error saying why not. */
export function docxAsMarkdown(path: string, cwd: string): { key: string; bytes: Uint8Array } {
  try {
    const r = importDocxFile(path, cwd, { tracked: 'accept' });
    return { key: docFileName(r.doc.meta), bytes: Buffer.from(r.markdown, 'utf8') };
  } catch (err) {
    if (err instanceof ProblemsError) throw new Error(`cannot import it: ${err.problems.map((p) => p.message).join('; ')}`);
    throw err;
  }
}
