// not-used-spelling: a retired clause, sub-paragraph or table entry keeps its number with the text 'Not used'
// (docs/format.md, 'Not used'). Other spellings — '[Not used]', 'Not Used', 'Not used.', '(Not used)',
// 'Intentionally blank' — are accepted but reported, so the Code converges on one spelling.

import { NOT_USED, isNotUsed, notUsedRange } from '../../model/conventions.js';
import type { Problem } from '../../model/types.js';
import type { Rule } from '../types.js';
import { plainText } from '../../model/plain-text.js';
import { locate } from '../position.js';
import { finding } from '../where.js';

const name = 'not-used-spelling';
/** True when `text` (inline Markdown) says 'Not used' in a non-canonical way. */
function isNotUsedVariant(text: string): boolean {
  return text.trim() !== NOT_USED && isNotUsed(text);
}

export const notUsedSpelling: Rule = {
  name,
  severity: 'warning',
  description: "'Not used' written another way ([Not used], Not Used, Not used., (Not used), Intentionally blank)",
  scope: 'document',
  checkDocument(doc, ctx) {
    const out: Problem[] = [];
    const src = ctx.lines(doc);
    for (const b of doc.blocks) {
      if (b.kind === 'table') continue;
      if (b.kind === 'row') {
        let offset = 0;
        for (const cell of b.cells ?? []) {
          if (isNotUsedVariant(cell)) {
            const at = locate(src, b, offset, cell, plainText(cell));
            out.push(finding(doc.file, at.line, at.column, 'warning', name, message(cell)));
          }
          offset += cell.length + 3; // ' | '
        }
      } else if (isNotUsedVariant(b.text)) {
        const at = locate(src, b, 0, b.text, plainText(b.text));
        out.push(finding(doc.file, at.line, at.column, 'warning', name, message(b.text)));
      } else if (b.kind === 'clause') {
        // 'G4.1 to G4.3 [Not used]': the range's status is spelled like any other.
        const range = notUsedRange(b.label, b.text);
        if (range && isNotUsedVariant(range.status)) {
          const offset = b.text.length - range.status.length;
          const at = locate(src, b, offset, range.status, plainText(range.status));
          out.push(finding(doc.file, at.line, at.column, 'warning', name, message(range.status)));
        }
      }
    }
    return out;
  },
};

function message(written: string): string {
  // Show what a reader sees ('[Not used]', not the escaped '\[Not used]'), unless only the markup is wrong.
  const plain = plainText(written).trim();
  return `'${plain === NOT_USED ? written.trim() : plain}' is not the canonical spelling: write '${NOT_USED}' (no brackets, no full stop)`;
}
