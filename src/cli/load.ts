// Reading SEC documents at the edge: files or directories → parsed documents plus every problem found.

import type { Problem, SecDocument } from '../model/types.js';
import { readDocument } from '../model/read-document.js';
import { collectMarkdownFiles, readText } from '../util/files.js';
import { problem } from '../util/errors.js';
import { controlCharMessage, findControlChars } from '../util/control-chars.js';

export interface LoadedDoc {
  file: string;
  source: string;
  doc: SecDocument;
}

export interface Loaded {
  /** Every Markdown file found, read or not. */
  files: string[];
  docs: LoadedDoc[];
  problems: Problem[];
}

/** Default paths: `sections/` under cwd. */
export function defaultPaths(paths: readonly string[] | undefined): string[] {
  return paths && paths.length ? [...paths] : ['sections'];
}

export function loadDocuments(paths: readonly string[], cwd: string): Loaded {
  const files = collectMarkdownFiles(paths, cwd);
  const docs: LoadedDoc[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const r = readText(file, cwd);
    if (r.text === null) {
      problems.push(problem(file, r.line ?? 1, r.column ?? 1, `Cannot read: ${r.error}`, 'read'));
      continue;
    }
    const bad = findControlChars(r.text);
    if (bad.length) {
      for (const c of bad) problems.push(problem(file, c.line, c.column, controlCharMessage(c.code), 'control-character'));
      continue;
    }
    const parsed = readDocument(r.text, file);
    problems.push(...parsed.problems);
    if (parsed.doc) docs.push({ file, source: r.text, doc: parsed.doc });
  }
  return { files, docs, problems };
}
