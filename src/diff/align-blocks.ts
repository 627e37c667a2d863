// Pairs the blocks of two versions of one clause (the clauses themselves already paired).
//
//   1. the clause heads pair with each other (the clause pairing already decided that)
//   2. same relative ID ('(a)', '/p1', '[SM WAN]'), same content            → unchanged
//   3. same content under another ID, in order (a relabelled sub-paragraph, → unchanged or relabelled
//      a paragraph whose implicit number shifted, a duplicate-key row whose '#2' shifted)
//   4. in each gap between the pairs so far: the order-preserving pairing of blocks of the same kind and depth
//      that maximises similarity, where the same relative ID earns a bonus → changed
//   5. the rest                                                              → inserted / deleted
//   (a pairing that crosses the others is undone, so each side of the clause keeps its own order)
// Step 4 is what shows an inserted sub-paragraph (b) as one insertion followed by relabelled (c), (d)…
// instead of a cascade of rewritten sub-paragraphs.

import { diffArrays } from 'diff';
import type { Block } from '../model/types.js';
import { mergeInNewOrder, type Step } from './align-order.js';
import { blockContentKey, dice, relativeId, sameBlockContent, similarityTokens } from './clauses.js';

export interface BlockStep {
  old: Block | null;
  new: Block | null;
}

/** Bonus added to the similarity of two blocks with the same relative ID (their IDs are stable numbers). */
const SAME_ID_BONUS = 0.5;
/** Least similarity for pairing blocks under different IDs. */
const MIN_SIMILARITY = 0.5;
/** Largest gap (old × new blocks) aligned by dynamic programming; larger gaps pair by ID only. */
const MAX_GAP_CELLS = 250_000;
/** Bound on the edit script of step 3 (content runs); beyond it, step 3 gives up and step 4 takes over. */
const MAX_EDIT_LENGTH = 2_000;

function pairable(a: Block, b: Block): boolean {
  return a.kind === b.kind && a.depth === b.depth;
}

export function alignBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[], oldClauseId: string, newClauseId: string): BlockStep[] {
  const newToOld = new Int32Array(newBlocks.length).fill(-1);
  const oldToNew = new Int32Array(oldBlocks.length).fill(-1);
  const pair = (o: number, n: number): void => {
    newToOld[n] = o;
    oldToNew[o] = n;
  };

  // 1. Heads.
  if (oldBlocks.length && newBlocks.length && pairable(oldBlocks[0]!, newBlocks[0]!)) pair(0, 0);

  // 2. Same relative ID and content.
  const oldByRel = new Map<string, number>();
  oldBlocks.forEach((b, o) => {
    if (oldToNew[o]! < 0) oldByRel.set(relativeId(b, oldClauseId), o);
  });
  newBlocks.forEach((b, n) => {
    if (newToOld[n]! >= 0) return;
    const o = oldByRel.get(relativeId(b, newClauseId));
    if (o !== undefined && oldToNew[o]! < 0 && sameBlockContent(oldBlocks[o]!, b)) pair(o, n);
  });

  // 3. Same content, different ID, in order.
  const freeOld: number[] = [];
  oldBlocks.forEach((_, o) => oldToNew[o]! < 0 && freeOld.push(o));
  const freeNew: number[] = [];
  newBlocks.forEach((_, n) => newToOld[n]! < 0 && freeNew.push(n));
  if (freeOld.length && freeNew.length) {
    const oldKeys = freeOld.map((o) => blockContentKey(oldBlocks[o]!));
    const newKeys = freeNew.map((n) => blockContentKey(newBlocks[n]!));
    const changes = diffArrays(oldKeys, newKeys, { maxEditLength: MAX_EDIT_LENGTH });
    if (changes) {
      let i = 0;
      let j = 0;
      for (const c of changes) {
        if (c.added) j += c.count;
        else if (c.removed) i += c.count;
        else for (let k = 0; k < c.count; k++) pair(freeOld[i++]!, freeNew[j++]!);
      }
    }
  }

  // 4. Gaps between in-order pairs.
  const anchors = inOrderPairs(oldBlocks.length, newToOld);
  let prevO = -1;
  let prevN = -1;
  for (const a of [...anchors, { old: oldBlocks.length, new: newBlocks.length }]) {
    const gapOld: number[] = [];
    for (let o = prevO + 1; o < a.old; o++) if (oldToNew[o]! < 0) gapOld.push(o);
    const gapNew: number[] = [];
    for (let n = prevN + 1; n < a.new; n++) if (newToOld[n]! < 0) gapNew.push(n);
    if (gapOld.length && gapNew.length) {
      for (const [o, n] of alignGap(oldBlocks, newBlocks, gapOld, gapNew, oldClauseId, newClauseId)) pair(o, n);
    }
    prevO = a.old;
    prevN = a.new;
  }

  // Within a clause both sides must read in their own order (rejecting every change gives the old clause),
  // so a pairing that crosses the others is undone: shown as a deletion and an insertion.
  const merged = mergeInNewOrder(oldBlocks.length, newToOld);
  if (merged.outOfOrder.size) {
    for (const n of merged.outOfOrder) newToOld[n] = -1;
  }
  const final = merged.outOfOrder.size ? mergeInNewOrder(oldBlocks.length, newToOld) : merged;
  return final.steps.map((s) => ({
    old: s.old >= 0 ? oldBlocks[s.old]! : null,
    new: s.new >= 0 ? newBlocks[s.new]! : null,
  }));
}

