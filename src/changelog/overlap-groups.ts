// Overlapping edits, grouped: the same relation as findConflicts (overlap.ts), but as connected groups found in
// O(n log n) time and O(n) space. 500 items that all replace one word are one group, not 124,750 pairs: a
// change log of any size is judged and reported without building anything quadratic.

import type { InsertOp, Op, TextOp } from './plan-types.js';
import { isRow } from './overlap.js';

/** Union-find over op indexes. */
class Groups {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[rb] = ra;
  }
}

const push = <K, V>(m: Map<K, V[]>, k: K, v: V): void => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

/**
 * Groups of two or more operations that overlap, directly or through each other, in the order of their first
 * operation. Every operation of a group overlaps at least one other of it, so no item of a group can be
 * applied.
 */
export function overlapGroups(ops: readonly Op[]): Op[][] {
  const uf = new Groups(ops.length);
  const inConflict = new Uint8Array(ops.length);
  const link = (a: number, b: number): void => {
    uf.union(a, b);
    inConflict[a] = 1;
    inConflict[b] = 1;
  };
  const fields = new Map<string, number[]>();
  const blocks = new Map<string, number[]>();
  const gaps = new Map<string, number[]>();
  ops.forEach((op, i) => {
    if (op.type === 'insert') return push(gaps, `${op.doc}\u0000${op.gap}`, i);
    const bk = `${op.doc}\u0000${op.block}`;
    push(blocks, bk, i);
    if (op.type === 'text' && !op.whole) push(fields, `${bk}\u0000${op.field}`, i);
  });

  for (const group of fields.values()) if (group.length > 1) linkRanges(group, ops as readonly TextOp[], link);

  // A whole-text edit or a deletion claims its block: it overlaps every other operation on the block.
  for (const group of blocks.values()) {
    const claim = group.find((i) => {
      const op = ops[i]!;
      return op.type === 'delete' || (op.type === 'text' && op.whole);
    });
    if (claim === undefined || group.length < 2) continue;
    for (const i of group) if (i !== claim) link(claim, i);
  }

  for (const group of gaps.values()) if (group.length > 1) linkInserts(group, ops as readonly InsertOp[], link);

  const byRoot = new Map<number, Op[]>();
  ops.forEach((op, i) => {
    if (inConflict[i]) push(byRoot, uf.find(i), op);
  });
  return [...byRoot.values()];
}

/**
 * Non-empty ranges sorted by start form one group while each starts before the furthest end so far (any two
 * ranges open at a point overlap each other). An insertion point overlaps the ranges that strictly contain it,
 * which is exactly when it lies strictly inside a group's span; insertion points at one position overlap.
 */
function linkRanges(group: readonly number[], ops: readonly TextOp[], link: (a: number, b: number) => void): void {
  const ranges = group.filter((i) => ops[i]!.start < ops[i]!.end).sort((x, y) => ops[x]!.start - ops[y]!.start || ops[x]!.end - ops[y]!.end);
  const spans: { start: number; end: number; first: number }[] = [];
  for (const i of ranges) {
    const op = ops[i]!;
    const last = spans[spans.length - 1];
    if (last && op.start < last.end) {
      link(last.first, i);
      last.end = Math.max(last.end, op.end);
    } else spans.push({ start: op.start, end: op.end, first: i });
  }
  const points = new Map<number, number>();
  for (const i of group) {
    const op = ops[i]!;
    if (op.start !== op.end) continue;
    const twin = points.get(op.start);
    if (twin !== undefined) link(twin, i);
    else points.set(op.start, i);
    // Binary search for the last span starting before the point.
    let lo = 0;
    let hi = spans.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.start < op.start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const span = spans[found];
    if (span && op.start < span.end) link(span.first, i);
  }
}

/**
 * Insertions at one gap (see findConflicts): two conflict when they come from different items, are alike (both
 * rows; or both blocks with the same anchor and side) and are not both placed by key.
 */
function linkInserts(group: readonly number[], ops: readonly InsertOp[], link: (a: number, b: number) => void): void {
  const alike = new Map<string, { keyed: number[]; unkeyed: number[] }>();
  for (const i of group) {
    const op = ops[i]!;
    const k = isRow(op) ? 'row' : `${op.anchor}\u0000${op.side}`;
    const set = alike.get(k) ?? alike.set(k, { keyed: [], unkeyed: [] }).get(k)!;
    (op.rowKey === null ? set.unkeyed : set.keyed).push(i);
  }
  // An unkeyed op conflicts with every op of another item; keyed ops only with unkeyed ones.
  for (const { keyed, unkeyed } of alike.values()) {
    linkAcrossItems(unkeyed, unkeyed, ops, link);
    linkAcrossItems(unkeyed, [...unkeyed, ...keyed], ops, link);
    linkAcrossItems(keyed, unkeyed, ops, link);
  }
}

/** Links each op of `from` to an op of `to` from another item, if there is one (two anchors suffice). */
function linkAcrossItems(from: readonly number[], to: readonly number[], ops: readonly Op[], link: (a: number, b: number) => void): void {
  if (from.length === 0) return;
  // Two ops of `to` with different items: whatever an op's item, one of them is from another item.
  const first = to[0];
  const other = to.find((i) => ops[i]!.item !== ops[first!]!.item);
  for (const i of from) {
    const partner = first !== undefined && ops[first]!.item !== ops[i]!.item ? first : other;
    if (partner !== undefined && ops[partner]!.item !== ops[i]!.item) link(i, partner);
  }
}
