// Reading SEC documents at the edge: files or directories → parsed documents plus every problem found.

import type { Problem, SecDocument } from '../model/types.js';
import { readDocument } from '../model/read-document.js';
import { collectMarkdownFiles, readText, type StdinReader } from '../util/files.js';
import type { CliContext } from './context.js';
import { pathsOrSections } from './conventions.js';
import { problem } from '../util/errors.js';
import { pushAll } from '../util/arrays.js';
import { controlCharMessage, findControlChars } from '../util/control-chars.js';

export interface LoadedDoc {
  file: string;
  source: string;
  /** The bytes `source` was read from, when they are exactly its UTF-8 (see ReadText). */
  bytes?: Uint8Array;
  doc: SecDocument;
}

export interface Loaded {
  /** Every Markdown file found, read or not. */
  files: string[];
  docs: LoadedDoc[];
  problems: Problem[];
}

/** Default paths: the repository's `sections/` (see conventions.ts). */
export function defaultPaths(paths: readonly string[] | undefined, ctx: Pick<CliContext, 'cwd'>): string[] {
  return pathsOrSections(paths, ctx);
}

/** Reads and parses every Markdown file of `paths`; `-` is standard input when `stdin` is given. */
export function loadDocuments(paths: readonly string[], cwd: string, stdin?: StdinReader, options: { keepBytes?: boolean } = {}): Loaded {
  const files = collectMarkdownFiles(paths, cwd);
  const docs: LoadedDoc[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const r = readText(file, cwd, stdin);
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
    pushAll(problems, parsed.problems);
    // The bytes only for a caller that writes the documents back (apply): held, they are a second copy of the SEC.
    if (parsed.doc) docs.push(r.bytes && options.keepBytes ? { file, source: r.text, bytes: r.bytes, doc: parsed.doc } : { file, source: r.text, doc: parsed.doc });
  }
  return { files, docs, problems };
}
