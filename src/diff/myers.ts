// Myers' O((N+M)·D) difference algorithm ("An O(ND) Difference Algorithm and Its Variations", 1986) in its
// linear-space form: find a point on an optimal edit path by running the greedy search from both ends at once
// until the two frontiers overlap, then solve the two halves recursively. Memory stays O(N+M) however different
// the inputs are, which matters for the few blocks that run to thousands of tokens.
//
// Inputs are integer arrays (tokens interned by the caller), so every comparison is a cheap integer compare.
// The result is a minimal edit script (deleted plus inserted elements = N + M − 2·LCS) unless the work budget
// below runs out, and it is always an exact one.

export type EditOp = 'equal' | 'delete' | 'insert';

export interface EditRun {
  op: EditOp;
  count: number;
}

/**
 * Work budget of one diff, in search steps (diagonals visited plus elements compared). The search costs about
 * (N+M)·D: a 10,000-word paragraph with 30% of its words changed needs about 14 million steps, two unrelated
 * 5,000-word paragraphs about 45 million, two unrelated 10,000-word ones about 180 million (seconds). Once the
 * budget is spent, each part not yet solved is reported as deleted and re-inserted whole: still exact, no
 * longer minimal, and for text that different that is what a reader sees anyway. Counting steps rather than
 * time keeps the output the same on every machine and every run.
 */
export const DEFAULT_MAX_COST = 100_000_000;

export interface MyersOptions {
  maxCost?: number;
}

/**
 * Minimal edit script turning `a` into `b` (within the work budget), as runs in order; adjacent runs of one op
 * are merged.
 */
export function myersDiff(a: ArrayLike<number>, b: ArrayLike<number>, options: MyersOptions = {}): EditRun[] {
  const budget: Budget = { left: options.maxCost ?? DEFAULT_MAX_COST };
  const runs: EditRun[] = [];
  const emit = (op: EditOp, count: number): void => {
    if (count <= 0) return;
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.count += count;
    else runs.push({ op, count });
  };
  diffRange(a, 0, a.length, b, 0, b.length, emit, budget);
  return runs;
}

type Emit = (op: EditOp, count: number) => void;

interface Budget {
  left: number;
}

function diffRange(
  a: ArrayLike<number>,
  aLo: number,
  aHi: number,
  b: ArrayLike<number>,
  bLo: number,
  bHi: number,
  emit: Emit,
  budget: Budget,
): void {
  // A common prefix and suffix cost nothing to find and are by far the commonest case (a small edit in a
  // long sentence), so strip them before any search.
  let prefix = 0;
  while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
  emit('equal', prefix);
  aLo += prefix;
  bLo += prefix;
  let suffix = 0;
  while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - 1 - suffix] === b[bHi - 1 - suffix]) suffix++;
  aHi -= suffix;
  bHi -= suffix;

  if (aLo === aHi) {
    emit('insert', bHi - bLo);
  } else if (bLo === bHi) {
    emit('delete', aHi - aLo);
  } else {
    const split = middlePoint(a, aLo, aHi, b, bLo, bHi, budget);
    // The split lies strictly inside the box (see middlePoint), so both halves are smaller and recursion ends;
    // the guard keeps a mistake there from ever looping or losing text (the result would only be less minimal).
    if (split && (split[0] !== aLo || split[1] !== bLo) && (split[0] !== aHi || split[1] !== bHi)) {
      diffRange(a, aLo, split[0], b, bLo, split[1], emit, budget);
      diffRange(a, split[0], aHi, b, split[1], bHi, emit, budget);
    } else {
      emit('delete', aHi - aLo);
      emit('insert', bHi - bLo);
    }
  }
  emit('equal', suffix);
}

/**
 * A point (x, y) on a minimal edit path through the box a[aLo..aHi) × b[bLo..bHi), found where the forward
 * search from the top-left corner meets the reverse search from the bottom-right one.
 *
 * The caller has stripped the common prefix and suffix and both ranges are non-empty, so the edit distance is
 * at least 2, the meeting happens after at least one step in each direction, and the point is neither corner.
 *
 * Diagonal k holds the points with x − y = k. forward[k] is the furthest x reached on diagonal k after d edits
 * from the start; reverse[k] is the same measured from the end (reverse diagonal k is forward diagonal
 * delta − k). A diagonal whose search has run off the right or bottom edge of the box is dropped from the
 * range, as further steps along it can only leave the box.
 */
function middlePoint(
  a: ArrayLike<number>,
  aLo: number,
  aHi: number,
  b: ArrayLike<number>,
  bLo: number,
  bHi: number,
  budget: Budget,
): [number, number] | null {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD + 1;
  const size = 2 * maxD + 3;
  const forward = new Int32Array(size).fill(-1);
  const reverse = new Int32Array(size).fill(-1);
  forward[offset + 1] = 0;
  reverse[offset + 1] = 0;
  const delta = n - m;
  // With an odd delta the two searches can first meet during a forward step, with an even one during a
  // reverse step; checking only there keeps the first meeting on an optimal path.
  const meetInForward = (delta & 1) !== 0;
  let fLow = 0;
  let fHigh = 0;
  let rLow = 0;
  let rHigh = 0;

  for (let d = 0; d <= maxD; d++) {
    // Charge each step its diagonals up front and the compared elements as they are compared (below).
    budget.left -= 2 * d + 2;
    if (budget.left < 0) return null;
    for (let k = -d + fLow; k <= d - fHigh; k += 2) {
      const i = offset + k;
      let x = k === -d || (k !== d && forward[i - 1]! < forward[i + 1]!) ? forward[i + 1]! : forward[i - 1]! + 1;
      let y = x - k;
      const x0 = x;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      budget.left -= x - x0;
      forward[i] = x;
      if (x > n) fHigh += 2;
      else if (y > m) fLow += 2;
      else if (meetInForward) {
        const j = offset + delta - k;
        const rx = j >= 0 && j < size ? reverse[j]! : -1;
        // A reverse point that lies outside the box belongs to a dropped diagonal and cannot meet anything.
        if (rx !== -1 && rx <= n && rx - (j - offset) <= m && x >= n - rx) return [aLo + x, bLo + y];
      }
    }
    for (let k = -d + rLow; k <= d - rHigh; k += 2) {
      const i = offset + k;
      let x = k === -d || (k !== d && reverse[i - 1]! < reverse[i + 1]!) ? reverse[i + 1]! : reverse[i - 1]! + 1;
      let y = x - k;
      const x0 = x;
      while (x < n && y < m && a[aHi - 1 - x] === b[bHi - 1 - y]) {
        x++;
        y++;
      }
      budget.left -= x - x0;
      reverse[i] = x;
      if (x > n) rHigh += 2;
      else if (y > m) rLow += 2;
      else if (!meetInForward) {
        const j = offset + delta - k;
        const fx = j >= 0 && j < size ? forward[j]! : -1;
        const fy = fx - (j - offset);
        if (fx !== -1 && fx <= n && fy <= m && fx >= n - x) return [aLo + fx, bLo + fy];
      }
    }
  }
  return null;
}
