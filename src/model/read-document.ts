// Loads a document by the cheapest path that is still exact. The line scan (scan.ts) is ~200× faster than
// remark on a large file, but it is only trusted when
//   1. serializing what it found reproduces the source byte for byte (so the file is canonical), and
//   2. every block whose text contains something only a Markdown parser can judge (emphasis, code, links,
//      escapes, entities, autolinks, leading markers) gives the same block through the remark pipeline.
// Anything else — a wrapped paragraph, a '*' bullet, a block quote — falls back to the full remark parse,
// which reports what is wrong with positions. tests/model/read-document.test.ts pins the agreement.

import type { Block, DocMeta, SecDocument } from './types.js';
import { scanDocument, type ModelResult } from './scan.js';
import { parseDocument } from './parse.js';
import { serializeDocument, blockLines } from './serialize.js';
import { serializeFrontMatter } from './front-matter.js';
import { isSimpleCanonicalInline } from './simple-inline.js';

/** Whether a block holds anything only the Markdown parser can judge (see simple-inline.ts). */
function risky(block: Block): boolean {
  if (block.cells) return !block.cells.every(isSimpleCanonicalInline);
  return block.text !== '' && !isSimpleCanonicalInline(block.text);
}

/** Re-reads one block through remark, in a document of its own, and says whether it comes out the same. */
function agreesWithParser(meta: DocMeta, block: Block): boolean {
  let body: string;
  if (block.kind === 'row') {
    const cols = (block.cells ?? []).length;
    body = [`| ${Array(cols).fill('x').join(' | ')} |`, `| ${Array(cols).fill('---').join(' | ')} |`, ...blockLines(block)].join('\n');
  } else {
    // A nested sub-paragraph is checked at the left margin: its text, not its indentation, is in question.
    body = blockLines(block).map((l) => l.trimStart()).join('\n');
  }
  const parsed = parseDocument(`${serializeFrontMatter(meta)}\n${body}\n`, 'block.md');
  if (parsed.problems.length || !parsed.doc) return false;
  const got = parsed.doc.blocks[block.kind === 'row' ? 1 : 0];
  if (!got || got.kind !== block.kind || got.label !== block.label || got.text !== block.text) return false;
  return JSON.stringify(got.cells ?? null) === JSON.stringify(block.cells ?? null);
}

/** The scanned document when it can be trusted, else null. */
export function scanIfCanonical(source: string, file: string): SecDocument | null {
  const scanned = scanDocument(source, file);
  if (!scanned.doc || scanned.problems.length) return null;
  if (serializeDocument(scanned.doc) !== source) return null;
  const blocks = scanned.doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    // A sub-paragraph may only go one level deeper than the item before it; anything else is, to a
    // Markdown parser, indented code or a lazy continuation.
    if (block.kind === 'subpara' && block.depth > 1) {
      const prev = blocks[i - 1];
      if (!prev || prev.kind !== 'subpara' || prev.depth < block.depth - 1) return null;
    }
    if (risky(block) && !agreesWithParser(scanned.doc.meta, block)) return null;
  }
  return scanned.doc;
}

/** Every command's way in: the fast path for canonical files, the full remark parse otherwise. */
export function readDocument(source: string, file: string): ModelResult {
  const fast = scanIfCanonical(source, file);
  return fast ? { doc: fast, problems: [] } : parseDocument(source, file);
}
