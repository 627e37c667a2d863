// findReferences skips text that fails a cheap gate (references.ts, GATE): the gate must never hide a reference.
// Property: on text built from the pieces references are made of (keywords, codes, numbers, labels, joining
// words, punctuation and near misses), the gated search finds exactly what the full scan finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../helpers/runs.js';
import { findReferences, mayHoldReferences, scanReferences, titlesOf } from '../../src/check/references.js';
import type { DocKind, SecDocument } from '../../src/model/types.js';

function doc(kind: DocKind, code: string, title = 'DCC User Interface Specification'): SecDocument {
  return { file: 'x.md', meta: { kind, code, title, version: 'V' }, blocks: [] };
}
const DOCS = [doc('section', 'G', 'Security'), doc('appendix', 'AD'), doc('schedule', '8', 'Charging')];
const titles = titlesOf(DOCS);

const PIECES = [
  'Section', 'Sections', 'section', 'sections', 'Appendix', 'Schedule', 'clause', 'Clauses', 'paragraph', 'Paragraphs',
  'sub-paragraph', 'Sub-paragraphs', 'G', 'H', 'AD', 'AB', 'A', 'X', 'Z', 'Ab', 'G3', 'G3.5', 'H17.5', 'G3.5A', '3', '8',
  '3.8.17', '5.40', '1.4', '(a)', '(ii)', '(c)(i)', '(A', 'to', 'and', 'or', 'of', 'in', 'this', 'document', 'the',
  'DCC User Interface Specification', 'Security', 'GBCS', 'Number', 'Authority', '-', '–', ',', '.', ';', "'Title'",
  '/', 'X.509', 'E64', 'SMETS2', '**Party**', '`Code`', '\u00a0', '\t',
];
const SEPARATORS = [' ', ' ', ' ', '', '  ', '\n'];
const text = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 14 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

describe('the reference gate', () => {
  it('hides no reference: gated and full search agree on generated text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOCS), text, fc.constantFrom(undefined, 'G3.5(a)', 'Appendix AD 3.1(b)/p1'), (d, t, blockId) => {
        const full = scanReferences(d, t, blockId, titles);
        expect(findReferences(d, t, blockId, titles)).toEqual(full);
        if (full.length > 0) expect(mayHoldReferences(t, d.meta.kind === 'section')).toBe(true);
      }),
      { numRuns: runs(3000) },
    );
  });

  it('passes text with a reference and stops prose without one', () => {
    expect(mayHoldReferences('in accordance with Section G3.5', false)).toBe(true);
    expect(mayHoldReferences('as set out in H17.5(a)', true)).toBe(true);
    expect(mayHoldReferences('as set out in H17.5(a)', false)).toBe(false);
    expect(mayHoldReferences('the Section Number and Schedule Anchor', true)).toBe(false);
  });
});
