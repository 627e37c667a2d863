// Finding blocks by ID across a set of documents.

import type { Block, SecDocument } from './types.js';
import { docId } from './doc-ref.js';
import { parseId } from './ids.js';

export interface Found {
  doc: SecDocument;
  /** Index of the block in doc.blocks (-1 when the ID names the whole document). */
  index: number;
  block: Block | null;
  cell?: string;
}

/** Resolves any accepted spelling of an ID against documents keyed by document ID ('Section G'). */
export function findBlock(docs: ReadonlyMap<string, SecDocument>, input: string): Found | null {
  const parsed = parseId(input);
  if (!parsed) return null;
  const doc = docs.get(docId(parsed.doc));
  if (!doc) return null;
  if (parsed.isDocument) return { doc, index: -1, block: null };
  const index = doc.blocks.findIndex((b) => b.id === parsed.id);
  if (index < 0) return null;
  const found: Found = { doc, index, block: doc.blocks[index]! };
  if (parsed.cell !== undefined) found.cell = parsed.cell;
  return found;
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
    if (first.kind === 'subpara' && b.kind === 'subpara' && b.depth > first.depth) out.push(b);
    else if (first.kind === 'table' && b.kind === 'row' && b.table === first.id) out.push(b);
    else break;
  }
  return out;
}
