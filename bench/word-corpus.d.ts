// Types for bench/word-corpus.js (plain JavaScript, run by node without a build).
export interface WordDocumentResult {
  bytes: Uint8Array;
  blocks: number;
  words: number;
  pages: number;
  xmlBytes: number;
}
export function generateWordDocument(options?: { pages?: number; seed?: number }): WordDocumentResult;
