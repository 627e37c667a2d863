// Conflicts between the modifications of a release. Each modification is valid on its own (apply checks
// that); what the release adds is the question whether they can all be made to the same baseline:
//
//   overlap  two modifications change overlapping text of one field (or insert at the same point of it);
//   rewrite  one rewrites, renames or deletes a block that the other edits (or also rewrites or deletes);
//   anchor   an edit is placed against words or a block that another modification changes or deletes;
//   id       two modifications insert a clause under the same new ID (G3.5A twice), or a row under one key.
//
// Edits to one clause that touch different text are not conflicts: they compose (compose.ts). Insertions at
// one place that claim different IDs compose in release order. An ID collision of inserted clauses can be
// resolved by re-lettering the later one (`reletter`), which the result records so the report can say which
// ID became which.

import type { Block } from '../model/types.js';
import { idPrefix, nextInsertedNumber, nextLabel, rowKey } from '../model/index.js';
import { findConflicts, rangesOverlap, type DocLookup, type InsertOp, type Op, type TextOp } from '../changelog/index.js';
import { anchorsOf, type Anchor } from './anchors.js';
import type { Planned, ReleaseOp } from './plan.js';

export type ConflictKind = 'overlap' | 'rewrite' | 'anchor' | 'id';

export interface ReleaseConflict {
  kind: ConflictKind;
  /**
   * overlap: the two sides in release order. rewrite: `a` rewrites or deletes the block. anchor: `a` is the
   * anchored edit, `b` changes its anchor. id: `a` inserts the ID first in release order.
   */
  a: ReleaseOp;
  b: ReleaseOp;
  doc: string;
  /** The baseline block the conflict is about (for id: the block the insertions are anchored to). */
  block: number;
  /** id: the new ID both claim. */
  id?: string;
  /** anchor: the anchor phrase (absent for a block anchor). */
  anchor?: Anchor;
}

export interface Reletter {
  /** The later insertion, re-lettered. */
  rop: ReleaseOp;
  /** The earlier one that keeps the ID. */
  first: ReleaseOp;
  from: string;
  to: string;
}

export interface ConflictResult {
  /** The operations to compose: re-lettered where `reletter` resolved an ID collision. */
  ops: ReleaseOp[];
  conflicts: ReleaseConflict[];
  reletters: Reletter[];
}

export function findReleaseConflicts(planned: Planned, options: { reletter?: boolean } = {}): ConflictResult {
  const conflicts: ReleaseConflict[] = [];
  const seen = new Set<string>();
  const editIds = new Map<object, number>();
  const editId = (r: ReleaseOp): number => editIds.get(r.edit) ?? editIds.set(r.edit, editIds.size).get(r.edit)!;
  const add = (c: ReleaseConflict): void => {
    // One report per pair of edits and kind (a replace-all or a clause deletion makes many operations).
    const key = `${c.kind}\u0000${editId(c.a)}\u0000${editId(c.b)}`;
    if (seen.has(key)) return;
    seen.add(key);
    conflicts.push(c);
  };

  const { ops, reletters } = claimIds(planned, !!options.reletter, add);

  // Overlapping ranges and whole-block claims, between different modifications only (each modification's
  // own edits were checked against one another when its change log was validated).
  const owner = new Map<Op, ReleaseOp>(ops.map((r) => [r.op, r]));
  for (const { a, b } of findConflicts(ops.map((r) => r.op))) {
    const ra = owner.get(a)!;
    const rb = owner.get(b)!;
    if (ra.mod === rb.mod) continue;
    if (a.type === 'insert' || b.type === 'insert') continue; // claims of one ID are handled above; other insertions compose
    const claimA = isClaim(a);
    const claimB = isClaim(b);
    if (claimA || claimB) {
      const [x, y] = claimA && (!claimB || ra.mod.order <= rb.mod.order) ? [ra, rb] : [rb, ra];
      add({ kind: 'rewrite', a: x, b: y, doc: a.doc, block: (x.op as TextOp).block });
    } else {
      const [x, y] = ra.mod.order <= rb.mod.order ? [ra, rb] : [rb, ra];
      add({ kind: 'overlap', a: x, b: y, doc: a.doc, block: (a as TextOp).block });
    }
  }

  // Anchors changed or deleted by another modification.
  const byBlock = new Map<string, ReleaseOp[]>();
  for (const r of ops) {
    if (r.op.type === 'insert') continue;
    const k = `${r.op.doc}\u0000${r.op.block}`;
    (byBlock.get(k) ?? byBlock.set(k, []).get(k)!).push(r);
  }
  for (const r of ops) {
    for (const anchor of anchorsOf(r)) {
      for (const other of byBlock.get(`${anchor.doc}\u0000${anchor.block}`) ?? []) {
        if (other.mod === r.mod) continue;
        if (anchor.type === 'text') {
          const o = other.op;
          // A rewrite or deletion of the whole block is reported as such against the edit itself.
          if (o.type !== 'text' || o.whole || o.field !== anchor.field) continue;
          if (rangesOverlap(anchor, o)) add({ kind: 'anchor', a: r, b: other, doc: anchor.doc, block: anchor.block, anchor });
        } else if (other.op.type === 'delete' || (other.op.type === 'text' && other.op.whole && other.edit.kind === 'delete-clause')) {
          add({ kind: 'anchor', a: r, b: other, doc: anchor.doc, block: anchor.block, anchor });
        }
      }
    }
  }
  conflicts.sort((x, y) => x.a.mod.order - y.a.mod.order || x.a.edit.pos.line - y.a.edit.pos.line || x.b.mod.order - y.b.mod.order || x.b.edit.pos.line - y.b.edit.pos.line);
  return { ops, conflicts, reletters };
}

