// Renumbering with edits: between the clauses already paired in order, pair a clause with its old self under
// another number by similarity — a new G3.6 inserted and the old G3.6, now G3.7, with one word changed; G3.6
// removed and G3.7, now G3.6, with 'shall' → 'may'. Without this the same numbers pair, and the real change
// hides inside a false rewrite plus an insertion.
//
// A false renumbering is worse than a missed one, so a pairing under another number is made only when:
//   - both are numbered blocks of the same kind, with at least MIN_MOVE_WORDS words each (several identical
//     "Not used" clauses never pair);
//   - their similarity is at least RENUMBER_SIMILARITY;
//   - each is the other's unique best candidate in the gap (no other clause comes within AMBIGUITY of it);
//   - the order-preserving pairing of the gap that maximises similarity, where keeping the same number earns
//     SAME_ID_BONUS, chooses it.

import { mergeInNewOrder } from './align-order.js';
import { clauseTokens, countWords, dice, type ClauseGroup } from './clauses.js';
import { MIN_MOVE_WORDS } from './moves.js';

export const RENUMBER_SIMILARITY = 0.6;
const SAME_ID_BONUS = 0.5;
const AMBIGUITY = 0.05;
const MAX_GAP_CELLS = 250_000;

function numberedHead(c: ClauseGroup): { kind: string } | null {
  const b = c.blocks[0]!;
  return b.label !== '' && (b.kind === 'clause' || b.kind === 'heading') ? b : null;
}

function words(c: ClauseGroup): number {
  let n = 0;
  for (const b of c.blocks) n += countWords(b.text);
  return n;
}

/**
 * Pairs, in each gap between in-order pairs, clauses by similarity (same number or renumbered). Calls
 * `pair(o, n, sameId)` for each pairing made; only unpaired clauses (index -1 in newToOld/oldToNew) are used.
 */
/** The clauses passed as part of a whole document (see AlignClauseOptions.whole). */
export interface WholeDocument {
  /** Whole-document index of each old / new clause passed. */
  old: readonly number[];
  new: readonly number[];
  oldLength: number;
  /** Whole-document pairs of the clauses not passed (unchanged), -1 elsewhere. */
  newToOld: ArrayLike<number>;
}

export function pairSimilar(
  oldClauses: readonly ClauseGroup[],
  newClauses: readonly ClauseGroup[],
  newToOld: Int32Array,
  oldToNew: Int32Array,
  pair: (o: number, n: number, sameId: boolean) => void,
  whole?: WholeDocument,
): void {
  // Gaps are cut in whole-document positions, so passing only the changed clauses gives the same gaps.
  const oldAt = whole ? whole.old : oldClauses.map((_, i) => i);
  const newAt = whole ? whole.new : newClauses.map((_, i) => i);
  const all = whole ? Int32Array.from(whole.newToOld) : Int32Array.from(newToOld);
  if (whole) newToOld.forEach((o, n) => {
    if (o >= 0) all[newAt[n]!] = oldAt[o]!;
  });
  const merged = mergeInNewOrder(whole ? whole.oldLength : oldClauses.length, all);
  const anchors = merged.steps.filter((s) => s.old >= 0 && s.new >= 0 && !merged.outOfOrder.has(s.new));
  let prevO = -1;
  let prevN = -1;
  let io = 0;
  let jn = 0;
  for (const a of [...anchors, { old: Infinity, new: Infinity }]) {
    const gapOld: number[] = [];
    for (; io < oldClauses.length && oldAt[io]! < a.old; io++) if (oldAt[io]! > prevO && oldToNew[io]! < 0) gapOld.push(io);
    const gapNew: number[] = [];
    for (; jn < newClauses.length && newAt[jn]! < a.new; jn++) if (newAt[jn]! > prevN && newToOld[jn]! < 0) gapNew.push(jn);
    prevO = a.old;
    prevN = a.new;
    if (!gapOld.length || !gapNew.length || gapOld.length * gapNew.length > MAX_GAP_CELLS) continue;
    // Only worth weighing when a number shifted: some clause of the gap has no counterpart under its own ID.
    const newIds = new Set(gapNew.map((n) => newClauses[n]!.id));
    const oldIds = new Set(gapOld.map((o) => oldClauses[o]!.id));
    if (gapOld.every((o) => newIds.has(oldClauses[o]!.id)) && gapNew.every((n) => oldIds.has(newClauses[n]!.id))) continue;
    for (const [o, n, sameId] of alignGap(oldClauses, newClauses, gapOld, gapNew)) pair(o, n, sameId);
  }
}

