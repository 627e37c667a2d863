// The reviewers' page: Redline → ReviewModel (model.ts) → one self-contained HTML file (page.ts).
export { buildReview, type ReviewModel, type ReviewSource, type ReviewGroupInfo, type ReviewEntry, type ReviewDocument, type ReviewGroup } from './model.js';
export { renderReviewPage } from './page.js';
