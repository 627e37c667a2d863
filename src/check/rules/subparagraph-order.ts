// subparagraph-order: the labels of one list run (a), (b), (c) … at level 1, (i), (ii) … at level 2, then
// (A) … and (I) … (docs/format.md, 'Sub-paragraphs'). A label is read in its level's style first, so '(i)'
// after '(h)' at level 1 is the letter i, not the roman one. A list may also start at level 1 with capital
// letters, '(A)' (Appendix Q writes (A), (B) with (i) below): then capitals are that level's style. Bullets
// (items without a label) and continuation paragraphs inside the list neither count nor end it; any other
// block ends a list.

import type { Problem } from '../../model/types.js';
import type { Rule } from '../types.js';
import { labelAt, labelIndex, styleForDepth, type LabelStyle } from '../../model/numbering.js';
import { finding } from '../where.js';

const name = 'subparagraph-order';

const STYLE_WORDS: Record<LabelStyle, string> = {
  'lower-alpha': 'a lower-case letter',
  'lower-roman': 'a lower-case roman numeral',
  'upper-alpha': 'a capital letter',
  'upper-roman': 'a capital roman numeral',
};

export const subparagraphOrder: Rule = {
  name,
  severity: 'error',
  description: 'sub-paragraph labels out of sequence ((a) (b) (d)) or of the wrong style for their level ((a) at level 2)',
  scope: 'document',
  checkDocument(doc) {
    const out: Problem[] = [];
    // last[d] = index of the last label seen at depth d+1 in the current list
    let last: number[] = [];
    let topStyle: LabelStyle = 'lower-alpha';
    for (const b of doc.blocks) {
      if (b.kind === 'paragraph' && b.depth > 0) continue;
      if (b.kind !== 'subpara') {
        last = [];
        continue;
      }
      const depth = Math.max(1, b.depth);
      if (last.length > depth) last.length = depth; // what was open below this level is closed
      const expectedIndex = (last[depth - 1] ?? 0) + 1;
      if (b.label === '') continue; // a bullet
      if (depth === 1 && expectedIndex === 1) topStyle = b.label === '(A)' ? 'upper-alpha' : 'lower-alpha';
      const style = depth === 1 ? topStyle : styleForDepth(depth);
      const expected = labelAt(style, expectedIndex);
      const index = labelIndex(style, b.label);
      if (index === null) {
        out.push(finding(doc.file, b.line, b.column, 'error', name,
          `Sub-paragraph label '${b.label}' at level ${depth} should be ${STYLE_WORDS[style]}: expected '${expected}'${hint(b.label, depth)}`));
        last[depth - 1] = expectedIndex;
        continue;
      }
      if (index !== expectedIndex) {
        out.push(finding(doc.file, b.line, b.column, 'error', name,
          `Sub-paragraph label '${b.label}' is out of sequence: expected '${expected}'${deeperStart(b.label, depth)}`));
      }
      last[depth - 1] = index;
    }
    return out;
  },
};

/** '(i)' first in a level-1 list is more likely a level-2 list written at the wrong indentation. */
function deeperStart(label: string, depth: number): string {
  return labelIndex(styleForDepth(depth + 1), label) === 1 ? ` ('${label}' also starts a level-${depth + 1} list: check the indentation)` : '';
}

/** When a label has the style of another level, say which one: the usual mistake is a wrong indentation. */
function hint(label: string, depth: number): string {
  for (let d = 1; d <= 4; d++) {
    if (d === depth) continue;
    if (labelIndex(styleForDepth(d), label) !== null) return ` ('${label}' is a level-${d} label: check the indentation)`;
  }
  return '';
}