function alignGap(oldClauses: readonly ClauseGroup[], newClauses: readonly ClauseGroup[], gapOld: readonly number[], gapNew: readonly number[]): [number, number, boolean][] {
  const oldTok = gapOld.map((o) => clauseTokens(oldClauses[o]!));
  const newTok = gapNew.map((n) => clauseTokens(newClauses[n]!));
  const oldWords = gapOld.map((o) => words(oldClauses[o]!));
  const newWords = gapNew.map((n) => words(newClauses[n]!));
  const sim: number[][] = gapOld.map((_, i) => gapNew.map((_, j) => dice(oldTok[i]!, newTok[j]!)));
  const bestOfOld = sim.map((row) => Math.max(...row));
  const bestOfNew = gapNew.map((_, j) => Math.max(...gapOld.map((_, i) => sim[i]![j]!)));
  const secondOf = (values: readonly number[], except: number): number => Math.max(-1, ...values.filter((_, k) => k !== except));
  const score = (i: number, j: number): number => {
    const oc = oldClauses[gapOld[i]!]!;
    const nc = newClauses[gapNew[j]!]!;
    if (oc.id === nc.id) return SAME_ID_BONUS + sim[i]![j]!;
    const oh = numberedHead(oc);
    const nh = numberedHead(nc);
    if (!oh || !nh || oh.kind !== nh.kind) return -1;
    const s = sim[i]![j]!;
    if (s < RENUMBER_SIMILARITY || oldWords[i]! < MIN_MOVE_WORDS || newWords[j]! < MIN_MOVE_WORDS) return -1;
    // Unique: the best for both, with no close second on either side.
    if (s < bestOfOld[i]! || s < bestOfNew[j]!) return -1;
    if (secondOf(sim[i]!, j) > s - AMBIGUITY) return -1;
    if (secondOf(gapOld.map((_, k) => sim[k]![j]!), i) > s - AMBIGUITY) return -1;
    return s;
  };
  const rows = gapOld.length + 1;
  const cols = gapNew.length + 1;
  const scores = new Float64Array(gapOld.length * gapNew.length);
  for (let i = 0; i < gapOld.length; i++) for (let j = 0; j < gapNew.length; j++) scores[i * gapNew.length + j] = score(i, j);
  const best = new Float64Array(rows * cols);
  for (let i = gapOld.length - 1; i >= 0; i--) {
    for (let j = gapNew.length - 1; j >= 0; j--) {
      let v = Math.max(best[(i + 1) * cols + j]!, best[i * cols + j + 1]!);
      const s = scores[i * gapNew.length + j]!;
      if (s >= 0) v = Math.max(v, s + best[(i + 1) * cols + j + 1]!);
      best[i * cols + j] = v;
    }
  }
  const out: [number, number, boolean][] = [];
  let i = 0;
  let j = 0;
  while (i < gapOld.length && j < gapNew.length) {
    const here = best[i * cols + j]!;
    const s = scores[i * gapNew.length + j]!;
    if (s >= 0 && here === s + best[(i + 1) * cols + j + 1]!) {
      out.push([gapOld[i]!, gapNew[j]!, oldClauses[gapOld[i]!]!.id === newClauses[gapNew[j]!]!.id]);
      i++;
      j++;
    } else if (here === best[(i + 1) * cols + j]!) i++;
    else j++;
  }
  return out;
}
