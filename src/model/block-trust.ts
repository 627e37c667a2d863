// The one answer to "does remark read this block exactly as the line scan (scan.ts) read it?", shared by the
// reader (read-document.ts, whole documents) and the tree diff (diff/verify-parse.ts, the changed blocks only).
//
// The caller vouches for the layout: that the block's source lines are its canonical lines (blockLines) and sit
// where a parser reads them as this kind of block. Each caller proves that its own way (the reader serializes the
// whole document and compares; the diff checks the bytes of each changed clause). What is left is the content:
//   1. inGrammar: text in the proven-canonical inline grammar (simple-inline.ts) reads the same, with no parse;
//   2. agreesWithParser: anything else is re-read alone through remark, the verdict cached by content.
// trustedBlock is the two together. A block that is neither sends its document to the remark parse.

import type { Block, DocMeta } from './types.js';
import { parseDocument } from './parse.js';
import { blockLines } from './serialize.js';
import { serializeFrontMatter } from './front-matter.js';
import { FOOTNOTE_REF, isSimpleCanonicalInline } from './simple-inline.js';
import { footnoteNumber, isFootnote } from './identify.js';
import { scopeOfId } from './scope.js';
import { docId } from './doc-ref.js';

/**
 * How far the caller vouches for footnotes. 'in-order': the whole document's footnotes are as fmt writes them
 * (footnotesInOrder), so a reference counts as plain text and a definition is judged by its text alone.
 * 'unchecked': the caller sees only part of the document (the diff's changed clauses), and the parser reads a
 * reference, and numbers a definition, by what the rest of the document holds; such blocks are not trusted.
 */
export type FootnoteTrust = 'in-order' | 'unchecked';

/**
 * Whether the footnotes are as fmt writes them: every definition after the last other block, numbered 1, 2, …
 * in the order of first reference, each referenced and each reference defined.
 */
export function footnotesInOrder(blocks: readonly Block[]): boolean {
  const defs: string[] = [];
  const refs: string[] = [];
  for (const b of blocks) {
    if (isFootnote(b)) defs.push(footnoteNumber(b.label));
    else if (defs.length) return false;
    // Cells one by one, else the text (no array made for the 150,000 blocks of a whole SEC).
    if (b.cells) for (const text of b.cells) referencesIn(text, refs);
    else referencesIn(b.text, refs);
  }
  return defs.length === refs.length && defs.every((d, i) => d === String(i + 1) && refs[i] === d);
}

/** Adds the footnote numbers `text` refers to, in order, to `refs` (each once). */
function referencesIn(text: string, refs: string[]): void {
  if (!text.includes('[^')) return;
  for (const m of text.matchAll(FOOTNOTE_REF)) if (!refs.includes(m[1]!)) refs.push(m[1]!);
}

// FOOTNOTE_REF is global (for replace and matchAll); test() on it would carry lastIndex from call to call.
const ONE_FOOTNOTE_REF = new RegExp(FOOTNOTE_REF.source);

/** Whether a block is a footnote definition or refers to one. */
function touchesFootnotes(block: Block): boolean {
  if (isFootnote(block)) return true;
  for (const text of block.cells ?? [block.text]) if (text.includes('[^') && ONE_FOOTNOTE_REF.test(text)) return true;
  return false;
}

/**
 * Whether a block holds only what the proven inline grammar covers (see simple-inline.ts), so remark reads it as
 * the scan did without being asked. Footnote references count as plain when the caller vouches for them.
 */
export function inGrammar(block: Block, footnotes: FootnoteTrust): boolean {
  const refs = footnotes === 'in-order';
  // A cell is held to the rule about how a block may start: remark-stringify escapes a list or ordered-list marker
  // at the start of a cell ('\\- …', '1\\) …') as at the start of a block, so '| 1) x |' is not canonical.
  if (block.cells) return block.cells.every((c) => isSimpleCanonicalInline(c, refs));
  return block.text === '' || isSimpleCanonicalInline(block.text, refs);
}

