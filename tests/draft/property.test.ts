// The drafting invariant, on random documents and random edits (rewording, inserted, removed, moved and
// renumbered clauses, sub-paragraphs, rows and columns, paragraphs, cross-headings; renumbering with edits):
//   apply(changelog(OLD, NEW), OLD) === NEW, byte for byte, through the change log's public entry points,
// and the drafted change log passes its own validation.

import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { readDocument, serializeDocument } from '../../src/model/index.js';
import { applyChangeLog, loadChangeLog } from '../../src/changelog/index.js';
import { draftChangeLog } from '../../src/draft/index.js';
import { applyEdit, edit, rawDoc, toDoc } from '../diff/generate.js';
import { applyRenumbering, renumbering } from './renumbering.js';

const RUNS = runs(40);
const HEADER = { modification: { id: 'MP999', title: 'Property' }, release: 'Test Release', drafter: 'SECAS', date: '2026-01-05' };

/** A source that reads back as itself (the generator can make text that would read as a label). */
function canonical(source: string): boolean {
  const { doc } = readDocument(source, 'x.md');
  return doc !== null && serializeDocument(doc) === source;
}

const cases = fc.tuple(rawDoc, fc.array(edit, { maxLength: 6 }), fc.array(renumbering, { maxLength: 3 })).map(([raw, edits, renumbers]) => {
  let edited = edits.reduce(applyEdit, raw);
  edited = renumbers.reduce(applyRenumbering, edited);
  return { old: serializeDocument(toDoc(raw)), new: serializeDocument(toDoc(edited)) };
});

describe('drafting a change log: apply(changelog(OLD, NEW), OLD) = NEW', () => {
  it('holds on random documents and edits, renumbering included', () => {
    let drafted = 0;
    fc.assert(
      fc.property(cases, ({ old, new: next }) => {
        fc.pre(old !== next && canonical(old) && canonical(next));
        const r = draftChangeLog([{ path: 'old/section-G.md', text: old }], [{ path: 'new/section-G.md', text: next }], HEADER);
        expect(r.problems).toEqual([]);
        const loaded = loadChangeLog(r.yaml!, 'changes.yaml');
        expect(loaded.problems).toEqual([]);
        const { doc } = readDocument(old, 'section-G.md');
        const applied = applyChangeLog(loaded.log!, new Map([['Section G', doc!]]));
        expect(applied.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(serializeDocument(applied.docs.get('Section G')!)).toBe(next);
        drafted++;
      }),
      { numRuns: RUNS },
    );
    expect(drafted).toBeGreaterThan(RUNS / 2);
  });
});
