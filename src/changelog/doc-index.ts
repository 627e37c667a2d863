// Looking blocks up by ID in the documents a change log is applied to, and the extents edits work on:
// a clause's blocks, a sub-paragraph with the ones nested under it, a table with its rows.

import type { Block, SecDocument } from '../model/types.js';
import { docId } from '../model/index.js';
import { basename } from 'node:path';

/**
 * What a caller outside the change-log planner may ask of an indexed document (a release's conflict messages
 * and impact matrix): read-only lookups, never the planner's bookkeeping.
 */
export interface DocLookup {
  readonly id: string;
  readonly doc: SecDocument;
  readonly byId: ReadonlyMap<string, number>;
  readonly blocks: readonly Block[];
  block(i: number): Block;
  where(i: number): string;
}

/** One index per document, keyed by document ID ('Section G'). */
export function indexDocuments(docs: ReadonlyMap<string, SecDocument>): Map<string, DocIndex> {
  const indexes = new Map<string, DocIndex>();
  for (const doc of docs.values()) indexes.set(docId(doc.meta), new DocIndex(doc));
  return indexes;
}

/** The same indexes, as read-only lookups: what the public index (src/changelog/index.ts) hands out. */
export function lookupDocuments(docs: ReadonlyMap<string, SecDocument>): ReadonlyMap<string, DocLookup> {
  return indexDocuments(docs);
}

export class DocIndex implements DocLookup {
  readonly id: string;
  readonly byId = new Map<string, number>();
  /**
   * IDs that edits planned so far insert, with a description of the edit ('item 3, edit 2'): the next insertion
   * at the same place numbers on from them (G3.5A, then G3.5B) and an explicit `id` may not repeat one.
   */
  readonly planned = new Map<string, string>();

  constructor(readonly doc: SecDocument) {
    this.id = docId(doc.meta);
    doc.blocks.forEach((b, i) => {
      if (!this.byId.has(b.id)) this.byId.set(b.id, i);
    });
  }

  get blocks(): Block[] {
    return this.doc.blocks;
  }

  block(i: number): Block {
    return this.doc.blocks[i]!;
  }

  /** 'sections/section-G.md:40' — where a block is, for messages. */
  where(i: number): string {
    return `${this.doc.file}:${this.block(i).line}`;
  }

  fileName(): string {
    return basename(this.doc.file);
  }

  /** End (exclusive) of the clause that block `i` starts: every block whose `clause` is its ID. */
  clauseEnd(i: number): number {
    const id = this.block(i).id;
    let j = i + 1;
    while (j < this.blocks.length && this.block(j).clause === id) j++;
    return j;
  }

  /** End (exclusive) of a sub-paragraph and the sub-paragraphs nested under it. */
  subtreeEnd(i: number): number {
    const depth = this.block(i).depth;
    let j = i + 1;
    // Nested items, and continuation paragraphs of this item (same depth) or of nested ones.
    const nested = (b: Block): boolean => (b.kind === 'subpara' && b.depth > depth) || (b.kind === 'paragraph' && b.depth > 0 && b.depth >= depth);
    while (j < this.blocks.length && nested(this.block(j))) j++;
    return j;
  }

  /** End (exclusive) of a table: its header and every row. */
  tableEnd(i: number): number {
    const id = this.block(i).id;
    let j = i + 1;
    while (j < this.blocks.length && this.block(j).kind === 'row' && this.block(j).table === id) j++;
    return j;
  }

  /** Whether block `i` starts a clause (a numbered block or an unnumbered heading). */
  startsClause(i: number): boolean {
    return this.block(i).clause === this.block(i).id && this.block(i).kind !== 'row';
  }

  /**
   * The extent an edit "after X" skips: a clause with its blocks (and, for a numbered clause, the numbered
   * clauses below it such as 3.8.17.1 under 3.8.17), a sub-paragraph with its children, a table with its rows,
   * otherwise the block alone.
   */
  extentEnd(i: number): number {
    const b = this.block(i);
    if (b.kind === 'table') return this.tableEnd(i);
    if (b.kind === 'subpara') return this.subtreeEnd(i);
    if (!this.startsClause(i)) return i + 1;
    let end = this.clauseEnd(i);
    if (b.label !== '') {
      while (end < this.blocks.length && isDescendantNumber(b.label, this.block(end).label) && this.startsClause(end)) {
        end = this.clauseEnd(end);
      }
    }
    return end;
  }

  /** The blocks of a clause ID, or of the single block when the ID is not a clause's first block. */
  scope(i: number): number[] {
    const end = this.startsClause(i) ? this.clauseEnd(i) : this.block(i).kind === 'table' ? this.tableEnd(i) : this.block(i).kind === 'subpara' ? this.subtreeEnd(i) : i + 1;
    const out: number[] = [];
    for (let j = i; j < end; j++) out.push(j);
    return out;
  }

  /** Rows of the table whose header block is at `t`. */
  rows(t: number): number[] {
    const out: number[] = [];
    for (let j = t + 1; j < this.tableEnd(t); j++) out.push(j);
    return out;
  }
}

/** '3.8.17.1' is below '3.8.17'; 'G3.5.1' below 'G3.5'; 'G3.5A' is not below 'G3.5'. */
export function isDescendantNumber(parent: string, child: string): boolean {
  return child.length > parent.length + 1 && child.startsWith(`${parent}.`);
}

/** 'sections/section-M.md:12, :40, :52' — several places in one file, compactly; at most `max` shown. */
export function listPlaces(places: readonly { file: string; line: number }[], max = 8): string {
  // Several matches on one line are one place with a count: 'sections/appendix-AD.md:265 ×2' (no parentheses:
  // the list itself usually stands in parentheses).
  const merged: { file: string; line: number; n: number }[] = [];
  for (const p of places) {
    const last = merged[merged.length - 1];
    if (last && last.file === p.file && last.line === p.line) last.n++;
    else merged.push({ ...p, n: 1 });
  }
  const parts: string[] = [];
  let lastFile = '';
  for (const p of merged.slice(0, max)) {
    parts.push(`${p.file === lastFile ? '' : p.file}:${p.line}${p.n > 1 ? ` ×${p.n}` : ''}`);
    lastFile = p.file;
  }
  if (merged.length > max) parts.push(`… ${merged.length - max} more`);
  return parts.join(', ');
}
