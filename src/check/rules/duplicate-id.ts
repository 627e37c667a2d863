// duplicate-id: two blocks with the same ID (a number written twice, a sub-paragraph label repeated in one
// list), or two files that hold the same document. Every place is reported, each naming the others, because
// either one may be the mistake.

import type { Block, Problem } from '../../model/types.js';
import type { Rule } from '../types.js';
import { docId } from '../../model/doc-ref.js';
import { finding, listPlaces, placeOf } from '../where.js';
import { rangeIds } from '../../model/addresses.js';

const name = 'duplicate-id';

export const duplicateId: Rule = {
  name,
  severity: 'error',
  description: 'two blocks with the same ID, or two files holding the same document',
  scope: 'documents',
  check(ctx) {
    const out: Problem[] = [];
    for (const doc of ctx.docs) {
      const byId = new Map<string, Block[]>();
      for (const b of doc.blocks) {
        // '(?)' stands for a missing label, which the parser reports already.
        if (b.id.includes('(?)')) continue;
        // A 'Not used' range holds each of its numbers ('G3.17 to G3.20 Not used' and a clause G3.18 clash).
        for (const id of [b.id, ...rangeIds(b)]) {
          const list = byId.get(id);
          if (list) list.push(b);
          else byId.set(id, [b]);
        }
      }
      for (const [id, blocks] of byId) {
        if (blocks.length < 2) continue;
        for (const b of blocks) {
          const others = blocks.filter((o) => o !== b).map((o) => placeOf(doc, o));
          out.push(finding(doc.file, b.line, b.column, 'error', name, `Duplicate ID ${id}: also at ${listPlaces(others)}`));
        }
      }
    }
    const files = new Map<string, string[]>();
    for (const doc of ctx.docs) {
      const id = docId(doc.meta);
      files.set(id, [...(files.get(id) ?? []), doc.file]);
    }
    for (const [id, list] of files) {
      if (list.length < 2) continue;
      for (const file of list) {
        const others = list.filter((f) => f !== file);
        out.push(finding(file, 1, 1, 'error', name, `Duplicate document ${id}: ${listPlaces(others)} holds it too`));
      }
    }
    return out;
  },
};
