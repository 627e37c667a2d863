// Moved and renumbered clauses: a clause whose text disappeared under one ID and appears under another.
//
// A false move is worse than a missed one (a reviewer trusts "moved from G3.7" and skips the text), so a pair
// is made only when it is unambiguous:
//   - the whitespace-normalised content (clauseMoveKey) is identical,
//   - it has at least MIN_MOVE_WORDS words (several "Not used" clauses never pair),
//   - that content occurs exactly once among ALL old clauses and exactly once among ALL new clauses,
//   - neither clause has a plausible in-place counterpart: if the ID it left behind still holds similar text
//     on the other side, the clause was edited in place and the other copy is a plain insertion.

import { clauseMoveKey, clauseMoveKeyLength, clauseTokens, dice, type ClauseGroup } from './clauses.js';

export const MIN_MOVE_WORDS = 8;
/** Dice similarity at or above which two clauses under one ID count as the same clause edited. */
export const IN_PLACE_SIMILARITY = 0.5;

/**
 * Pairs among the clauses still unpaired (`oldPaired[o]` / `newToOld[n]` ≥ 0 means taken).
 * Returns [oldIndex, newIndex] pairs; only pairs with different IDs are returned.
 */
export function findMoves(
  oldClauses: readonly ClauseGroup[],
  newClauses: readonly ClauseGroup[],
  oldTaken: ArrayLike<number>,
  newTaken: ArrayLike<number>,
): [number, number][] {
  // Only unpaired clauses can move, but uniqueness is judged over every clause on each side.
  const newFree: number[] = [];
  for (let n = 0; n < newClauses.length; n++) if (newTaken[n]! < 0) newFree.push(n);
  const oldFree: number[] = [];
  for (let o = 0; o < oldClauses.length; o++) if (oldTaken[o]! < 0) oldFree.push(o);
  if (newFree.length === 0 || oldFree.length === 0) return [];

  const oldKeys = new Map<string, number>(); // key → old index of the unpaired clause with it
  const freeKeyOf = (c: ClauseGroup): string | null => {
    const { key, words } = clauseMoveKey(c);
    return words >= MIN_MOVE_WORDS ? key : null;
  };
  for (const o of oldFree) {
    const key = freeKeyOf(oldClauses[o]!);
    if (key !== null) oldKeys.set(key, oldKeys.has(key) ? -1 : o);
  }
  const candidates: [number, number, string][] = [];
  const newKeyCount = new Map<string, number>();
  for (const n of newFree) {
    const key = freeKeyOf(newClauses[n]!);
    if (key === null) continue;
    newKeyCount.set(key, (newKeyCount.get(key) ?? 0) + 1);
    const o = oldKeys.get(key);
    if (o !== undefined && o >= 0) candidates.push([o, n, key]);
  }
  if (candidates.length === 0) return [];

  // Uniqueness over the paired clauses too (a paired clause with the same text makes the match ambiguous).
  const wanted = new Set(candidates.map((c) => c[2]));
  // A key is built only for clauses whose key would have a wanted length: counting costs a pass over the text,
  // not a new string per clause of the document.
  const lengths = new Set([...wanted].map((k) => k.length));
  const countAll = (clauses: readonly ClauseGroup[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const c of clauses) {
      if (!lengths.has(clauseMoveKeyLength(c))) continue;
      const { key } = clauseMoveKey(c);
      if (wanted.has(key)) m.set(key, (m.get(key) ?? 0) + 1);
    }
    return m;
  };
  const oldAll = countAll(oldClauses);
  const newAll = countAll(newClauses);

  const oldById = new Map<string, number>();
  oldClauses.forEach((c, i) => oldById.set(c.id, i));
  const newById = new Map<string, number>();
  newClauses.forEach((c, i) => newById.set(c.id, i));

  const out: [number, number][] = [];
  for (const [o, n, key] of candidates) {
    if (oldAll.get(key) !== 1 || newAll.get(key) !== 1 || newKeyCount.get(key) !== 1) continue;
    const oc = oldClauses[o]!;
    const nc = newClauses[n]!;
    if (oc.id === nc.id) continue; // same ID: an ordinary (whitespace) change, not a move
    const stayed = newById.get(oc.id);
    if (stayed !== undefined && newTaken[stayed]! < 0 && dice(clauseTokens(oc), clauseTokens(newClauses[stayed]!)) >= IN_PLACE_SIMILARITY) continue;
    const before = oldById.get(nc.id);
    if (before !== undefined && oldTaken[before]! < 0 && dice(clauseTokens(oldClauses[before]!), clauseTokens(nc)) >= IN_PLACE_SIMILARITY) continue;
    out.push([o, n]);
  }
  return out;
}
