// Two edits that touch the same text cannot both be applied: the result would depend on their order, and the
// drafter meant one of them to see the other's text. Such pairs are reported (both items named) and neither
// item is applied. Edits that touch different ranges of one block compose.

import { LABEL_FIELD, type DeleteOp, type InsertOp, type Op, type TextOp } from './plan-types.js';

export interface Conflict {
  a: Op;
  b: Op;
}

/** Whether two text ranges of one field overlap (an insertion point inside the other range counts). */
export function rangesOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const aEmpty = a.start === a.end;
  const bEmpty = b.start === b.end;
  if (aEmpty && bEmpty) return a.start === b.start;
  if (aEmpty) return b.start < a.start && a.start < b.end;
  if (bEmpty) return a.start < b.start && b.start < a.end;
  return Math.max(a.start, b.start) < Math.min(a.end, b.end);
}

export function findConflicts(ops: readonly Op[]): Conflict[] {
  const conflicts: Conflict[] = [];
  const texts = new Map<string, TextOp[]>();
  const perBlock = new Map<string, { whole: TextOp[]; texts: TextOp[]; labels: TextOp[]; deletes: DeleteOp[] }>();
  const gaps = new Map<string, InsertOp[]>();
  for (const op of ops) {
    if (op.type === 'insert') {
      const k = `${op.doc}\u0000${op.gap}`;
      (gaps.get(k) ?? gaps.set(k, []).get(k)!).push(op);
      continue;
    }
    const bk = `${op.doc}\u0000${op.block}`;
    const entry = perBlock.get(bk) ?? perBlock.set(bk, { whole: [], texts: [], labels: [], deletes: [] }).get(bk)!;
    if (op.type === 'delete') entry.deletes.push(op);
    else {
      // A renumbering touches only the number: it conflicts with another renumbering or a deletion, not with
      // edits of the text.
      if (op.field === LABEL_FIELD) entry.labels.push(op);
      else entry.texts.push(op);
      if (op.whole) entry.whole.push(op);
      const fk = `${bk}\u0000${op.field}`;
      (texts.get(fk) ?? texts.set(fk, []).get(fk)!).push(op);
    }
  }

  // Ranges within one field: sort, then compare each op with the earlier ones still open.
  for (const group of texts.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((x, y) => x.start - y.start || x.end - y.end);
    const open: TextOp[] = [];
    for (const op of sorted) {
      for (let i = open.length - 1; i >= 0; i--) if (open[i]!.end < op.start) open.splice(i, 1);
      for (const prev of open) if (!prev.whole && !op.whole && rangesOverlap(prev, op)) conflicts.push({ a: prev, b: op });
      open.push(op);
    }
  }
  // Whole-text edits and deletions claim the whole block.
  for (const { whole, texts: all, labels, deletes } of perBlock.values()) {
    for (const d of deletes) for (const l of labels) conflicts.push({ a: d, b: l });
    const claims: Op[] = [...whole, ...deletes];
    for (const c of claims) {
      for (const other of [...all, ...deletes]) {
        if (other === c) continue;
        // Report each pair once: claims before other claims by position in `claims`.
        if (claims.includes(other) && claims.indexOf(other) < claims.indexOf(c)) continue;
        conflicts.push({ a: c, b: other });
      }
    }
  }
  // Insertions at one place from different items anchored alike (both after the same block, or both before
  // it): their order would be a guess. Rows placed by key order are the exception (the key decides), as are
  // several insertions of one item (its edit order decides) and different anchors (see orderInserts).
  for (const group of gaps.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        if (a.item === b.item) continue;
        if (a.rowKey !== null && b.rowKey !== null) continue;
        if (isRow(a) !== isRow(b)) continue; // rows of a table always come before what follows the table
        if (!isRow(a) && (a.anchor !== b.anchor || a.side !== b.side)) continue;
        conflicts.push({ a, b });
      }
    }
  }
  return conflicts;
}

export function isRow(op: InsertOp): boolean {
  return op.blocks[0]?.kind === 'row';
}
