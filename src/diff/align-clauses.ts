// Pairs the clauses of two versions of one document. IDs are stable SEC numbers, so the ID is the first
// key; content decides only where IDs cannot (moves, renumberings, shifted implicit IDs).
//
//   1. same ID, identical blocks                          → unchanged (the bulk of any real diff; cheap)
//   2. identical substantial content under another ID     → moved / renumbered (moves.ts), when detectMoves
//   3. identical content, both unnumbered (cross-headings whose implicit '/heading2' shifted) → unchanged
//   4. in each gap between in-order pairs where numbers shifted: the order-preserving pairing by similarity
//      (align-similar.ts), same ID favoured       → changed, or renumbered with its word changes
//   5. same ID                                            → changed
//   6. the rest                                           → inserted / deleted
// The pairs are then merged into new-document order (align-order.ts); a content pairing that keeps its place
// among the others is a renumbering, one out of order is a move.

import { mergeInNewOrder } from './align-order.js';
import { identicalClauses, type ClauseGroup } from './clauses.js';
import { findMoves } from './moves.js';
import { pairSimilar, type WholeDocument } from './align-similar.js';

export type ClausePairing = 'id' | 'content' | 'moved' | 'renumbered';

export interface ClauseStep {
  old: ClauseGroup | null;
  new: ClauseGroup | null;
  /** How the two were paired (absent for an insertion or deletion). */
  via?: ClausePairing;
}

export interface AlignClauseOptions {
  detectMoves: boolean;
  /**
   * For callers that pass only some of a document's clauses (the tree diff passes only those whose text
   * changed): whether a clause left out has the same text as this move candidate, which makes the move
   * ambiguous.
   */
  movedTextElsewhere?: (oldClause: ClauseGroup, newClause: ClauseGroup) => boolean;
  /**
   * For the same callers: where the clauses passed sit in the whole document (their indices there) and the
   * unchanged clauses left out (whole-document newToOld, -1 elsewhere), so renumbering by similarity sees the
   * same gaps between unchanged clauses as when every clause is passed.
   */
  whole?: WholeDocument;
}

export type PairHow = 'id' | 'content' | 'move' | 'similar';

export interface ClausePairs {
  /** Old index paired with each new index, or -1. */
  newToOld: Int32Array;
  /** How each paired new index was paired. */
  via: Map<number, PairHow>;
}

export function alignClauses(
  oldClauses: readonly ClauseGroup[],
  newClauses: readonly ClauseGroup[],
  options: AlignClauseOptions,
): ClauseStep[] {
  const { newToOld, via } = pairClauses(oldClauses, newClauses, options);
  const merged = mergeInNewOrder(oldClauses.length, newToOld);
  return merged.steps.map((s): ClauseStep => {
    const oldC = s.old >= 0 ? oldClauses[s.old]! : null;
    const newC = s.new >= 0 ? newClauses[s.new]! : null;
    if (!oldC || !newC) return { old: oldC, new: newC };
    return { old: oldC, new: newC, via: pairingOf(via.get(s.new)!, merged.outOfOrder.has(s.new)) };
  });
}

/** A content pairing under another ID that keeps its place is a renumbering; out of order, a move. */
export function pairingOf(how: PairHow, outOfOrder: boolean): ClausePairing {
  if (how === 'similar') return outOfOrder ? 'moved' : 'renumbered';
  return how === 'move' ? (outOfOrder ? 'moved' : 'renumbered') : how;
}

export function pairClauses(oldClauses: readonly ClauseGroup[], newClauses: readonly ClauseGroup[], options: AlignClauseOptions): ClausePairs {
  const newToOld = new Int32Array(newClauses.length).fill(-1);
  const oldToNew = new Int32Array(oldClauses.length).fill(-1);
  const via = new Map<number, PairHow>();
  const pair = (o: number, n: number, how: PairHow): void => {
    newToOld[n] = o;
    oldToNew[o] = n;
    via.set(n, how);
  };
  const oldById = new Map<string, number>();
  oldClauses.forEach((c, i) => {
    if (!oldById.has(c.id)) oldById.set(c.id, i);
  });

  // 1. Same ID, identical.
  newClauses.forEach((c, n) => {
    const o = oldById.get(c.id);
    if (o !== undefined && oldToNew[o]! < 0 && identicalClauses(oldClauses[o]!, c)) pair(o, n, 'id');
  });

  // 2. Moves and renumberings.
  if (options.detectMoves) {
    for (const [o, n] of findMoves(oldClauses, newClauses, oldToNew, newToOld)) {
      if (!options.movedTextElsewhere?.(oldClauses[o]!, newClauses[n]!)) pair(o, n, 'move');
    }
  }

  // 3. Unnumbered clauses with identical content whose implicit ID shifted, first come first served in order.
  //    A clause whose own ID still holds the same content on the old side is left for step 4.
  const unnumbered = (c: ClauseGroup): boolean => c.blocks[0]!.label === '';
  const reserved = new Set<number>();
  const lookingNew: number[] = [];
  newClauses.forEach((c, n) => {
    if (newToOld[n]! >= 0 || !unnumbered(c)) return;
    const sameId = oldById.get(c.id);
    if (sameId !== undefined && oldToNew[sameId]! < 0 && contentKey(oldClauses[sameId]!) === contentKey(c)) reserved.add(sameId);
    else lookingNew.push(n);
  });
  if (lookingNew.length) {
    const waiting = new Map<string, number[]>();
    oldClauses.forEach((c, o) => {
      if (oldToNew[o]! >= 0 || reserved.has(o) || !unnumbered(c)) return;
      const key = contentKey(c);
      const list = waiting.get(key);
      if (list) list.push(o);
      else waiting.set(key, [o]);
    });
    for (const n of lookingNew) {
      const o = waiting.get(contentKey(newClauses[n]!))?.shift();
      if (o !== undefined) pair(o, n, 'content');
    }
  }

  // 4. Renumbered with edits: by similarity in the gaps where numbers shifted.
  if (options.detectMoves) pairSimilar(oldClauses, newClauses, newToOld, oldToNew, (o, n, sameId) => pair(o, n, sameId ? 'id' : 'similar'), options.whole);

  // 5. Same ID.
  newClauses.forEach((c, n) => {
    if (newToOld[n]! >= 0) return;
    const o = oldById.get(c.id);
    if (o !== undefined && oldToNew[o]! < 0) pair(o, n, 'id');
  });

  // A pairing by similarity is only ever a renumbering in place: one that a same-ID pairing crosses would read
  // as a move of a changed clause, so it is undone (an insertion and a deletion instead).
  if ([...via.values()].includes('similar')) {
    const merged = mergeInNewOrder(oldClauses.length, newToOld);
    for (const n of merged.outOfOrder) {
      if (via.get(n) !== 'similar') continue;
      oldToNew[newToOld[n]!] = -1;
      newToOld[n] = -1;
      via.delete(n);
    }
  }

  return { newToOld, via };
}

function contentKey(c: ClauseGroup): string {
  return c.blocks.map((b) => `${b.kind}\u0000${b.depth}\u0000${b.label}\u0000${b.text}`).join('\n');
}
