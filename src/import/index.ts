// Import from Word: .docx → SEC Markdown (docs/import.md). Sits just above the model: nothing below imports it.
export { importDocx, formatSummary, type ImportOptions, type ImportResult, type ImportSummary } from './import-docx.js';
export { MAX_DOCX_BYTES } from './package.js';
export type { RevisionMark, TrackedMode } from './types.js';
