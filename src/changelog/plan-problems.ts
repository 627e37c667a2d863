// The problems applyPlan(plan, docs) reports, without what else it makes. A release validates each of its
// modifications on its own (so a text that does not read back is filed in that modification's change log)
// before composing them all into the one application whose documents and Redline it keeps: the per-modification
// pass needs only the problems, so it builds no Redline, and each amended document is dropped as soon as it
// has been read back (one document in memory at a time, not a second copy of the whole SEC per modification).
// The same amendDocument as applyPlan, in the same document order; tests/changelog/plan-problems.test.ts holds
// the two equal.

import type { Problem, SecDocument } from '../model/types.js';
import { docId } from '../model/index.js';
import { amendDocument } from './apply-plan.js';
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
  // Each amended document is dropped as soon as it has been read back.
  for (const original of docs.values()) amendDocument(original, byDoc.get(docId(original.meta)) ?? [], plan, problems);
  return problems;
}
