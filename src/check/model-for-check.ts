// Which model path `check` uses for a file. Canonical files take the model's proven fast path
// (scanIfCanonical in model/read-document.ts: the line scan, trusted only when it provably reads the file as
// the parser would); everything else goes through the remark parser. The parser is slow and grows worse than
// linearly (about 20 s and 700 MB for 5 MB), so a large file that is not canonical is reported instead of
// parsed: without the guard a 50 MB non-canonical file would run for minutes or out of memory.

import type { Problem } from '../model/types.js';
import { parseDocument } from '../model/parse.js';
import { scanIfCanonical } from '../model/read-document.js';
import { scanDocument, type ModelResult } from '../model/scan.js';
import { serializeDocument } from '../model/serialize.js';
import { problem } from '../util/errors.js';

/** Largest text (in UTF-16 code units, close enough to bytes) that is given to the remark parser. */
export const MAX_PARSE_CHARS = 8 * 1024 * 1024;

export interface CheckModel extends ModelResult {
  /** True when the line scan was used. */
  fast: boolean;
}

/** 1-based number of the first line that differs between two texts. */
function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  let line = 1;
  for (let j = 0; j < i; j++) if (a.charCodeAt(j) === 10) line++;
  return line;
}

export function modelForCheck(original: string, file: string): CheckModel {
  // Line endings are not structure: the parser normalises them too, so a CRLF file can take the fast path.
  const source = original.includes('\r') ? original.replace(/\r\n?/g, '\n') : original;
  const fast = scanIfCanonical(source, file);
  if (fast) return { doc: fast, problems: [], fast: true };
  if (source.length <= MAX_PARSE_CHARS) return { ...parseDocument(source, file), fast: false };

  // Too large for the parser. Front-matter problems read the same on both paths: report those as they are.
  const scanned = scanDocument(source, file);
  if (!scanned.doc) return { doc: null, problems: scanned.problems, fast: false };
  const again = serializeDocument(scanned.doc);
  const line = again === source ? 1 : firstDifference(source, again);
  const mb = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  const problems: Problem[] = [
    problem(file, line, 1,
      `File is ${mb(source.length)} and not in canonical form${line > 1 ? ' from this line on' : ''}; files over ${mb(MAX_PARSE_CHARS)} are checked only in canonical form (see docs/format.md): split the document or write it canonically`,
      'too-large'),
  ];
  return { doc: null, problems, fast: false };
}
