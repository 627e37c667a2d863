// numbering-order: clause and part numbers run 1, 2, 3 … under each parent, in document order. Inserted
// clauses (G3.5A) are inserted-clause's concern; a heading's level versus its number's depth is not checked
// (the SEC itself is not consistent about it).

import type { Problem } from '../../model/types.js';
import type { Rule } from '../types.js';
import { compareSuffix, numberSteps } from '../numbering-walk.js';
import { finding } from '../where.js';

const name = 'numbering-order';

export const numberingOrder: Rule = {
  name,
  severity: 'error',
  description: 'numbers out of order or skipped under the same parent (G3.4 → G3.6, 3.8.16 → 3.8.18, G2 → G4)',
  scope: 'document',
  checkDocument(doc, ctx) {
    const out: Problem[] = [];
    const reported = new Set<unknown>();
    for (const step of ctx.memo('number-steps', doc, () => numberSteps(doc))) {
      if (reported.has(step.block)) continue; // one finding per block: the highest level that went wrong
      const { seg, prev, block } = step;
      const here = step.write(seg);
      let message: string | null = null;
      if (prev === null) {
        if (seg.n !== 1) message = `Numbering starts at '${here}': expected '${step.write({ n: 1, suffix: '' })}' first`;
      } else if (seg.n > prev.n + 1) {
        message = `Numbering skips ${skipped(step.write, prev.n + 1, seg.n - 1)}: '${here}' follows '${step.write(prev)}'`;
      } else if (seg.n < prev.n || (seg.n === prev.n && compareSuffix(seg.suffix, prev.suffix) < 0)) {
        message = `'${here}' is out of order: it follows '${step.write(prev)}'`;
      }
      if (message) {
        reported.add(block);
        out.push(finding(doc.file, block.line, block.column, 'error', name, message));
      }
    }
    return out;
  },
};

function skipped(write: (s: { n: number; suffix: string }) => string, from: number, to: number): string {
  const a = write({ n: from, suffix: '' });
  if (to <= from) return a;
  return `${a} to ${write({ n: to, suffix: '' })}`;
}
