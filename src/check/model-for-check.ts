// Which model path `check` uses for a file. The remark parser (parse.ts) reads any Markdown but is slow and
// grows worse than linearly (about 20 s and 700 MB for a 5 MB file), so a 50 MB document could not be checked.
// The line scanner (scan.ts) is fast, and agrees with the parser on canonical files — so a file takes the fast
// path when the scan provably reproduces it: serializing the scanned document gives back the exact source (which
// pins every block boundary, blank line, list indentation and table line), and no line starts with Markdown
// the scanner does not interpret (code, quotes, HTML, ordered lists, thematic breaks, link definitions), which
// the parser would report. Every other file goes through the parser, up to MAX_PARSE_BYTES.

import type { Problem } from '../model/types.js';
import { parseDocument } from '../model/parse.js';
import { scanDocument, type ModelResult } from '../model/scan.js';
import { serializeDocument } from '../model/serialize.js';
import { problem } from '../util/errors.js';

/** Largest file the remark parser is given (bytes of UTF-16 text, close enough): beyond it parse time explodes. */
export const MAX_PARSE_CHARS = 8 * 1024 * 1024;

export interface CheckModel extends ModelResult {
  /** True when the line scan was used. */
  fast: boolean;
}

// Line starts CommonMark reads as something other than a heading, paragraph, bullet list or table.
const FOREIGN = /^(?: {0,3}(?:>|```|~~~|<|\[[^\]]*\]:|\d{1,9}[.)](?:\s|$)|([*_-])(?:[ \t]*\1){2,}[ \t]*$|=+[ \t]*$)|\t| {4,}(?! |[-*+] ))/;

/** 1-based number of the first line that differs between two texts. */
function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  let line = 1;
  for (let j = 0; j < i; j++) if (a.charCodeAt(j) === 10) line++;
  return line;
}

/** The first line that keeps `source` off the fast path, or 0 when the scan reproduces it exactly. */
export function fastPathBlocker(source: string, scanned: ModelResult): number {
  if (!scanned.doc || scanned.problems.length) return scanned.problems[0]?.line ?? 1;
  const again = serializeDocument(scanned.doc);
  if (again !== source) return firstDifference(source, again);
  const lines = source.split('\n');
  let fence = 0; // skip the front matter: it is YAML, read by the same code on both paths
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '---' && ++fence <= 2) continue;
    if (fence < 2) continue;
    if (FOREIGN.test(lines[i]!)) return i + 1;
  }
  return 0;
}

export function modelForCheck(original: string, file: string): CheckModel {
  // Line endings are not structure: the parser normalises them too, so a CRLF file can take the fast path.
  const source = original.includes('\r') ? original.replace(/\r\n?/g, '\n') : original;
  const scanned = scanDocument(source, file);
  const blocker = fastPathBlocker(source, scanned);
  if (blocker === 0) return { ...scanned, fast: true };
  // A file without usable front matter fails the same way on both paths: no need to parse it.
  if (!scanned.doc && scanned.problems.every((p) => p.rule === 'front-matter')) {
    return { ...scanned, fast: true };
  }
  if (source.length > MAX_PARSE_CHARS) {
    const mb = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
    const problems: Problem[] = [
      problem(file, blocker, 1,
        `File is ${mb(source.length)} and not in canonical form from this line on; files over ${mb(MAX_PARSE_CHARS)} are checked only in canonical form (see docs/format.md): split the document or write this part canonically`,
        'too-large'),
    ];
    return { doc: null, problems, fast: false };
  }
  return { ...parseDocument(source, file), fast: false };
}
