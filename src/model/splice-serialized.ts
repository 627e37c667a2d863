// The bytes of an amended document, made from the bytes of the document it amends. A modification touches a few
// blocks of each document; writing the whole SEC back out would encode 30 MB of text that is already on disk as
// it must be written. Each stretch of amended blocks that is a stretch of the original's blocks, unchanged, is
// the same run of lines in both serializations (the same blocks, the same separators between them), so its bytes
// are copied from the original file; only the front matter, what changed and the separators around it are
// encoded. tests/model/splice-serialized.test.ts holds the result to encoding serializeDocument(amended).

import type { SecDocument } from './types.js';
import { serializeFrontMatter } from './front-matter.js';
import { blockLineCount, blockLines, joined, serializeDocument } from './serialize.js';

/**
 * The UTF-8 bytes of serializeDocument(amended). `originalBytes` must be the UTF-8 bytes of
 * serializeDocument(original) (a file read on the fast path, without a byte-order mark or carriage returns), and
 * `origins[i]` the index of the original block that amended block i is, unchanged (else -1).
 */
export function spliceSerialized(original: SecDocument, originalBytes: Uint8Array, amended: SecDocument, origins: ArrayLike<number>): Uint8Array {
  const encoder = new TextEncoder();
  const blocks = amended.blocks;
  // An empty body is written as nothing at all (serializeDocument): not worth a special case here.
  if (blocks.length < 2 || origins.length !== blocks.length) return encoder.encode(serializeDocument(amended));
  const chunks: Uint8Array[] = [];
  let pending = `${serializeFrontMatter(amended.meta)}\n`;
  const flush = (): void => {
    if (pending !== '') chunks.push(encoder.encode(pending));
    pending = '';
  };
  // The byte offset where each line of the original starts, found going forward only (stretches come in order).
  let line = 1;
  let at = 0;
  const lineStart = (wanted: number): number | null => {
    while (line < wanted) {
      const newline = originalBytes.indexOf(10, at);
      if (newline < 0) return null;
      at = newline + 1;
      line++;
    }
    return line === wanted ? at : null;
  };
  const from = original.blocks;
  for (let i = 0; i < blocks.length; ) {
    if (i > 0) pending += joined(blocks[i - 1]!, blocks[i]!) ? '\n' : '\n\n';
    const o = origins[i]!;
    if (o < 0) {
      pending += blockLines(blocks[i]!).join('\n');
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < blocks.length && origins[j + 1] === origins[j]! + 1) j++;
    const first = from[o];
    const last = from[o + j - i];
    const start = first ? lineStart(first.line) : null;
    // Up to the line break that ends the last block's last line.
    const after = start !== null && last ? lineStart(last.line + blockLineCount(last)) : null;
    if (start === null || after === null || after - 1 < start) return encoder.encode(serializeDocument(amended));
    flush();
    chunks.push(originalBytes.subarray(start, after - 1));
    i = j + 1;
  }
  pending += '\n';
  flush();
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