/** A rewrite, rename or 'Not used' of a whole block, or a deletion: nothing else may touch the block. */
function isClaim(op: Op): boolean {
  return op.type === 'delete' || (op.type === 'text' && op.whole);
}

interface Claim {
  id: string;
  /** Re-lettering is possible for inserted clauses and sub-paragraphs, never for rows (a key is the text). */
  kind: 'clause' | 'subpara' | 'row';
}

/** The ID a new clause, sub-paragraph or row will have, computed the way insert-clause numbered it. */
export function claimOf(op: InsertOp, index: DocLookup): Claim | null {
  const first = op.blocks[0];
  if (!first) return null;
  if (first.kind === 'row') {
    const header = tableHeader(index, op.gap - 1);
    if (!header) return null;
    return { id: rowId(index, header, rowKey(first.cells?.[0] ?? '')), kind: 'row' };
  }
  if (op.edit.kind !== 'insert-clause') return null;
  if (first.kind === 'subpara') {
    const anchor = index.block(op.anchor);
    const parent = anchor.id.endsWith(anchor.label) ? anchor.id.slice(0, anchor.id.length - anchor.label.length) : anchor.id;
    return { id: parent + first.label, kind: 'subpara' };
  }
  return { id: idPrefix(index.doc.meta) + first.label, kind: 'clause' };
}

function tableHeader(index: DocLookup, from: number): { block: Block; at: number } | null {
  for (let j = from; j >= 0; j--) {
    const b = index.block(j);
    if (b.kind === 'table') return { block: b, at: j };
    if (b.kind !== 'row') return null;
  }
  return null;
}

/** A new row's ID, shaped like the table's existing rows ('A1.1[SM WAN]', 'Appendix AD 3.5.10[E64]'). */
function rowId(index: DocLookup, header: { block: Block; at: number }, key: string): string {
  const sample = index.blocks[header.at + 1];
  if (sample && sample.kind === 'row' && sample.table === header.block.id) return sample.id.replace(/\[[^\]]*\]$/, `[${key}]`);
  return `${header.block.id}[${key}]`;
}

/** Finds insertions of different modifications claiming one ID; re-letters the later ones when asked. */
function claimIds(planned: Planned, reletter: boolean, add: (c: ReleaseConflict) => void): { ops: ReleaseOp[]; reletters: Reletter[] } {
  const ops = [...planned.ops];
  const reletters: Reletter[] = [];
  const claimed = new Map<string, number>(); // doc + ID → index in ops of the first claim
  const taken = (doc: string, id: string): boolean => planned.indexes.get(doc)!.byId.has(id) || claimed.has(`${doc}\u0000${id}`);
  ops.forEach((r, i) => {
    if (r.op.type !== 'insert') return;
    const index = planned.indexes.get(r.op.doc);
    if (!index) return;
    const claim = claimOf(r.op, index);
    if (!claim) return;
    const key = `${r.op.doc}\u0000${claim.id}`;
    const firstAt = claimed.get(key);
    if (firstAt === undefined) {
      claimed.set(key, i);
      return;
    }
    const first = ops[firstAt]!;
    if (first.mod === r.mod) return; // one modification's own insertions were checked with its change log
    const label = reletter && claim.kind !== 'row' ? freeLabel(r.op, claim, (id) => taken(r.op.doc, id)) : null;
    if (label === null) {
      add({ kind: 'id', a: first, b: r, doc: r.op.doc, block: r.op.anchor, id: claim.id });
      return;
    }
    const moved: InsertOp = { ...r.op, blocks: [{ ...r.op.blocks[0]!, label }, ...r.op.blocks.slice(1)] };
    const to = claimOf(moved, index)!.id;
    ops[i] = { ...r, op: moved };
    claimed.set(`${r.op.doc}\u0000${to}`, i);
    reletters.push({ rop: ops[i]!, first, from: claim.id, to });
  });
  return { ops, reletters };
}

/** The next label after the claimed one that nothing in the baseline or the release has taken. */
function freeLabel(op: InsertOp, claim: Claim, isTaken: (id: string) => boolean): string | null {
  const first = op.blocks[0]!;
  const base = claim.id.slice(0, claim.id.length - first.label.length);
  let label: string | null = first.label;
  for (let guard = 0; guard < 100 && label !== null; guard++) {
    label = claim.kind === 'subpara' ? nextLabel(label, first.depth) : nextInsertedNumber(label);
    if (label !== null && !isTaken(base + label)) return label;
  }
  return null;
}
