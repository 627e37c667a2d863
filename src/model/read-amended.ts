// An amended document read back by scanning only where it changed. `apply` must know that the Markdown it is
// about to write reads back as the blocks it built (readBack in src/changelog/apply-plan.ts); reading the whole
// document again costs as much as loading it. For a proven original (read-document.ts, wasProven) the answer can
// be had from the changed stretches alone, because the line scan is local:
//   - every block is serialized on lines of its own, separated from the next by a blank line unless it continues
//     a list or a table (serialize.ts, joined); after a blank line the scan carries no state but the classifier's
//     inner-appendix scope, which only a Section with a scope heading has (such documents take the whole read);
//   - so a stretch of blocks that starts after a blank line scans the same alone as in the whole document, and a
//     block no edit touched scans as it did in the original.
// Each touched stretch (widened to whole lists and tables) is scanned alone and must give exactly the blocks
// built, and the touched blocks must be trusted (block-trust.ts); the document-wide checks (footnotes in order,
// nesting) run over all blocks. Then the whole read would give the same blocks, so they are returned with their
// new line numbers. Anything else returns null and the caller reads the whole document back.
// tests/model/read-amended.test.ts holds it equal to readDocument(serializeDocument(amended)).

import type { Block, SecDocument } from './types.js';
import { scanDocument } from './scan.js';
import { blockPositions, joined, serializeBlocks } from './serialize.js';
import { serializeFrontMatter } from './front-matter.js';
import { allTrusted, footnotesInOrder } from './block-trust.js';
import { markProven, nestedInPlace, wasProven } from './read-document.js';
import { scopeName } from './scope.js';

/** Whether two blocks have the same content as the scan reads it (not their places). */
function sameContent(a: Block, b: Block): boolean {
  return (
    a.kind === b.kind &&
    a.label === b.label &&
    a.depth === b.depth &&
    a.text === b.text &&
    (a.cells ?? []).join('\u0000') === (b.cells ?? []).join('\u0000') &&
    (a.align ?? []).join('\u0000') === (b.align ?? []).join('\u0000')
  );
}

/**
 * `amended`: the document as built (blocks identified; line numbers still the original's). `touched[i]`: block i
 * was inserted or edited, or stands next to a deleted block. Returns the document as reading its serialization
 * back would (new line and column numbers, proven), or null where only the whole read can say.
 */
export function readAmended(original: SecDocument, amended: SecDocument, touched: readonly boolean[]): SecDocument | null {
  const { meta } = amended;
  const blocks = amended.blocks;
  if (!wasProven(original) || meta.kind !== original.meta.kind || meta.code !== original.meta.code || meta.title !== original.meta.title) return null;
  if (meta.kind === 'section' && blocks.some((b) => b.kind === 'heading' && b.label === '' && scopeName(b.text, b.depth) !== null)) return null;
  if (!footnotesInOrder(blocks)) return null;
  for (let i = 0; i < blocks.length; i++) if (!nestedInPlace(blocks[i]!, blocks[i - 1])) return null;
  const frontMatter = serializeFrontMatter(meta);
  const toTrust: Block[] = [];
  for (let i = 0; i < blocks.length; ) {
    if (!touched[i]) {
      i++;
      continue;
    }
    // The stretch: back to where a blank line precedes, on over every touched or joined block.
    let start = i;
    while (start > 0 && joined(blocks[start - 1]!, blocks[start]!)) start--;
    let end = i + 1;
    while (end < blocks.length && (touched[end] || joined(blocks[end - 1]!, blocks[end]!))) end++;
    const stretch = blocks.slice(start, end);
    const scanned = scanDocument(`${frontMatter}\n${serializeBlocks(stretch)}\n`, amended.file);
    if (!scanned.doc || scanned.problems.length > 0 || scanned.doc.blocks.length !== stretch.length) return null;
    for (let k = 0; k < stretch.length; k++) {
      if (!sameContent(scanned.doc.blocks[k]!, stretch[k]!)) return null;
      if (touched[start + k]) toTrust.push(stretch[k]!);
    }
    i = end;
  }
  if (!allTrusted(meta, toTrust, 'in-order')) return null;
  // Line numbers as the scan counts them: the front matter, a blank line, then each block's lines, with a blank
  // line between blocks that are not joined; the column is where the first line's text starts.
  // Counted, not serialized (blockPositions); a block already in its place (apply places what it builds, see
  // amendDocument) is kept as it is.
  const at = blockPositions(meta, blocks);
  const placed = blocks.map((b, k): Block => (b.line === at[2 * k] && b.column === at[2 * k + 1] ? b : { ...b, line: at[2 * k]!, column: at[2 * k + 1]! }));
  const doc: SecDocument = { file: amended.file, meta, blocks: placed };
  markProven(doc);
  return doc;
}
