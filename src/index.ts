// The library: the pure core the CLI is a thin layer over. Read documents, apply change logs, compare
// versions — all produce or consume the one Redline structure — and render it.

export * from './model/index.js';
export type * from './redline/types.js';
export { redlineErrors, textChangeError, acceptSpans, rejectSpans } from './redline/invariant.js';
export { buildDocumentRedline, buildRedline } from './diff/build-redline.js';
export { loadChangeLog, planChangeLog, applyPlan, applyChangeLog, type ChangeLog, type Plan, type PlannedItem, type ApplyResult } from './changelog/index.js';
export { draftChangeLog, type DraftResult, type SourceFile } from './draft/index.js';
export { runChecks } from './check/index.js';
export { tokenize } from './diff/tokenize.js';
export { diffText } from './diff/word-diff.js';
export { diffTrees, type TreeReader, type TreeFile } from './diff/trees.js';
export { buildAnnex } from './annex/build.js';
export type { AnnexDocument, AnnexMeta } from './annex/types.js';
export { renderAnnexDocx } from './render/docx/index.js';
export { renderAnnexMarkdown } from './render/annex-md.js';
export { renderAnnexHtml } from './render/annex-html.js';
export { renderText } from './render/text.js';
export { renderCriticMarkdown } from './render/critic-md.js';
export { renderJson } from './render/json.js';
export { renderStat, diffStats } from './render/stat.js';
export { formatProblem, sortProblems } from './util/errors.js';
export { main } from './cli/main.js';
export { buildReview, renderReviewPage, type ReviewModel, type ReviewSource } from './review/index.js';
export { htmlPage, escapeHtml, idSlug, clauseSlug, textBlockHtml, tableHtml } from './render/html/index.js';
