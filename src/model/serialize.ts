// Canonical Markdown for a document: front matter, then one line per block, one blank line between blocks,
// none between the items of one list or the lines of one table. parse(serialize(d)) reproduces d.

import type { Block, SecDocument } from './types.js';
import { serializeFrontMatter } from './front-matter.js';
import { delimiterCell } from './table-syntax.js';

type BlockShape = Pick<Block, 'kind' | 'label' | 'depth' | 'text' | 'cells' | 'align'>;

/** The lines a block is written as. */
export function blockLines(b: BlockShape): string[] {
  const lines = [''];
  eachLinePart(
    b,
    (part) => {
      lines[lines.length - 1] += part;
      return true;
    },
    () => lines.push('') > 0,
  );
  return lines;
}

/**
 * A block's lines as the parts each is made of, in order: `take` gets each part, `br` stands between two lines;
 * either may stop the walk by returning false (the result). The one definition of how a block is written:
 * blockLines joins the parts into lines, serializesTo compares them with a text where they must stand.
 */
function eachLinePart(b: BlockShape, take: (part: string) => boolean, br: () => boolean): boolean {
  switch (b.kind) {
    case 'heading':
      return take('#'.repeat(b.depth)) && take(' ') && labelled(b.label, b.text, take);
    case 'clause':
      return labelled(b.label, b.text, take);
    case 'subpara':
      return take('  '.repeat(Math.max(0, b.depth - 1))) && take('- ') && labelled(b.label, b.text, take);
    case 'paragraph': {
      // A continuation paragraph is indented to its list item's text (two spaces a level); a paragraph kept
      // verbatim may span several lines, each indented alike (an empty line is not indented).
      const indent = '  '.repeat(Math.max(0, b.depth));
      if (!b.label.includes('\n') && !b.text.includes('\n')) {
        if (b.label === '' && b.text === '') return take('');
        return take(indent) && labelled(b.label, b.text, take);
      }
      const lines = (b.label && b.text ? `${b.label} ${b.text}` : b.label || b.text).split('\n');
      for (let k = 0; k < lines.length; k++) {
        const line = lines[k]!;
        if ((k > 0 && !br()) || !take(indent && line !== '' ? indent + line : line)) return false;
      }
      return true;
    }
    case 'table': {
      const cells = b.cells ?? [];
      return rowParts(cells, take) && br() && rowParts(cells.map((_, i) => delimiterCell(b.align?.[i] ?? null)), take);
    }
    case 'row':
      return rowParts(b.cells ?? [], take);
  }
}

/** 'label text', or whichever of the two there is. */
function labelled(label: string, text: string, take: (part: string) => boolean): boolean {
  return label && text ? take(label) && take(' ') && take(text) : take(label || text);
}

/** A table line, '| a | b |', as rowLine writes it (table-syntax.ts). */
function rowParts(cells: readonly string[], take: (part: string) => boolean): boolean {
  if (!take('| ')) return false;
  for (let i = 0; i < cells.length; i++) if ((i > 0 && !take(' | ')) || !take(cells[i]!)) return false;
  return take(' |');
}

/** blockLines(b).length, without building the lines (read-amended.ts places every block of a document). */
export function blockLineCount(b: Pick<Block, 'kind' | 'label' | 'text'>): number {
  if (b.kind === 'table') return 2;
  // Only a paragraph kept verbatim spans lines: one more for each line break in its label and text.
  return b.kind === 'paragraph' ? 1 + newlines(b.label) + newlines(b.text) : 1;
}

function newlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The column where the text of blockLines(b)[0] starts, as the line scan reports it: after a list item's
 * indentation, or a continuation paragraph's (two spaces a level); else the first column.
 */
export function blockColumn(b: Pick<Block, 'kind' | 'depth'>): number {
  if (b.kind === 'subpara') return 2 * Math.max(0, b.depth - 1) + 1;
  if (b.kind === 'paragraph' && b.depth > 0) return 2 * b.depth + 1;
  return 1;
}

/**
 * Where each block's first line falls in serializeDocument of a document with these blocks: line (1-based) and
 * column, as the line scan reports them, in pairs (line of block k at 2k, column at 2k + 1). Counted, not
 * serialized: an amended document's blocks are placed without writing it out.
 */
export function blockPositions(meta: SecDocument['meta'], blocks: readonly Pick<Block, 'kind' | 'label' | 'depth' | 'text'>[]): Int32Array {
  const out = new Int32Array(2 * blocks.length);
  let line = serializeFrontMatter(meta).split('\n').length + 1;
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (k > 0) line += joined(blocks[k - 1]!, b) ? 1 : 2;
    out[2 * k] = line;
    out[2 * k + 1] = blockColumn(b);
    line += blockLineCount(b) - 1;
  }
  return out;
}

/** Whether `next` continues the same list or table as `prev` (no blank line between them). */
export function joined(prev: Pick<Block, 'kind'>, next: Pick<Block, 'kind'>): boolean {
  if (next.kind === 'row') return prev.kind === 'table' || prev.kind === 'row';
  return next.kind === 'subpara' && prev.kind === 'subpara';
}

/**
 * The text of serializeBlocks(blocks), piece by piece in order (separators and lines), until `take` returns
 * false; returns whether every piece was taken. The one definition of the layout: serializeBlocks joins the
 * pieces, serializesTo compares them with a text as they come.
 */
function eachPiece(blocks: readonly Block[], take: (piece: string) => boolean): boolean {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (i > 0 && !take(joined(blocks[i - 1]!, b) ? '\n' : '\n\n')) return false;
    if (!eachLinePart(b, take, () => take('\n'))) return false;
  }
  return true;
}

export function serializeBlocks(blocks: readonly Block[]): string {
  let out = '';
  eachPiece(blocks, (piece) => {
    out += piece;
    return true;
  });
  return out;
}

export function serializeDocument(doc: SecDocument): string {
  const body = serializeBlocks(doc.blocks);
  return serializeFrontMatter(doc.meta) + (body ? `\n${body}\n` : '');
}

/**
 * serializeDocument(doc) === text, without building the serialization: each piece is compared where it must
 * stand, and the first that differs ends the comparison. Reading a canonical file proves it this way (a 30 MB
 * SEC would otherwise be written out again in memory just to be compared).
 */
export function serializesTo(doc: SecDocument, text: string): boolean {
  const head = serializeFrontMatter(doc.meta);
  if (!text.startsWith(head)) return false;
  let at = head.length;
  if (at === text.length) return eachPiece(doc.blocks, (piece) => piece === ''); // an empty body adds nothing
  // A body: '\n', its pieces, '\n' (and it is not empty, or serializeDocument would have added nothing).
  if (text.charCodeAt(at) !== 10) return false;
  at++;
  const start = at;
  const all = eachPiece(doc.blocks, (piece) => {
    // A slice compared whole: V8's startsWith with a position is several times slower on long texts.
    if (text.slice(at, at + piece.length) !== piece) return false;
    at += piece.length;
    return true;
  });
  return all && at > start && at === text.length - 1 && text.charCodeAt(at) === 10;
}
