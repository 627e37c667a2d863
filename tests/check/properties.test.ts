// Properties over generated documents: well-formed ones are clean under the structural rules, and removing a
// clause from the middle of a part is always reported as a skip.
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { notUsedRange } from '../../src/model/conventions.js';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/check/index.js';
import { parseDocument } from '../../src/model/parse.js';
import { numberSegments } from '../../src/model/numbering.js';
import { generatedDoc } from '../model/generated-docs.js';
import type { SecDocument } from '../../src/model/types.js';

// Generated tables reuse a small vocabulary, so keys and terms may repeat: those rules are left out here.
const STRUCTURAL = ['duplicate-id', 'numbering-order', 'inserted-clause', 'subparagraph-order', 'malformed-id', 'dangling-reference', 'table-shape', 'not-used-spelling'];

function load(text: string): SecDocument {
  const code = /\ncode: (\w+)\n/.exec(text)![1]!;
  const r = parseDocument(text, `section-${code}.md`);
  expect(r.problems).toEqual([]);
  return r.doc!;
}

describe('check properties', () => {
  it('a well-formed generated document is clean', () => {
    fc.assert(
      fc.property(generatedDoc, ({ text }) => {
        const doc = load(text);
        expect(runChecks([doc], { only: STRUCTURAL, sources: new Map([[doc.file, text]]) })).toEqual([]);
      }),
      { numRuns: runs(60) },
    );
  });

  it('removing a clause that has a successor in its part is reported as a skip', () => {
    fc.assert(
      fc.property(generatedDoc, fc.nat(), ({ text }, pick) => {
        const doc = load(text);
        const clauses = doc.blocks.filter((b) => b.kind === 'clause');
        // Clauses followed by another clause of the same part.
        const candidates = clauses.filter((b, i) => {
          const next = clauses[i + 1];
          return next !== undefined && numberSegments(doc.meta, next.label)[0]!.n === numberSegments(doc.meta, b.label)[0]!.n;
        });
        fc.pre(candidates.length > 0);
        const gone = candidates[pick % candidates.length]!;
        const mutated: SecDocument = { ...doc, blocks: doc.blocks.filter((b) => b !== gone) };
        const found = runChecks([mutated], { only: ['numbering-order'] });
        const label = gone.label.replace(/\./g, '\\.');
        // A 'Not used' range leaves all its numbers missing: 'Numbering skips G1.2 to G1.3'.
        const range = notUsedRange(gone.label, gone.text);
        const skipped = range ? `${label} to ${range.numbers[range.numbers.length - 1]!.replace(/\./g, '\\.')}` : label;
        expect(found.map((p) => p.message)).toEqual([expect.stringMatching(new RegExp(`^Numbering skips ${skipped}: |expected '${label}' first$`))]);
      }),
      { numRuns: runs(60) },
    );
  });
});
