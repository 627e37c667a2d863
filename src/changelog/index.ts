// Change logs: annexes/<folder>/changes.yaml → validated ChangeLog → planned edits → amended documents and a
// Redline attributed to items. See docs/changelog.md. This index is the folder's public face: src/release (and
// anything above) imports only from here (.dependency-cruiser.cjs).

export { loadChangeLog } from './load.js';
export { planChangeLog, type Plan, type PlannedItem, type PlanOptions } from './plan.js';
export { applyPlan, type ApplyPlanOptions, type ApplyResult } from './apply-plan.js';
export { planProblems } from './plan-problems.js';
export { applyChangeLog, type ApplyOptions } from './apply.js';
export { describeEdit, describeItem } from './describe.js';
export { EDIT_KINDS } from './edits/index.js';
// The operations a Plan holds, and what a caller composing plans may ask of them and of the documents.
export { LABEL_FIELD, type Op, type TextOp, type DeleteOp, type InsertOp } from './plan-types.js';
export { findConflicts, rangesOverlap } from './overlap.js';
export { lookupDocuments, type DocLookup } from './doc-index.js';
export type * from './types.js';
// What release files share with change logs: the document → version map and the drafter's rule (never a person).
export { readDocVersions, type DocVersion, type DocVersionWording } from './doc-versions.js';
export { personalNameReason } from './drafter.js';
