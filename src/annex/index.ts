// The Annex A document model: build it from a Redline, hand it to a renderer (src/render/).
export * from './types.js';
export { ANNEX_CONTEXT, buildAnnex, displayDate, type BuildAnnexOptions } from './build.js';
export { itemLabel } from './notes.js';
export { blockRef, full, type Ref } from './refs.js';
