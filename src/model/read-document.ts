// Loads a document by the cheapest path that is still exact. The line scan (scan.ts) is ~200× faster than
// remark on a large file, but it is only trusted when
//   1. serializing what it found reproduces the source byte for byte (so the file is canonical), and
//   2. every block whose text contains something only a Markdown parser can judge (emphasis, code, links,
//      escapes, entities, autolinks, leading markers) gives the same block through the remark pipeline.
// Anything else — a wrapped paragraph, a '*' bullet, a block quote — falls back to the full remark parse,
// which reports what is wrong with positions. tests/model/read-document.test.ts pins the agreement.

import type { Block, DocMeta, SecDocument } from './types.js';
import { scanDocument, type ModelResult } from './scan.js';
import { parseDocument } from './parse.js';
import { serializeDocument, blockLines } from './serialize.js';
import { serializeFrontMatter } from './front-matter.js';
import { isSimpleCanonicalInline } from './simple-inline.js';
import { problem } from '../util/errors.js';

/** Whether a block holds anything only the Markdown parser can judge (see simple-inline.ts). */
function risky(block: Block): boolean {
  if (block.cells) return !block.cells.every(isSimpleCanonicalInline);
  return block.text !== '' && !isSimpleCanonicalInline(block.text);
}

/**
 * Verdicts of agreesWithParser by block content. One process often reads the same blocks several times (the
 * two versions of a document, then an amended one read back); the verdict depends only on the content.
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 200_000;

/** Re-reads one block through remark, in a document of its own, and says whether it comes out the same. */
function agreesWithParser(meta: DocMeta, block: Block): boolean {
  const key = `${meta.kind}\u0000${meta.code}\u0000${meta.title}\u0000${block.kind}\u0000${block.label}\u0000${block.depth}\u0000${block.text}\u0000${(block.cells ?? []).join('\u0001')}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = parserVerdict(meta, block);
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

function parserVerdict(meta: DocMeta, block: Block): boolean {
  let body: string;
  if (block.kind === 'row') {
    const cols = (block.cells ?? []).length;
    body = [`| ${Array(cols).fill('x').join(' | ')} |`, `| ${Array(cols).fill('---').join(' | ')} |`, ...blockLines(block)].join('\n');
  } else {
    // A nested sub-paragraph is checked at the left margin: its text, not its indentation, is in question.
    body = blockLines(block).map((l) => l.trimStart()).join('\n');
  }
  const parsed = parseDocument(`${serializeFrontMatter(meta)}\n${body}\n`, 'block.md');
  if (parsed.problems.length || !parsed.doc) return false;
  const got = parsed.doc.blocks[block.kind === 'row' ? 1 : 0];
  if (!got || got.kind !== block.kind || got.label !== block.label || got.text !== block.text) return false;
  return JSON.stringify(got.cells ?? null) === JSON.stringify(block.cells ?? null);
}

/** The scanned document when it can be trusted, else null. */
export function scanIfCanonical(source: string, file: string): SecDocument | null {
  const scanned = scanDocument(source, file);
  if (!scanned.doc || scanned.problems.length) return null;
  if (serializeDocument(scanned.doc) !== source) return null;
  const blocks = scanned.doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    // A sub-paragraph may only go one level deeper than the item before it; anything else is, to a
    // Markdown parser, indented code or a lazy continuation.
    if (block.kind === 'subpara' && block.depth > 1) {
      const prev = blocks[i - 1];
      if (!prev || prev.kind !== 'subpara' || prev.depth < block.depth - 1) return null;
    }
    if (risky(block) && !agreesWithParser(scanned.doc.meta, block)) return null;
  }
  return scanned.doc;
}

/**
 * Largest text handed to the remark parser. Its cost grows faster than the size (1 MB ≈ 1.7 s, 5 MB ≈ 20 s and
 * 700 MB here), so a larger file is read only when it is canonical (the fast path has no such limit).
 */
export const MAX_PARSE_CHARS = 8 * 1024 * 1024;

/** 1-based number of the first line where two texts differ. */
function firstDifferentLine(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  let line = 1;
  for (let j = 0; j < i; j++) if (a.charCodeAt(j) === 10) line++;
  return line;
}

/** Every command's way in: the fast path for canonical files, the full remark parse otherwise. */
export function readDocument(original: string, file: string): ModelResult {
  // Line endings are not structure: the parser normalises them too, so a CRLF file can take the fast path.
  const source = original.includes('\r') ? original.replace(/\r\n?/g, '\n') : original;
  const fast = scanIfCanonical(source, file);
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
