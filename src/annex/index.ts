// The Annex A document model: build it from a Redline, hand it to a renderer (src/render/).
export * from './types.js';
export { buildAnnex, displayDate } from './build.js';
export { blockRef, full, idParts, type Ref } from './refs.js';
