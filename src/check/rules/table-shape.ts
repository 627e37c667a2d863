// table-shape: a row with more or fewer cells than its table's header. Markdown renderers silently pad or drop
// cells (remark-gfm does both), so the model may not show the problem: with the source at hand the rule counts
// the cells actually written on the row's line.

import type { Problem } from '../../model/types.js';
import type { Rule } from '../types.js';
import { rowCellCount } from '../../model/table-syntax.js';
import { finding } from '../where.js';

const name = 'table-shape';

export const tableShape: Rule = {
  name,
  severity: 'error',
  description: 'a table row with more or fewer cells than its header',
  scope: 'document',
  checkDocument(doc, ctx) {
    const out: Problem[] = [];
    const src = ctx.lines(doc);
    let header: { id: string; count: number } | null = null;
    for (const b of doc.blocks) {
      if (b.kind === 'table') {
        header = { id: b.id, count: written(src.lines, b.line) ?? b.cells?.length ?? 0 };
        continue;
      }
      if (b.kind !== 'row' || !header || b.table !== header.id) {
        if (b.kind !== 'row') header = null;
        continue;
      }
      const count = written(src.lines, b.line) ?? b.cells?.length ?? 0;
      if (count !== header.count) {
        out.push(finding(doc.file, b.line, b.column, 'error', name,
          `Table row has ${count} cell${count === 1 ? '' : 's'}; its header has ${header.count}: expected ${header.count} cells`));
      }
    }
    return out;
  },
};

/** Cells written on a source line, or null when the line is not available or not in pipe-table form. */
function written(lines: readonly string[] | null, line: number): number | null {
  const text = lines?.[line - 1];
  if (text === undefined) return null;
  return rowCellCount(text.endsWith('\r') ? text.slice(0, -1) : text);
}
