// Releases: several modifications taken into the SEC together. releases/<name>.yaml → validated Release →
// every change log planned against the baseline → conflicts between modifications → consolidated documents
// and a redline of the whole release. See docs/releases.md.

export type * from './types.js';
export { loadRelease } from './load.js';
export { repoPath, type RepoPath } from './repo-path.js';
export { planModifications, qualifiedItem, type Modification, type ReleaseOp, type Planned } from './plan.js';
export { findReleaseConflicts, type ReleaseConflict, type Reletter, type ConflictKind, type ConflictResult } from './conflicts.js';
export { conflictProblems, reletterProblems } from './messages.js';
export { prepareRelease, hasErrors, type Prepared, type PrepareOptions } from './prepare.js';
export { composeRelease, type Composed } from './compose.js';
export { impactMatrix, type ImpactMatrix, type MatrixColumn, type MatrixRow } from './matrix.js';
export { renderMatrixMarkdown, renderMatrixCsv, matrixCells } from './matrix-render.js';
export { renderMatrixDocx } from './matrix-docx.js';
export { releaseAnnex } from './annex.js';
export { conformedDocument, conformedDocuments, conformedName } from './conformed.js';
