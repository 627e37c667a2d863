// Which clauses of a document's redline to keep when only the changes matter: the changed ones and `context`
// unchanged clauses on each side of each. One rule for every place that elides (the tree diff, `apply` and
// `annex` building only what they show, the diff renderers), so what one keeps another shows the same way.

/**
 * `changed[i]`: clause i is not 'unchanged'. Returns a mask of the clauses within `context` places of a changed
 * one (every clause when `context` is Infinity).
 */
export function contextMask(changed: ArrayLike<boolean>, context: number): Uint8Array {
  const n = changed.length;
  const keep = new Uint8Array(n);
  if (!Number.isFinite(context)) return keep.fill(1);
  for (let i = 0; i < n; i++) {
    if (!changed[i]) continue;
    const to = Math.min(n - 1, i + context);
    for (let k = Math.max(0, i - context); k <= to; k++) keep[k] = 1;
  }
  return keep;
}
