// inserted-clause: a number with a letter suffix (G3.5A) is a clause inserted after G3.5 without renumbering,
// so it must come straight after its base (G3.5) or the previous insertion (G3.5A before G3.5B).

import type { Problem } from '../../model/types.js';
import type { Rule } from '../types.js';
import { numberSteps, previousSuffix } from '../numbering-walk.js';
import { finding } from '../where.js';

const name = 'inserted-clause';

export const insertedClause: Rule = {
  name,
  severity: 'error',
  description: 'an inserted clause with no base (G3.5A without G3.5) or out of sequence (G3.5B without G3.5A)',
  scope: 'document',
  checkDocument(doc, ctx) {
    const out: Problem[] = [];
    const reported = new Set<unknown>();
    for (const step of ctx.memo('number-steps', doc, () => numberSteps(doc))) {
      const { seg, prev, block } = step;
      if (seg.suffix === '' || reported.has(block)) continue;
      const wanted = { n: seg.n, suffix: previousSuffix(seg.suffix) };
      if (prev && prev.n === wanted.n && prev.suffix === wanted.suffix) continue;
      reported.add(block);
      const before = prev ? ` (it follows '${step.write(prev)}')` : '';
      out.push(
        finding(doc.file, block.line, block.column, 'error', name,
          `Unexpected '${step.write(seg)}': no clause ${step.write(wanted)} precedes it${before}`),
      );
    }
    return out;
  },
};
