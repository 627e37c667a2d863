// Composition: the operations of every modification (planned against the baseline, conflict-free, re-lettered
// where asked) gathered into one Plan of the release and applied to the baseline by the change log's own
// applyPlan, one pass per document. Within a field, ranges are spliced by position (they do not overlap, so the
// order of modifications cannot change the text); insertions at one place keep release order. The result is
// read back through the parser like `apply` does, and the Redline against the baseline is attributed to
// qualified items ('MP250 item 7') so every change says which modification made it.

import type { Problem, SecDocument } from '../model/types.js';
import { docId } from '../model/index.js';
import type { Redline } from '../redline/types.js';
import { applyPlan, type Plan, type PlannedItem } from '../changelog/index.js';
import type { ReleaseOp } from './plan.js';

export interface Composed {
  /** Every baseline document, keyed by document ID: the consolidated text where the release changes it. */
  docs: Map<string, SecDocument>;
  /** IDs of the documents the release changes, in SEC order. */
  changed: string[];
  /** The whole release against the baseline, changed documents only, SEC order. */
  redline: Redline;
  problems: Problem[];
}

/**
 * Applies `ops` (from findReleaseConflicts, with no conflicts left) to the baseline and gives each changed
 * document its new version label from `versions` (document ID → label). `context`: the unchanged clauses the
 * Redline keeps around each change (every clause by default; the release redline needs one, ANNEX_CONTEXT).
 */
export function composeRelease(baseline: ReadonlyMap<string, SecDocument>, ops: readonly ReleaseOp[], versions: ReadonlyMap<string, string>, context = Infinity): Composed {
  const applied = applyPlan(releasePlan(ops, versions), baseline, { context });
  return { docs: applied.docs, changed: applied.redline.documents.map((d) => docId(d.meta)), redline: applied.redline, problems: applied.problems };
}

/**
 * The release as one Plan: an item per qualified item, in the order its operations come (release order, then
 * change-log order; an item's operations are contiguous there, so grouping them keeps every operation's place).
 */
export function releasePlan(ops: readonly ReleaseOp[], versions: ReadonlyMap<string, string>): Plan {
  const items = new Map<string, PlannedItem>();
  for (const r of ops) {
    let item = items.get(r.op.item);
    if (!item) {
      item = { id: r.op.item, file: r.mod.log.file, ops: [], problems: [], applied: true };
      items.set(r.op.item, item);
    }
    item.ops.push(r.op);
  }
  return { kind: 'release', log: null, items: [...items.values()], problems: [], versions: Object.fromEntries(versions) };
}
