export * from './types.js';
export { parseDocument } from './parse.js';
export { scanDocument, type ModelResult } from './scan.js';
export { serializeDocument, serializeBlocks, blockLines } from './serialize.js';
export { identifyBlocks, toRaw, idPrefix } from './identify.js';
export { parseId, proseName, docOfId, type ParsedId } from './ids.js';
export { docId, docDisplayName, docFileName, compareDocRefs, parseDocId, parseDocFileName, isValidCode } from './doc-ref.js';
export { plainText, rowKey } from './plain-text.js';
export * from './numbering.js';
