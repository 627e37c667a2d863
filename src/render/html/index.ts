// The shared HTML module: every HTML the tool writes (the annex, the review page, `render --format html`) is
// built from these pieces, so escaping, ids, layout, marks and the print style sheet are decided once.
//
//   htmlPage({ title, body, css?, script? })  → a whole self-contained page (page.ts)
//   escapeHtml(text)                         → text safe in elements and attributes (escape.ts)
//   idSlug(text), clauseSlug(doc, clause)    → valid element ids / shareable fragments; IdRegistry de-duplicates
//   runsHtml(runs, side?)                    → rich runs with <ins>/<del> (or one side only)
//   textBlockHtml(block), tableHtml(table)   → a numbered SEC block, a table cell by cell (blocks.ts)
//   BASE_CSS, PRINT_CSS                      → the shared style sheet (css.ts)

export { htmlPage, type HtmlPage } from './page.js';
export { escapeHtml } from './escape.js';
export { idSlug, clauseSlug, IdRegistry } from './slug.js';
export { runsHtml, type RunSide } from './runs.js';
export { textBlockHtml, tableHtml, cellHtml, type TextBlockHtml, type RowHtml } from './blocks.js';
export { BASE_CSS, PRINT_CSS } from './css.js';
