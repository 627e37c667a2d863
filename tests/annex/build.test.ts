import { describe, expect, it } from 'vitest';
import { buildAnnex, displayDate } from '../../src/annex/build.js';
import type { AnnexClause, AnnexDocument, AnnexTable } from '../../src/annex/types.js';
import { redlineErrors, textChangeError } from '../../src/redline/invariant.js';
import type { Redline } from '../../src/redline/types.js';
import { UsageError } from '../../src/util/errors.js';
import { block, clause, deleted, diffRedline, doc, exampleRedline, header, inserted, META, row, tc } from './fixtures.js';

function instructions(annex: AnnexDocument): string[] {
  return annex.parts.flatMap((p) => p.content.flatMap((c) => (c.type === 'instruction' ? [c.text] : [])));
}

function clauses(annex: AnnexDocument): AnnexClause[] {
  return annex.parts.flatMap((p) => p.content.filter((c): c is AnnexClause => c.type === 'clause'));
}

function outline(annex: AnnexDocument, docId: string): string[] {
  const part = annex.parts.find((p) => p.docId === docId)!;
  return part.content.map((c) => (c.type === 'instruction' ? 'I' : c.type === 'gap' ? '…' : c.id));
}

describe('fixtures', () => {
  it('are exact (textChangeError on every change)', () => {
    for (const r of [exampleRedline(), diffRedline()]) {
      expect(redlineErrors(r)).toEqual([]);
      for (const d of r.documents) for (const c of d.clauses) for (const b of c.blocks) expect(textChangeError(b.text)).toBeNull();
    }
  });
});

describe('buildAnnex on the example', () => {
  const annex = buildAnnex(exampleRedline(), META);

  it('has the title block, about text and the versions drafted against', () => {
    expect(annex.title).toEqual({
      heading: "MP999 'Housekeeping changes to the SEC & DUIS'",
      annex: 'Annex A',
      subtitle: 'Legal text',
      version: 'Version 1.0',
      date: '22 May 2024',
      release: 'June 2024 SEC Release',
      drafter: 'SECAS',
    });
    expect(annex.meta.classification).toBe('White');
    expect(annex.about.join(' ')).toContain("MP999 'Housekeeping changes to the SEC & DUIS'");
    expect(annex.basis).toContainEqual({ document: "Appendix AD 'DCC User Interface Specification'", version: 'DUIS 5.2' });
    expect(annex.hasItems).toBe(true);
  });

  it('has one part per changed document, in SEC order, redlined against the old version', () => {
    expect(annex.parts.map((p) => `${p.heading} | ${p.against}`)).toEqual([
      "Section A 'Definitions and Interpretation' | redlined against SEC 2024-06",
      "Section F 'Smart Metering System Requirements' | redlined against SEC 2024-06",
      "Section G 'Security' | redlined against SEC 2024-06",
      "Section M 'General' | redlined against SEC 2024-06",
      "Appendix AD 'DCC User Interface Specification' | redlined against DUIS 5.2",
      "Appendix AG 'Incident Management Policy' | redlined against SEC 2024-06",
    ]);
  });

  it('words one instruction per changed clause from the edit kinds', () => {
    expect(instructions(annex)).toEqual([
      'Amend the definitions in Section A1.1 as follows:',
      "Insert a new paragraph after the first paragraph of the part headed 'Annex to Section F4' (after Section F4.17) as follows:",
      'Amend Section G3.5 as follows:',
      'Insert new Section G3.5A after Section G3.5 as follows:',
      "Delete Section G3.7 and replace it with 'Not used':",
      "Amend Sections M2.4, M2.5 and M2.7 as follows, where each reference to 'Fax' is replaced as shown:",
      'Amend clause 2.2 of Appendix AD as follows:',
      'Amend the table in clause 3.5.10 of Appendix AD as follows:',
      'Amend clause 3.8.17.1 of Appendix AD as follows:',
      'Amend the heading after clause 2.10.9 of Appendix AG as follows:',
    ]);
  });

  it('shows each changed clause once, unchanged clauses never, with gaps between non-adjacent ones', () => {
    const ids = clauses(annex).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('G3.4');
    expect(ids).not.toContain('G3.6');
    expect(outline(annex, 'Section G')).toEqual(['I', 'G3.5', 'I', 'G3.5A', '…', 'I', 'G3.7']);
    expect(outline(annex, 'Appendix AD')).toEqual(['I', 'Appendix AD 2.2', '…', 'I', 'Appendix AD 3.5.10', 'I', 'Appendix AD 3.8.17.1']);
  });

  it('puts a document-wide replacement instruction once before the clauses it covers', () => {
    expect(outline(annex, 'Section M')).toEqual(['I', 'M2.4', 'M2.5', '…', 'M2.7']);
    const part = annex.parts.find((p) => p.docId === 'Section M')!;
    expect(part.content[0]).toMatchObject({ type: 'instruction', text: "Amend Sections M2.4, M2.5 and M2.7 as follows, where each reference to 'Fax' is replaced as shown:", items: ['8'] });
  });

  it('shows a clause changed by several items once, each block tagged with its items', () => {
    const g35 = clauses(annex).find((c) => c.id === 'G3.5')!;
    expect(g35.items).toEqual(['3', '26']);
    expect(g35.blocks.map((b) => (b.type === 'text' ? `${b.kind}:${b.items.join(',')}` : 'table'))).toEqual(['clause:3', 'subpara:', 'subpara:26', 'subpara:']);
    expect(g35.blocks.map((b) => (b.type === 'text' ? b.indent : -1))).toEqual([0, 1, 1, 2]);
  });

  it('elides unchanged definitions but keeps the header, changed rows and their neighbours', () => {
    const a11 = clauses(annex).find((c) => c.id === 'A1.1')!;
    const table = a11.blocks[1] as AnnexTable;
    expect(table.definitions).toBe(true);
    expect(table.header.cells.map((c) => c.new)).toEqual(['Expression', 'Meaning']);
    expect(table.rows.map((r) => (r.type === 'gap-row' ? `…${r.count}` : `${r.key}:${r.status}`))).toEqual([
      '…12',
      'SM WAN:inserted',
      'Triage System Interface:changed',
      'User:unchanged',
    ]);
  });

  it('shows a small changed table with its deleted and inserted rows, eliding only runs of unchanged rows', () => {
    const t = clauses(annex).find((c) => c.id === 'Appendix AD 3.5.10')!.blocks[1] as AnnexTable;
    expect(t.columns).toBe(3);
    expect(t.align).toEqual([null, null, 'right']);
    expect(t.rows.map((r) => (r.type === 'gap-row' ? `…${r.count}` : `${r.key}:${r.status}`))).toEqual([
      'E60:unchanged',
      'E61:changed',
      'E62:deleted',
      'E63:unchanged',
      'E64:inserted',
      '…3',
    ]);
  });
});

