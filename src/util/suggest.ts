// Nearest-name suggestions for unknown edit kinds and fields: "unknown field 'fnd': did you mean 'find'?".

/** Levenshtein distance (insert, delete, substitute each cost 1), two rows of memory. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * The candidate nearest to `name`, or null when nothing is close enough to be a plausible typo (more than
 * a third of the longer word would have to change).
 */
export function nearest(name: string, candidates: readonly string[]): string | null {
  const lower = name.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = levenshtein(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === null) return null;
  const limit = Math.max(1, Math.floor(Math.max(name.length, best.length) / 3));
  return bestDistance <= limit ? best : null;
}

/** " (did you mean 'find'?)" or, with no near candidate, " (expected one of: a, b, c)". */
export function suggestion(name: string, candidates: readonly string[]): string {
  const near = nearest(name, candidates);
  if (near !== null) return `: did you mean '${near}'?`;
  return `: expected one of ${candidates.map((c) => `'${c}'`).join(', ')}`;
}
