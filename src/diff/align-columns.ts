// Table columns of two versions of a table, aligned by header name so a row's cells are compared with the
// cells of the same column even when a column was added, removed or moved.

import { mergeInNewOrder, type Step } from './align-order.js';

export interface ColumnAlignment {
  /** Columns in new order, removed columns where they stood; -1 where a column does not exist on that side. */
  steps: Step[];
  /** False when matched columns changed order (then whole-row text is compared instead of cell by cell). */
  inOrder: boolean;
}

function normaliseHeader(cell: string): string {
  return cell.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function alignColumns(oldHeader: readonly string[], newHeader: readonly string[]): ColumnAlignment {
  const newToOld = new Int32Array(newHeader.length).fill(-1);
  const oldTaken = new Uint8Array(oldHeader.length);
  // Header names that occur once on each side pair by name.
  const count = (cells: readonly string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const c of cells) m.set(normaliseHeader(c), (m.get(normaliseHeader(c)) ?? 0) + 1);
    return m;
  };
  const oldCount = count(oldHeader);
  const newCount = count(newHeader);
  const oldIndex = new Map<string, number>();
  oldHeader.forEach((c, i) => oldIndex.set(normaliseHeader(c), i));
  newHeader.forEach((c, n) => {
    const name = normaliseHeader(c);
    if (oldCount.get(name) !== 1 || newCount.get(name) !== 1) return;
    const o = oldIndex.get(name)!;
    newToOld[n] = o;
    oldTaken[o] = 1;
  });
  // Unmatched columns: when as many are left on each side, they are renamed columns and pair in order.
  const freeOld: number[] = [];
  oldHeader.forEach((_, o) => oldTaken[o] || freeOld.push(o));
  const freeNew: number[] = [];
  newHeader.forEach((_, n) => newToOld[n]! < 0 && freeNew.push(n));
  if (freeOld.length === freeNew.length) freeNew.forEach((n, k) => (newToOld[n] = freeOld[k]!));
  const merged = mergeInNewOrder(oldHeader.length, newToOld);
  return { steps: merged.steps, inOrder: merged.outOfOrder.size === 0 };
}