/**
 * Whether remark reads the block as the scan read it: in the grammar, else re-read alone through the parser.
 * The layout (source lines equal to blockLines, the block in its place) is the caller's to vouch for.
 */
export function trustedBlock(meta: DocMeta, block: Block, footnotes: FootnoteTrust): boolean {
  if (footnotes === 'unchecked' && touchesFootnotes(block)) return false;
  return inGrammar(block, footnotes) || agreesWithParser(meta, block);
}

/**
 * trustedBlock of every block, with the blocks outside the grammar that no verdict is cached for read through
 * remark together, in growing batches of up to BATCH_CHARS of text: one parse of a small document costs about
 * as much as reading a few hundred lines, so a diff whose changes put a thousand blocks outside the grammar (a
 * link in each) would spend most of its time starting parses. A batch that does not come out block for block as
 * the scan read it is asked again block by block, so its verdicts are exactly agreesWithParser's.
 */
export function allTrusted(meta: DocMeta, blocks: readonly Block[], footnotes: FootnoteTrust): boolean {
  const ask = new Map<string, Probe>();
  for (const block of blocks) {
    if (footnotes === 'unchecked' && touchesFootnotes(block)) return false;
    if (inGrammar(block, footnotes)) continue;
    const inner = isInner(meta, block);
    const key = verdictKey(meta, block, inner);
    const known = verdicts.get(key);
    if (known === false) return false;
    if (known === undefined && !ask.has(key)) ask.set(key, probe(block, inner));
  }
  let batch: [string, Probe][] = [];
  let chars = 0;
  // Batches of 1, 2, 4, … blocks: a document that is not canonical usually shows it at its first such block, and
  // is then refused after one small parse, as block by block; one that is pays a few parses, not one a block.
  let size = 1;
  const flush = (): boolean => {
    const ok = batch.length > 1 && batchAgrees(meta, batch.map(([, p]) => p));
    for (const [key, p] of batch) {
      if (ok) remember(key, true);
      // Alone, as agreesWithParser reads it.
      else if (!remember(key, probeAgrees(meta, p))) return false;
    }
    batch = [];
    chars = 0;
    size *= 2;
    return true;
  };
  for (const entry of ask) {
    // A block with footnote references brings its own definitions: always read alone.
    if (entry[1].defs) {
      if (!remember(entry[0], probeAgrees(meta, entry[1]))) return false;
      continue;
    }
    batch.push(entry);
    chars += entry[1].body.length;
    if ((batch.length >= size || chars >= BATCH_CHARS) && !flush()) return false;
  }
  return flush();
}

/** Text handed to one batched parse: remark's cost grows faster than the size, so batches stay small. */
const BATCH_CHARS = 64 * 1024;

/**
 * Verdicts of agreesWithParser by block content. One process often reads the same blocks several times (the
 * two versions of a document, then an amended one read back, the changed blocks of a diff); the verdict depends
 * only on the content.
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 200_000;

/** Forgets every cached verdict (for tests that compare a batched answer with the block-by-block one). */
export function forgetVerdicts(): void {
  verdicts.clear();
}

