// The problems applyPlan(plan, docs) reports, without what else it makes. A release validates each of its
// modifications on its own (so a text that does not read back is filed in that modification's change log)
// before composing them all into the one application whose documents and Redline it keeps: the per-modification
// pass needs only the problems, so it builds no Redline, and each amended document is dropped as soon as it
// has been read back (one document in memory at a time, not a second copy of the whole SEC per modification).
// The same operations, the same read-back (readBack, readBackRelease) in the same document order as
// applyPlan; tests/changelog/plan-problems.test.ts holds the two equal.

import type { Problem, SecDocument } from '../model/types.js';
import { docId, identifyBlocks } from '../model/index.js';
import { applyOps } from './apply-ops.js';
import { readBack, readBackRelease } from './apply-plan.js';
import type { Op } from './plan-types.js';
import type { Plan } from './plan.js';

export function planProblems(plan: Plan, docs: ReadonlyMap<string, SecDocument>): Problem[] {
  const problems: Problem[] = [...plan.problems];
  // Operations by document, in plan order (applyPlan filters the same list per document).
  const byDoc = new Map<string, Op[]>();
  for (const item of plan.items) {
    if (!item.applied) continue;
    for (const op of item.ops) (byDoc.get(op.doc) ?? byDoc.set(op.doc, []).get(op.doc)!).push(op);
  }
  for (const original of docs.values()) {
    const id = docId(original.meta);
    const docOps = byDoc.get(id) ?? [];
    const version = Object.hasOwn(plan.versions, id) ? plan.versions[id] : undefined;
    if (docOps.length === 0 && (version === undefined || version === original.meta.version)) continue;
    const applied = applyOps(original, docOps);
    const meta = version === undefined ? original.meta : { ...original.meta, version };
    const built: SecDocument = { file: original.file, meta, blocks: identifyBlocks(meta, applied.raws) };
    if (plan.kind === 'release') readBackRelease(built, applied, plan.items, problems);
    else readBack(built, applied, plan, problems);
  }
  return problems;
}
