// dangling-reference: a cross-reference in the text that points at no clause (see references.ts for what is
// recognised). Only the documents being checked are known: a reference into a document that is not in the set
// is skipped, or reported as a warning with `missingDocuments`. A dangling reference into the same document is
// an error; into another document of the set, a warning (that document may be the one that is out of date).
// A number resolves when a block has exactly that ID or when clauses are numbered under it ('Section G3'
// resolves through G3.1 even without a heading G3).

import type { Block, Problem, SecDocument } from '../../model/types.js';
import type { Rule } from '../types.js';
import { docId } from '../../model/doc-ref.js';
import { findReferences, titlesOf, type Reference, type Titles } from '../references.js';
import { addresses } from '../../model/addresses.js';
import { locate } from '../position.js';
import { finding } from '../where.js';

const name = 'dangling-reference';

export const danglingReference: Rule = {
  name,
  severity: 'error',
  description: "a reference ('Section G3.5', 'H17.5(a)', 'clause 3.8.17 of Appendix AD', 'clause 1.4') to a clause that does not exist",
  scope: 'documents',
  check(ctx) {
    const out: Problem[] = [];
    const titles = titlesOf(ctx.docs);
    // Which references a block holds depends on the block and on the titles of the whole set ('clause 3.6.3 of
    // the DCC User Interface Specification'): the memo key names the titles, so a set with other titles reads
    // the document again.
    const refsKey = `references\u0000${[...titles].map(([title, ref]) => `${title}\u0001${docId(ref)}`).join('\u0000')}`;
    const idsOf = (doc: SecDocument): Set<string> => ctx.memo('resolvable', doc, () => resolvable(doc));
    for (const doc of ctx.docs) {
      const ownId = docId(doc.meta);
      // One pass over the document's references (found once per document); each is looked up in its target's
      // index of IDs, built once per target document.
      for (const { block: b, ref, targetId } of ctx.memo(refsKey, doc, () => referencesOf(doc, titles))) {
        const target = targetId === ownId ? doc : ctx.byDocId.get(targetId);
        const at = (): { line: number; column: number } => locate(ctx.lines(doc), b, ref.offset, ref.at);
        if (!target) {
          if (ctx.options.missingDocuments) {
            const p = at();
            out.push(finding(doc.file, p.line, p.column, 'warning', name, `'${ref.written}' refers to ${targetId}, which is not among the documents checked`));
          }
          continue;
        }
        if (ref.id === null || idsOf(target).has(ref.id)) continue;
        if (ref.candidates?.some((c) => idsOf(target).has(c))) continue;
        const p = at();
        const local = ref.doc.kind === 'section' ? ref.id : ref.id.slice(targetId.length + 1);
        const own = target === doc;
        out.push(finding(doc.file, p.line, p.column, own ? 'error' : 'warning', name,
          `Dangling reference '${ref.written}': ${targetId} has no ${local.endsWith(')') ? 'sub-paragraph' : 'clause'} ${local}`));
      }
    }
    return out;
  },
};

interface BlockReference {
  block: Block;
  ref: Reference;
  /** The document ID the reference points into ('Section G'). */
  targetId: string;
}

/** The references of a document's blocks, in block order, without those that are another rule's finding. */
function referencesOf(doc: SecDocument, titles: Titles): BlockReference[] {
  const out: BlockReference[] = [];
  for (const b of doc.blocks) {
    for (const ref of findReferences(doc, b.text, b.id, titles)) {
      // A paragraph that starts with a number is a clause gone wrong: malformed-id's finding, not a reference.
      if (ref.offset === 0 && (b.kind === 'paragraph' || (b.kind === 'heading' && b.label === '')) && ref.written === ref.at) continue;
      out.push({ block: b, ref, targetId: docId(ref.doc) });
    }
  }
  return out;
}

/** Every ID a reference may name: block IDs, plus the numbers that clauses are numbered under. */
function resolvable(doc: SecDocument): Set<string> {
  // Block IDs and what lives inside blocks: every number of a 'Not used' range, limbs of cells.
  const ids = new Set<string>(addresses(doc).map((a) => a.id));
  for (const b of doc.blocks) {
    if (b.label === '' || (b.kind !== 'heading' && b.kind !== 'clause')) continue;
    // 'Appendix AD 3.8.17.1' → 'Appendix AD 3.8.17', 'Appendix AD 3.8', 'Appendix AD 3'; 'G3.5.1' → 'G3.5', 'G3'.
    let id = b.id;
    for (let cut = id.lastIndexOf('.'); cut > 0 && !/\s$/.test(id.slice(0, cut)); cut = id.lastIndexOf('.')) {
      id = id.slice(0, cut);
      ids.add(id);
    }
  }
  return ids;
}
