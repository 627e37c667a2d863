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
    for (const text of b.cells ?? [b.text]) {
      if (!text.includes('[^')) continue;
      for (const m of text.matchAll(FOOTNOTE_REF)) if (!refs.includes(m[1]!)) refs.push(m[1]!);
    }
  }
  return defs.length === refs.length && defs.every((d, i) => d === String(i + 1) && refs[i] === d);
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
 * Verdicts of agreesWithParser by block content. One process often reads the same blocks several times (the
 * two versions of a document, then an amended one read back, the changed blocks of a diff); the verdict depends
 * only on the content.
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 200_000;

/** Re-reads one block through remark, in a document of its own, and says whether it comes out the same. */
export function agreesWithParser(meta: DocMeta, block: Block): boolean {
  // The verdict depends on the block's text and kind and on whether it is a clause of an inner appendix (read
  // as text only), not on where it stands: identical blocks (repeated rows, 'Not used') are parsed once.
  const inner = block.kind === 'clause' && scopeOfId(docId(meta), block.id) !== '';
  const key = `${meta.kind}\u0000${meta.code}\u0000${meta.title}\u0000${block.kind}\u0000${block.label}\u0000${block.depth}\u0000${inner ? 1 : 0}\u0000${block.text}\u0000${(block.cells ?? []).join('\u0001')}\u0000${(block.align ?? []).join('\u0001')}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = parserVerdict(meta, block, inner);
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

function parserVerdict(meta: DocMeta, original: Block, inner: boolean): boolean {
  // Footnote references are read as such only where the footnote is defined, and the parser numbers footnotes
  // in order of reference: the block is checked with its references numbered 1, 2, … and those defined.
  const { block, defs } = withOwnFootnotes(original);
  let body: string;
  // Text whose block kind the scan decided from its place (a footnote, a continuation paragraph, a clause of an
  // inner appendix) is checked as a paragraph of its own: only its inline text is in question.
  const textOnly = isFootnote(block) || (block.kind === 'paragraph' && block.depth > 0) || inner;
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
  const parsed = parseDocument(`${serializeFrontMatter(meta)}\n${body}\n${defs}`, 'block.md');
  if (parsed.problems.length || !parsed.doc) return false;
  const got = parsed.doc.blocks[block.kind === 'row' ? 1 : 0];
  if (textOnly) {
    return parsed.doc.blocks.filter((b) => !isFootnote(b)).length === 1 && got?.kind === 'paragraph' && got.label === '' && got.text === block.text;
  }
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
