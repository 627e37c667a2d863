// Finding blocks by ID across a set of documents.

import type { Block, SecDocument } from './types.js';
import { docId } from './doc-ref.js';
import { parseId } from './ids.js';
import { rangeIds } from './addresses.js';
import { inlineDefinitions } from './inline-definitions.js';
import { cellLimbs } from './limbs.js';

export interface Found {
  doc: SecDocument;
  /** Index of the block in doc.blocks (-1 when the ID names the whole document). */
  index: number;
  block: Block | null;
  cell?: string;
  /** A limb of a cell ('A1.1[Term](a)'): its label path and text as written. */
  limb?: { path: string; text: string; column: number };
  /** A term defined inline in the block ('G3.5/term[Applicant]'). */
  term?: string;
}

/** Resolves any accepted spelling of an ID against documents keyed by document ID ('Section G'). */
export function findBlock(docs: ReadonlyMap<string, SecDocument>, input: string): Found | null {
  const parsed = parseId(input);
  if (!parsed) return null;
  const doc = docs.get(docId(parsed.doc));
  if (!doc) return null;
  if (parsed.isDocument) return { doc, index: -1, block: null };
  let index = doc.blocks.findIndex((b) => b.id === parsed.id);
  // One of the later numbers of a 'Not used' range: the range's block.
  if (index < 0) index = doc.blocks.findIndex((b) => b.kind === 'clause' && b.text.startsWith('to ') && rangeIds(b).includes(parsed.id));
  if (index < 0) return null;
  const block = doc.blocks[index]!;
  const found: Found = { doc, index, block };
  if (parsed.cell !== undefined) found.cell = parsed.cell;
  if (parsed.term !== undefined) {
    const term = parsed.term.toLowerCase();
    const d = inlineDefinitions(block.text).find((x) => x.term.toLowerCase() === term);
    if (!d) return null;
    found.term = d.term;
  }
  if (parsed.limb !== undefined) {
    const columns = parsed.cell !== undefined ? [columnOf(doc, block, parsed.cell)] : (block.cells ?? []).map((_, i) => i).slice(1);
    for (const column of columns) {
      if (column < 0) continue;
      const limb = cellLimbs(block.cells?.[column] ?? '').find((l) => l.path === parsed.limb);
      if (limb) {
        found.limb = { path: limb.path, text: limb.text, column };
        return found;
      }
    }
    return null;
  }
  return found;
}

/** The column of a row's table whose heading reads `heading` (-1 when none). */
export function columnOf(doc: SecDocument, row: Block, heading: string): number {
  const table = doc.blocks.find((b) => b.id === row.table);
  const want = heading.trim().toLowerCase();
  return (table?.cells ?? []).findIndex((c) => c.replace(/[*_`]/g, '').trim().toLowerCase() === want);
}

/** The blocks of the clause that `index` starts or belongs to. */
export function clauseBlocks(doc: SecDocument, index: number): Block[] {
  const clause = doc.blocks[index]?.clause;
  if (clause === undefined) return [];
  const start = doc.blocks.findIndex((b) => b.clause === clause);
  const out: Block[] = [];
  for (let i = start; i < doc.blocks.length && doc.blocks[i]!.clause === clause; i++) out.push(doc.blocks[i]!);
  return out;
}

/** A block and everything nested under it: a sub-paragraph with its children, a table with its rows. */
export function subtree(doc: SecDocument, index: number): Block[] {
  const first = doc.blocks[index];
  if (!first) return [];
  if (first.clause === first.id) return clauseBlocks(doc, index);
  const out = [first];
  for (let i = index + 1; i < doc.blocks.length; i++) {
    const b = doc.blocks[i]!;
    if (first.kind === 'subpara' && ((b.kind === 'subpara' && b.depth > first.depth) || (b.kind === 'paragraph' && b.depth > 0 && b.depth >= first.depth))) out.push(b);
    else if (first.kind === 'table' && b.kind === 'row' && b.table === first.id) out.push(b);
    else break;
  }
  return out;
}
