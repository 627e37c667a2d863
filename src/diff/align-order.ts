// Turns a set of old↔new pairings into one sequence in new-document order, with every unpaired old item
// placed where it stood. Used for clauses within a document, blocks within a clause and columns within a table.
//
// Pairings may cross (a clause moved up, a block matched by content across an ID match). Only the longest
// order-preserving subset of pairs serves as anchors for placing deleted items; the others are reported as
// out of order, which is what tells a move from a renumbering.

/** One step of a merged sequence: an index on either side, -1 where the item does not exist. */
export interface Step {
  old: number;
  new: number;
}

export interface Merged {
  steps: Step[];
  /** New indices whose pairing is not part of the longest order-preserving subset (moved). */
  outOfOrder: Set<number>;
}

/**
 * Indices (into `values`) of one longest strictly increasing subsequence, O(n log n). Ties keep the earliest
 * tails, which favours leaving the later of two swapped items out.
 */
export function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = []; // tails[k]: index into values of the smallest tail of an increasing run of length k+1
  const prev = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  let k = tails.length ? tails[tails.length - 1]! : -1;
  while (k >= 0) {
    out.push(k);
    k = prev[k]!;
  }
  return out.reverse();
}

/**
 * `newToOld[n]` is the old index paired with new index n, or -1. Every old index appears at most once.
 * Deleted old items go right after the new position of the nearest earlier old item that is an in-order
 * anchor (before any inserted items there: a replacement reads as deletion then insertion).
 */
export function mergeInNewOrder(oldLength: number, newToOld: ArrayLike<number>): Merged {
  const newLength = newToOld.length;
  const pairedNew: number[] = [];
  const pairedOld: number[] = [];
  const oldToNew = new Int32Array(oldLength).fill(-1);
  for (let n = 0; n < newLength; n++) {
    const o = newToOld[n]!;
    if (o >= 0) {
      pairedNew.push(n);
      pairedOld.push(o);
      oldToNew[o] = n;
    }
  }
  const keep = longestIncreasing(pairedOld);
  const isAnchor = new Uint8Array(newLength);
  for (const k of keep) isAnchor[pairedNew[k]!] = 1;
  const outOfOrder = new Set<number>();
  for (const n of pairedNew) if (!isAnchor[n]) outOfOrder.add(n);

  // Deleted items grouped by the new index they follow (-1: before everything).
  const after = new Map<number, number[]>();
  let anchorNew = -1;
  for (let o = 0; o < oldLength; o++) {
    const n = oldToNew[o]!;
    if (n >= 0) {
      if (isAnchor[n]) anchorNew = n;
      continue;
    }
    let list = after.get(anchorNew);
    if (!list) after.set(anchorNew, (list = []));
    list.push(o);
  }
  const steps: Step[] = [];
  const flush = (n: number): void => {
    for (const o of after.get(n) ?? []) steps.push({ old: o, new: -1 });
  };
  flush(-1);
  for (let n = 0; n < newLength; n++) {
    steps.push({ old: newToOld[n]!, new: n });
    flush(n);
  }
  return { steps, outOfOrder };
}
