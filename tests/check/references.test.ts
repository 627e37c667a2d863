// What the dangling-reference rule reads as a reference, and what it leaves alone.
import { describe, expect, it } from 'vitest';
import { findReferences } from '../../src/check/references.js';
import type { DocKind, SecDocument } from '../../src/model/types.js';

function doc(kind: DocKind, code: string): SecDocument {
  return { file: 'x.md', meta: { kind, code, title: 'T', version: 'V' }, blocks: [] };
}
const G = doc('section', 'G');
const AD = doc('appendix', 'AD');

/** 'written → id' for each reference (document references as 'written → Appendix AD'). */
function refs(d: SecDocument, text: string): string[] {
  return findReferences(d, text).map((r) => `${r.written} → ${r.id ?? `${r.doc.kind} ${r.doc.code}`}`);
}

describe('findReferences', () => {
  const cases: [SecDocument, string, string[]][] = [
    [G, 'in accordance with Section G3.5.', ['Section G3.5 → G3.5']],
    [G, 'the information in Section H17.5(a)(ii) applies', ['Section H17.5(a)(ii) → H17.5(a)(ii)']],
    [G, 'Sections G3.17 to G3.20 apply', ['Section G3.17 → G3.17', 'G3.20 → G3.20']],
    [G, 'Section G3.4 or Section G3.5A', ['Section G3.4 → G3.4', 'Section G3.5A → G3.5A']],
    [G, 'as set out in H17.5(a) and G3.5', ['H17.5(a) → H17.5(a)', 'G3.5 → G3.5']],
    [AD, 'as set out in H17.5(a)', []], // bare numbers are read only in Sections
    [G, 'clause 3.8.17 of Appendix AD', ['clause 3.8.17 → Appendix AD 3.8.17']],
    [G, 'clauses 3.1 and 3.2 of Appendix AD', ['clauses 3.1 → Appendix AD 3.1', '3.2 → Appendix AD 3.2']],
    [G, 'Appendix AD 3.8.17.1 describes it', ['Appendix AD 3.8.17.1 → Appendix AD 3.8.17.1']],
    [G, 'clause 1.4 applies', []], // whose clause 1.4? not checked
    [AD, 'clause 1.4 applies', ['clause 1.4 → Appendix AD 1.4']],
    [AD, 'section 8 of this document', ['section 8 → Appendix AD 8']],
    [AD, 'clause 4.3 of the GBCS', []],
    [AD, 'clause 3.1 in respect of Users', ['clause 3.1 → Appendix AD 3.1']],
    [G, 'this Section G, Appendix AD and Schedule 8', ['Section G → section G', 'Appendix AD → appendix AD', 'Schedule 8 → schedule 8']],
    [G, 'clause 2.3 of Appendix AB', ['clause 2.3 → Appendix AB 2.3']], // the document is named once, by the clause
    [G, 'SMETS2, X.509, DUIS 5.2, E64, version 1.0, SHA-256 and ISO 27001', []],
    [G, 'Section 8 is not a Section', []],
  ];
  for (const [d, text, expected] of cases) {
    it(`${d.meta.kind} ${d.meta.code}: ${text}`, () => {
      expect(refs(d, text)).toEqual(expected);
    });
  }

  it('gives the offset of each number in the text', () => {
    const text = 'Sections G3.17 to G3.20 apply';
    expect(findReferences(G, text).map((r) => text.slice(r.offset, r.offset + r.at.length))).toEqual(['G3.17', 'G3.20']);
  });
});
