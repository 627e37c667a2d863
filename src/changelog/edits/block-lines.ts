// The `blocks:` of a rewrite: whole blocks of SEC text given as canonical Markdown lines, one list entry a
// line (a table is its header line, its delimiter line, then its rows). They are read with the document
// reader, so what a drafter writes means exactly what it would mean in the file.

import type { DocMeta, RawBlock } from '../../model/types.js';
import { readDocument, serializeBlocks, toRaw } from '../../model/index.js';
import { serializeFrontMatter } from '../../model/front-matter.js';

const TABLE_LINE = /^\|/;
const DELIMITER_LINE = /^\|(?: *:?-+:? *\|)+$/;
const LIST_LINE = /^ *- /;

/** Joins block lines as the canonical format does: no blank line inside a list or a table, one elsewhere. */
export function joinBlockLines(lines: readonly string[]): string {
  let out = '';
  lines.forEach((line, i) => {
    if (i > 0) {
      const prev = lines[i - 1]!;
      const next = lines[i + 1];
      const sameTable = TABLE_LINE.test(prev) && TABLE_LINE.test(line) && !(next !== undefined && DELIMITER_LINE.test(next) && !DELIMITER_LINE.test(line));
      const sameList = LIST_LINE.test(prev) && LIST_LINE.test(line);
      out += sameTable || sameList ? '\n' : '\n\n';
    }
    out += line;
  });
  return out;
}

/** The blocks the lines stand for, or a message saying why they are not canonical SEC Markdown. */
export function blocksFromLines(meta: DocMeta, lines: readonly string[], file: string): { blocks: RawBlock[] } | { problem: string } {
  if (lines.length === 0) return { blocks: [] };
  const body = joinBlockLines(lines);
  const { doc, problems } = readDocument(`${serializeFrontMatter(meta)}\n${body}\n`, file);
  const error = problems.find((p) => p.severity === 'error');
  if (!doc || error) return { problem: `the blocks do not read as SEC Markdown: ${error?.message ?? 'unknown problem'}` };
  if (serializeBlocks(doc.blocks) !== body) return { problem: 'the blocks are not in canonical form (one block a line, as `sec-redline fmt` writes it)' };
  return {
    blocks: doc.blocks.map((b) => {
      const raw = toRaw(b);
      delete raw.line;
      delete raw.column;
      return raw;
    }),
  };
}