describe('buildAnnex on a diff (no edits)', () => {
  const annex = buildAnnex(diffRedline(), META);
  it('words instructions from statuses: amend, delete, renumber, move, insert, new document', () => {
    expect(instructions(annex)).toEqual([
      'Amend Section G5.1 as follows:',
      'Delete Section G5.3:',
      'Renumber Section G5.5 as Section G5.6 as follows:',
      'Move Section G5.7 to become Section G5.9 and amend it as follows:',
      'Insert new Section G5.10 after Section G5.9 as follows:',
      "Insert the following new document, Appendix ZZ 'Test Appendix':",
    ]);
    expect(annex.parts[1]!.against).toBe('new document');
    expect(annex.hasItems).toBe(false);
  });
});

describe('instruction wording', () => {
  const one = (clauses: ReturnType<typeof clause>[], kind: 'section' | 'appendix' = 'section', code = 'A'): string[] =>
    instructions(buildAnnex({ documents: [doc(kind, code, 'Title', 'v1', clauses)] }, META));

  it('a single inserted definition', () => {
    expect(
      one([
        clause('A1.1', [
          block('clause', 'A1.1', 'A1.1', 'Definitions:'),
          header('A1.1/table1', ['Expression', 'Meaning']),
          row('A1.1[Alpha]', 'Alpha', ['Alpha', 'means a.']),
          row('A1.1[Beta]', 'Beta', [inserted('Beta'), inserted('means b.')]),
        ], { edits: [{ item: '1', kind: 'insert-row' }] }),
      ]),
    ).toEqual(['Insert the following new definition in Section A1.1 in alphabetical order:']);
  });

  it('a single amended or deleted definition names it', () => {
    const table = (r: ReturnType<typeof row>) => clause('A1.1', [block('clause', 'A1.1', 'A1.1', 'Definitions:'), header('A1.1/table1', ['Expression', 'Meaning']), r]);
    expect(one([table(row('A1.1[SM WAN]', 'SM WAN', ["**'SM WAN'**", tc('means ', { del: 'a', items: ['1'] }, { ins: 'the', items: ['1'] }), ]))])).toEqual([
      "Amend the definition of 'SM WAN' in Section A1.1 as follows:",
    ]);
    expect(one([table(row('A1.1[Old]', 'Old', [deleted('Old'), deleted('means gone.')]))])).toEqual(["Delete the definition of 'Old' from Section A1.1:"]);
  });

  it('appendix references name the appendix once', () => {
    expect(
      one(
        [
          clause('Appendix AD 3.5', [block('clause', 'Appendix AD 3.5', '3.5', 'Text.')]),
          clause('Appendix AD 3.5A', [block('clause', 'Appendix AD 3.5A', '3.5A', inserted('New.'))], { edits: [{ item: '2', kind: 'insert-clause', after: 'Appendix AD 3.5' }] }),
        ],
        'appendix',
        'AD',
      ),
    ).toEqual(['Insert new clause 3.5A after clause 3.5 of Appendix AD as follows:']);
  });

  it('a paragraph inserted under a table', () => {
    expect(
      one(
        [
          clause('Appendix R 8.1.26', [
            block('clause', 'Appendix R 8.1.26', '8.1.26', 'Response codes:'),
            header('Appendix R 8.1.26/table1', ['Code', 'Meaning']),
            row('Appendix R 8.1.26[0]', '0', ['0', 'OK']),
            block('paragraph', 'Appendix R 8.1.26/p1', '', inserted('Other codes are reserved.', ['9']), { items: ['9'] }),
          ], { edits: [{ item: '9', kind: 'insert-paragraph' }] }),
        ],
        'appendix',
        'R',
      ),
    ).toEqual(['Insert a new paragraph under the table in clause 8.1.26 of Appendix R as follows:']);
  });

  it("a diff that turns a clause into 'Not used' reads as a deletion", () => {
    expect(one([clause('A2.1', [block('clause', 'A2.1', 'A2.1', tc({ del: 'Old text.' }, { ins: 'Not used' }))])])).toEqual([
      "Delete Section A2.1 and replace it with 'Not used':",
    ]);
  });

  it('a renamed numbered heading', () => {
    expect(one([clause('A3', [block('heading', 'A3', 'A3', tc({ del: 'Old' }, { ins: 'New' }, ' Title'))])])).toEqual(['Amend the heading of Section A3 as follows:']);
  });

  it('a deleted document is one instruction', () => {
    const r: Redline = { documents: [doc('appendix', 'ZY', 'Gone', 'v1', [clause('Appendix ZY 1.1', [block('clause', 'Appendix ZY 1.1', '1.1', deleted('Old.'))])], 'deleted')] };
    const annex = buildAnnex(r, META);
    expect(instructions(annex)).toEqual(["Delete Appendix ZY 'Gone' in its entirety."]);
    expect(annex.parts[0]!.content).toHaveLength(1);
  });
});

describe('buildAnnex refuses bad input', () => {
  it('refuses a redline that breaks the exactness invariant', () => {
    const r = exampleRedline();
    r.documents[0]!.clauses[1]!.blocks[0]!.text.new = 'tampered';
    expect(() => buildAnnex(r, META)).toThrow(/inexact redline/);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => buildAnnex(exampleRedline(), { ...META, date: '22 May 2024' })).toThrow(UsageError);
    expect(() => buildAnnex(exampleRedline(), { ...META, date: '2024-13-01' })).toThrow(UsageError);
    expect(displayDate('2024-06-01')).toBe('1 June 2024');
  });

  it('leaves out documents with no changed clause', () => {
    const r: Redline = { documents: [doc('section', 'B', 'Same', 'v1', [clause('B1.1', [block('clause', 'B1.1', 'B1.1', 'Same.')])])] };
    expect(buildAnnex(r, META).parts).toEqual([]);
  });
});
