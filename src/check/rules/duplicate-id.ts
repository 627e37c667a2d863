// duplicate-id: two blocks with the same ID (a number written twice, a sub-paragraph label repeated in one
// list), or two files that hold the same document. Every place is reported, each naming the others, because
// either one may be the mistake.

import type { Block, Problem, SecDocument } from '../../model/types.js';
import { pushAll } from '../../util/arrays.js';
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
    for (const doc of ctx.docs) pushAll(out, ctx.memo(name, doc, () => duplicateBlocks(doc)));
    const files = new Map<string, string[]>();
    for (const doc of ctx.docs) {
      const id = docId(doc.meta);
      const list = files.get(id);
      if (list) list.push(doc.file);
      else files.set(id, [doc.file]);
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

/** Blocks of one document that share an ID (a document on its own: computed once per document). */
function duplicateBlocks(doc: SecDocument): Problem[] {
  const out: Problem[] = [];
  // The first block of each ID, and the IDs held by more than one block (rare) with all their blocks.
  const first = new Map<string, Block>();
  const shared = new Map<string, Block[]>();
  const add = (id: string, b: Block): void => {
    const seen = first.get(id);
    if (seen === undefined) first.set(id, b);
    else {
      const list = shared.get(id);
      if (list) list.push(b);
      else shared.set(id, [seen, b]);
    }
  };
  for (const b of doc.blocks) {
    // '(?)' stands for a missing label, which the parser reports already.
    if (b.id.includes('(?)')) continue;
    add(b.id, b);
    // A 'Not used' range holds each of its numbers ('G3.17 to G3.20 Not used' and a clause G3.18 clash).
    if (b.kind === 'clause' && b.label !== '' && b.text.startsWith('to ')) for (const id of rangeIds(b)) add(id, b);
  }
  for (const [id, blocks] of shared) {
    for (const b of blocks) {
      const others = blocks.filter((o) => o !== b).map((o) => placeOf(doc, o));
      out.push(finding(doc.file, b.line, b.column, 'error', name, `Duplicate ID ${id}: also at ${listPlaces(others)}`));
    }
  }
  return out;
}
