// Loads a document by the cheapest path that is still exact. The line scan (scan.ts) is ~200× faster than
// remark on a large file, but it is only trusted when
//   1. serializing what it found reproduces the source byte for byte (so the file is canonical), its footnotes
//      are in order and its nested blocks sit where a parser nests them, and
//   2. every block is trusted by block-trust.ts: its text is in the proven inline grammar, or it gives the same
//      block through the remark pipeline (emphasis, code, links, escapes, entities, autolinks, leading markers).
// Anything else — a wrapped paragraph, a '*' bullet, a block quote — falls back to the full remark parse,
// which reports what is wrong with positions. tests/model/read-document.test.ts pins the agreement.

import type { Block, SecDocument } from './types.js';
import { scanDocument, type ModelResult } from './scan.js';
import { parseDocument } from './parse.js';
import { serializeDocument, serializesTo } from './serialize.js';
import { allTrusted, footnotesInOrder } from './block-trust.js';
import { problem } from '../util/errors.js';

/**
 * Whether a block that the scan read from an indented line, or as a list item, sits where a Markdown parser
 * would read the same: an item at most one level deeper than the item before it, a continuation paragraph
 * under an item of its depth or deeper (else it is indented code or a lazy continuation).
 */
export function nestedInPlace(block: Block, prev: Block | undefined): boolean {
  if (block.kind === 'subpara' && block.depth > 1) {
    return !!prev && (prev.kind === 'subpara' || (prev.kind === 'paragraph' && prev.depth > 0)) && prev.depth >= block.depth - 1;
  }
  if (block.kind === 'paragraph' && block.depth > 0) {
    return !!prev && (prev.kind === 'subpara' || (prev.kind === 'paragraph' && prev.depth > 0)) && prev.depth >= block.depth;
  }
  return true;
}

/**
 * Documents read on the fast path: every block of one was proven to read as the parser reads it (a verdict that
 * depends only on the block's content, ID and the document's kind, code and title; see block-trust.ts).
 */
const proven = new WeakSet<SecDocument>();

/** Whether `doc` came from the line scan with every block proven (not from the remark fallback). */
export function wasProven(doc: SecDocument): boolean {
  return proven.has(doc);
}

/** Records that every block of `doc` is proven (read-amended.ts: an amended document re-read where it changed). */
export function markProven(doc: SecDocument): void {
  proven.add(doc);
}

/**
 * Says that a block of the source is known to read as the parser reads it (an unchanged block of a proven
 * document, see wasProven), so its inline check can be skipped: an amended document is then re-checked only
 * where an edit touched it.
 */
export type ProvenBlock = (block: Block, index: number) => boolean;

/** The scanned document when it can be trusted, else null. */
export function scanIfCanonical(source: string, file: string, known?: ProvenBlock): SecDocument | null {
  const scanned = scanDocument(source, file);
  if (!scanned.doc || scanned.problems.length) return null;
  if (!serializesTo(scanned.doc, source)) return null;
  const blocks = scanned.doc.blocks;
  if (!footnotesInOrder(blocks)) return null;
  for (let i = 0; i < blocks.length; i++) if (!nestedInPlace(blocks[i]!, blocks[i - 1])) return null;
  // The serialize-and-compare above vouches for the layout, footnotesInOrder for the footnotes: what is left is
  // each block's content (block-trust.ts, the check the diff makes of its changed blocks too), but for the blocks
  // an amended document did not touch.
  if (!allTrusted(scanned.doc.meta, known ? blocks.filter((b, i) => !known(b, i)) : blocks, 'in-order')) return null;
  proven.add(scanned.doc);
  return scanned.doc;
}

/**
 * Largest text handed to the remark parser. Its cost grows faster than the size (1 MB ≈ 1.7 s, 5 MB ≈ 20 s and
 * 700 MB here), so a larger file is read only when it is canonical (the fast path has no such limit).
 */
export const MAX_PARSE_CHARS = 8 * 1024 * 1024;

/**
 * 1-based number of the first line of `a` where it and `b` differ. When `a` is a prefix of `b` the difference is
 * after a's end: its last line is named, never a line past the end of the file.
 */
export function firstDifferentLine(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  const stop = Math.min(i, Math.max(0, a.length - 1));
  let line = 1;
  for (let j = 0; j < stop; j++) if (a.charCodeAt(j) === 10) line++;
  return line;
}

/** Every command's way in: the fast path for canonical files, the full remark parse otherwise. */
export function readDocument(original: string, file: string, known?: ProvenBlock): ModelResult {
  // Line endings are not structure: the parser normalises them too, so a CRLF file can take the fast path.
  const source = original.includes('\r') ? original.replace(/\r\n?/g, '\n') : original;
  const fast = scanIfCanonical(source, file, known);
  if (fast) return { doc: fast, problems: [] };
  if (source.length > MAX_PARSE_CHARS) {
    const scanned = scanDocument(source, file);
    // A file without usable front matter fails the same way on both paths.
    if (!scanned.doc) return scanned;
    const line = firstDifferentLine(source, serializeDocument(scanned.doc));
    const mb = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
    const message = `File is ${mb(source.length)} and not in canonical form from this line on; files over ${mb(MAX_PARSE_CHARS)} are read only in canonical form (see docs/format.md): split the document or run fmt on a smaller part`;
    return { doc: null, problems: [problem(file, line, 1, message, 'too-large')] };
  }
  return parseDocument(source, file);
}