function remember(key: string, verdict: boolean): boolean {
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

/** A clause of an inner appendix: its kind comes from its place, so only its text is checked. */
function isInner(meta: DocMeta, block: Block): boolean {
  return block.kind === 'clause' && scopeOfId(docId(meta), block.id) !== '';
}

// The verdict depends on the block's text and kind and on whether it is a clause of an inner appendix (read as
// text only), not on where it stands: identical blocks (repeated rows, 'Not used') are parsed once.
function verdictKey(meta: DocMeta, block: Block, inner: boolean): string {
  return `${meta.kind}\u0000${meta.code}\u0000${meta.title}\u0000${block.kind}\u0000${block.label}\u0000${block.depth}\u0000${inner ? 1 : 0}\u0000${block.text}\u0000${(block.cells ?? []).join('\u0001')}\u0000${(block.align ?? []).join('\u0001')}`;
}

/** Re-reads one block through remark, in a document of its own, and says whether it comes out the same. */
export function agreesWithParser(meta: DocMeta, block: Block): boolean {
  const inner = isInner(meta, block);
  const key = verdictKey(meta, block, inner);
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  return remember(key, probeAgrees(meta, probe(block, inner)));
}

/** What remark is given to read for one block, and how its answer is judged. */
interface Probe {
  /** The block, its footnote references numbered 1, 2, … */
  block: Block;
  /** Markdown of the block alone; for a row, after a header of its own. */
  body: string;
  /** Definitions of the footnotes the block refers to ('' for none). */
  defs: string;
  /** Only the inline text is in question (see probe). */
  textOnly: boolean;
}

function probe(original: Block, inner: boolean): Probe {
  // Footnote references are read as such only where the footnote is defined, and the parser numbers footnotes
  // in order of reference: the block is checked with its references numbered 1, 2, … and those defined.
  const { block, defs } = withOwnFootnotes(original);
  // Text whose block kind the scan decided from its place (a footnote, a continuation paragraph, a clause of an
  // inner appendix) is checked as a paragraph of its own: only its inline text is in question.
  const textOnly = isFootnote(block) || (block.kind === 'paragraph' && block.depth > 0) || inner;
  let body: string;
  if (block.kind === 'row') {
    // A header of the row's own width: whether the row is as wide as its table is the caller's layout check.
    const cols = (block.cells ?? []).length;
    body = [`| ${Array(cols).fill('x').join(' | ')} |`, `| ${Array(cols).fill('---').join(' | ')} |`, ...blockLines(block)].join('\n');
  } else if (textOnly) {
    body = block.text;
  } else {
    // A nested sub-paragraph is checked at the left margin: its text, not its indentation (the caller's layout
    // check), is in question.
    body = blockLines(block).map((l) => l.trimStart()).join('\n');
  }
  return { block, body, defs, textOnly };
}

function probeAgrees(meta: DocMeta, p: Probe): boolean {
  const parsed = parseDocument(`${serializeFrontMatter(meta)}\n${p.body}\n${p.defs}`, 'block.md');
  if (parsed.problems.length || !parsed.doc) return false;
  if (p.textOnly && parsed.doc.blocks.filter((b) => !isFootnote(b)).length !== 1) return false;
  return readsAs(parsed.doc.blocks[p.block.kind === 'row' ? 1 : 0], p);
}

/**
 * The probes' bodies in one document, a blank line apart, without footnotes: true when remark gives, in order,
 * each probe's blocks (a header and the row for a row) as the scan read them. Each body is one block that a
 * blank line ends; what could tie one body to another (a definition, a fence or HTML block left open) takes a
 * block away or runs blocks together, and the counts differ.
 */
function batchAgrees(meta: DocMeta, probes: readonly Probe[]): boolean {
  const parsed = parseDocument(`${serializeFrontMatter(meta)}\n${probes.map((p) => p.body).join('\n\n')}\n`, 'block.md');
  if (parsed.problems.length || !parsed.doc) return false;
  const got = parsed.doc.blocks;
  let k = 0;
  for (const p of probes) {
    if (p.block.kind === 'row' && got[k++]?.kind !== 'table') return false;
    if (!readsAs(got[k++], p)) return false;
  }
  return k === got.length;
}

/** Whether the block remark gave for a probe is the block the scan read. */
function readsAs(got: Block | undefined, p: Probe): boolean {
  const block = p.block;
  if (p.textOnly) return got?.kind === 'paragraph' && got.label === '' && got.text === block.text;
  if (!got || got.kind !== block.kind || got.label !== block.label || got.text !== block.text) return false;
  return sameStrings(got.cells, block.cells) && sameStrings(got.align, block.align);
}

function sameStrings(a: readonly (string | null)[] | undefined, b: readonly (string | null)[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
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