/** The pairs that keep their relative order (the anchors between which gaps are aligned), by new index. */
function inOrderPairs(oldLength: number, newToOld: Int32Array): Step[] {
  const merged = mergeInNewOrder(oldLength, newToOld);
  return merged.steps.filter((s) => s.old >= 0 && s.new >= 0 && !merged.outOfOrder.has(s.new));
}

function alignGap(
  oldBlocks: readonly Block[],
  newBlocks: readonly Block[],
  gapOld: readonly number[],
  gapNew: readonly number[],
  oldClauseId: string,
  newClauseId: string,
): [number, number][] {
  const oldRel = gapOld.map((o) => relativeId(oldBlocks[o]!, oldClauseId));
  const newRel = gapNew.map((n) => relativeId(newBlocks[n]!, newClauseId));
  if (gapOld.length * gapNew.length > MAX_GAP_CELLS) {
    // Too large to weigh every pairing (a table whose keys all changed): pair by ID only.
    const byRel = new Map<string, number>();
    gapOld.forEach((o, i) => byRel.set(oldRel[i]!, o));
    const out: [number, number][] = [];
    gapNew.forEach((n, j) => {
      const o = byRel.get(newRel[j]!);
      if (o !== undefined && pairable(oldBlocks[o]!, newBlocks[n]!)) out.push([o, n]);
    });
    return out;
  }
  const oldTok = gapOld.map((o) => similarityTokens(oldBlocks[o]!.text));
  const newTok = gapNew.map((n) => similarityTokens(newBlocks[n]!.text));
  const score = (i: number, j: number): number => {
    const a = oldBlocks[gapOld[i]!]!;
    const b = newBlocks[gapNew[j]!]!;
    if (!pairable(a, b)) return -1;
    const sim = dice(oldTok[i]!, newTok[j]!);
    const sameId = oldRel[i] === newRel[j];
    if (!sameId && sim < MIN_SIMILARITY) return -1;
    return sim + (sameId ? SAME_ID_BONUS : 0);
  };
  // Weighted LCS: best[i][j] = best total score aligning gapOld[i..] with gapNew[j..].
  const rows = gapOld.length + 1;
  const cols = gapNew.length + 1;
  const best = new Float64Array(rows * cols);
  for (let i = gapOld.length - 1; i >= 0; i--) {
    for (let j = gapNew.length - 1; j >= 0; j--) {
      let v = Math.max(best[(i + 1) * cols + j]!, best[i * cols + j + 1]!);
      const s = score(i, j);
      if (s >= 0) v = Math.max(v, s + best[(i + 1) * cols + j + 1]!);
      best[i * cols + j] = v;
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < gapOld.length && j < gapNew.length) {
    const here = best[i * cols + j]!;
    const s = score(i, j);
    if (s >= 0 && here === s + best[(i + 1) * cols + j + 1]!) {
      out.push([gapOld[i]!, gapNew[j]!]);
      i++;
      j++;
    } else if (here === best[(i + 1) * cols + j]!) i++;
    else j++;
  }
  return out;
}
