// DOCX output: the Annex A (visual, tracked or clean) and the building blocks other DOCX renderers share.
export { renderAnnexDocx, type AnnexDocxOptions } from './annex.js';
export type { DocxMode } from './runs.js';
export { zip, crc32, type ZipEntry } from './zip.js';
