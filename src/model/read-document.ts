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
import { FOOTNOTE_REF, isSimpleCanonicalInline, isSimpleInline } from './simple-inline.js';
import { footnoteNumber, isFootnote } from './identify.js';
import { scopeOfId } from './scope.js';
import { docId } from './doc-ref.js';
import { problem } from '../util/errors.js';

/**
 * Whether a block holds anything only the Markdown parser can judge (see simple-inline.ts). Footnote references
 * count as plain: footnotesInOrder has checked that the document defines each one.
 */
function risky(block: Block): boolean {
  // A cell is read inline, never at the start of a block.
  if (block.cells) return !block.cells.every((c) => isSimpleInline(c, true));
  return block.text !== '' && !isSimpleCanonicalInline(block.text, true);
}

/**
 * Whether the footnotes are as fmt writes them: every definition after the last other block, numbered 1, 2, …
 * in the order of first reference, each referenced and each reference defined.
 */
function footnotesInOrder(blocks: readonly Block[]): boolean {
  const defs: string[] = [];
  const refs: string[] = [];
  for (const b of blocks) {
    if (isFootnote(b)) defs.push(footnoteNumber(b.label));
    else if (defs.length) return false;
    for (const text of b.cells ?? [b.text]) {
      if (!text.includes('[^')) continue;
      for (const m of text.matchAll(FOOTNOTE_REF)) if (!refs.includes(m[1]!)) refs.push(m[1]!);
    }
  }
  return defs.length === refs.length && defs.every((d, i) => d === String(i + 1) && refs[i] === d);
}

/**
 * Whether a block that the scan read from an indented line, or as a list item, sits where a Markdown parser
 * would read the same: an item at most one level deeper than the item before it, a continuation paragraph
 * under an item of its depth or deeper (else it is indented code or a lazy continuation).
 */
function nestedInPlace(block: Block, prev: Block | undefined): boolean {
  if (block.kind === 'subpara' && block.depth > 1) {
    return !!prev && (prev.kind === 'subpara' || (prev.kind === 'paragraph' && prev.depth > 0)) && prev.depth >= block.depth - 1;
  }
  if (block.kind === 'paragraph' && block.depth > 0) {
    return !!prev && (prev.kind === 'subpara' || (prev.kind === 'paragraph' && prev.depth > 0)) && prev.depth >= block.depth;
  }
  return true;
}

/**
 * Verdicts of agreesWithParser by block content. One process often reads the same blocks several times (the
 * two versions of a document, then an amended one read back); the verdict depends only on the content.
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 200_000;

/** Re-reads one block through remark, in a document of its own, and says whether it comes out the same. */
function agreesWithParser(meta: DocMeta, block: Block): boolean {
  // The verdict depends on the block's text and kind and on whether it is a clause of an inner appendix (read
  // as text only), not on where it stands: identical blocks (repeated rows, 'Not used') are parsed once.
  const inner = block.kind === 'clause' && scopeOfId(docId(meta), block.id) !== '';
  const key = `${meta.kind}\u0000${meta.code}\u0000${meta.title}\u0000${block.kind}\u0000${block.label}\u0000${block.depth}\u0000${inner ? 1 : 0}\u0000${block.text}\u0000${(block.cells ?? []).join('\u0001')}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = parserVerdict(meta, block);
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

function parserVerdict(meta: DocMeta, original: Block): boolean {
  // Footnote references are read as such only where the footnote is defined, and the parser numbers footnotes
  // in order of reference: the block is checked with its references numbered 1, 2, … and those defined.
  const { block, defs } = withOwnFootnotes(original);
  let body: string;
  // Text whose block kind the scan decided from its place (a footnote, a continuation paragraph, a clause of an
  // inner appendix) is checked as a paragraph of its own: only its inline text is in question.
  const textOnly = isFootnote(block) || (block.kind === 'paragraph' && block.depth > 0) || (block.kind === 'clause' && scopeOfId(docId(meta), block.id) !== '');
  if (block.kind === 'row') {
    const cols = (block.cells ?? []).length;
    body = [`| ${Array(cols).fill('x').join(' | ')} |`, `| ${Array(cols).fill('---').join(' | ')} |`, ...blockLines(block)].join('\n');
  } else if (textOnly) {
    body = block.text;
  } else {
    // A nested sub-paragraph is checked at the left margin: its text, not its indentation, is in question.
    body = blockLines(block).map((l) => l.trimStart()).join('\n');
  }
  const parsed = parseDocument(`${serializeFrontMatter(meta)}\n${body}\n${defs}`, 'block.md');
  if (parsed.problems.length || !parsed.doc) return false;
  const got = parsed.doc.blocks[block.kind === 'row' ? 1 : 0];
  if (textOnly) {
    return parsed.doc.blocks.filter((b) => !isFootnote(b)).length === 1 && got?.kind === 'paragraph' && got.label === '' && got.text === block.text;
  }
  if (!got || got.kind !== block.kind || got.label !== block.label || got.text !== block.text) return false;
  return JSON.stringify(got.cells ?? null) === JSON.stringify(block.cells ?? null);
}

/** The block with its footnote references renumbered 1, 2, … and the definitions to append for them. */
function withOwnFootnotes(block: Block): { block: Block; defs: string } {
  const texts = block.cells ?? [block.text];
  if (!texts.some((t) => t.includes('[^'))) return { block, defs: '' };
  const order: string[] = [];
  const renumber = (t: string): string =>
    t.replace(FOOTNOTE_REF, (_m, n: string) => {
      if (!order.includes(n)) order.push(n);
      return `[^${order.indexOf(n) + 1}]`;
    });
  const out: Block = { ...block, text: renumber(block.text) };
  if (block.cells) out.cells = block.cells.map(renumber);
  return { block: out, defs: order.map((_, i) => `\n[^${i + 1}]: x\n`).join('') };
}

/**
 * Documents read on the fast path: every block of one was proven to read as the parser reads it (a verdict that
 * depends only on the block's content, ID and the document's kind, code and title; see agreesWithParser).
 */
const proven = new WeakSet<SecDocument>();

/** Whether `doc` came from the line scan with every block proven (not from the remark fallback). */
export function wasProven(doc: SecDocument): boolean {
  return proven.has(doc);
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
  if (serializeDocument(scanned.doc) !== source) return null;
  const blocks = scanned.doc.blocks;
  if (!footnotesInOrder(blocks)) return null;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (!nestedInPlace(block, blocks[i - 1])) return null;
    if (!known?.(block, i) && risky(block) && !agreesWithParser(scanned.doc.meta, block)) return null;
  }
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
