// How Word constructs map onto SEC Markdown (docs/import.md): each case builds a small package and states the
// Markdown import must write.

import { describe, expect, it } from 'vitest';
import { buildDocx, abstractNum, lvl, num, p, table } from './docx-builder.js';
import { importDocx } from '../../src/import/index.js';
import { ProblemsError } from '../../src/util/errors.js';

const SECTION_G = { custom: { kind: 'section', code: 'G', version: 'SEC 2024-06' }, title: 'Security' };
const FRONT = '---\nkind: section\ncode: G\ntitle: Security\nversion: SEC 2024-06\n---\n';
const STYLES =
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>' +
  '<w:style w:type="character" w:styleId="VerbatimChar"><w:name w:val="Verbatim Char"/></w:style>' +
  '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>';

const r = (text: string, rPr = ''): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (inner: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;

function imp(body: string, extra: Parameters<typeof buildDocx>[0] extends infer T ? Partial<T> : never = {}, tracked?: 'accept' | 'reject') {
  return importDocx(buildDocx({ ...SECTION_G, styles: STYLES, body, ...extra }), 'test.docx', tracked ? { tracked } : {});
}

describe('import: Word body → SEC Markdown', () => {
  it('headings by style and outline level, typed numbers with a tab, Not used in any spelling', () => {
    const res = imp(
      para(r('Security'), '<w:pStyle w:val="Title"/>') +
        para(r('Contents G1'), '<w:pStyle w:val="TOC1"/>') +
        para(r('G1 General'), '<w:pStyle w:val="Heading2"/>') +
        para(`${r('G1.1')}<w:r><w:tab/></w:r>${r('The DCC shall  comply.')}`) +
        para(r('G1.2 [Not Used].')) +
        para(r('Annex to Section G1'), '<w:outlineLvl w:val="2"/>') +
        para(r('Security Arrangements', '<w:b/>')) +
        para(r('Bold but a sentence.', '<w:b/>')) +
        para('') +
        para(r('Text under the annex heading.')),
    );
    expect(res.markdown).toBe(`${FRONT}\n## G1 General\n\nG1.1 The DCC shall comply.\n\nG1.2 Not used\n\n### Annex to Section G1\n\n### Security Arrangements\n\n**Bold but a sentence.**\n\nText under the annex heading.\n`);
    expect(res.problems.map((p) => p.message)).toEqual(['A table of contents (1 entries) was left out: it is generated from the headings']);
  });

  it('clause numbers and labels from Word numbering; depth from the label kind, not the list level', () => {
    const numbering =
      abstractNum(1, lvl(0, 'decimal', 'G%1') + lvl(1, 'decimal', 'G%1.%2') + lvl(2, 'lowerLetter', '(%3)') + lvl(3, 'lowerRoman', '(%4)')) + num(1, 1) +
      // A second list whose only level shows roman numerals: Word level 0, SEC depth 2.
      abstractNum(2, lvl(0, 'lowerRoman', '(%1)')) + num(2, 2);
    const res = imp(
      [
        p('General', { num: [1, 0], style: 'Heading2' }),
        p('The DCC shall:', { num: [1, 1] }),
        ...'abcdefgh'.split('').map((l) => p(`item ${l};`, { num: [1, 2] })),
        p('(i) ninth, a letter after (h);'),
        p('first numeral;', { num: [2, 0] }),
        p('second numeral.', { num: [2, 0] }),
        p('A clause numbered with a closing full stop.', { num: [3, 1] }),
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:p>',
      ].join(''),
      { numbering: numbering + abstractNum(3, lvl(0, 'decimal', 'G%1.') + lvl(1, 'decimal', 'G%1.%2.')) + num(3, 3, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="2"/></w:lvlOverride>') },
    );
    expect(res.markdown).toBe(
      `${FRONT}\n## G1 General\n\nG1.1 The DCC shall:\n\n` +
        'abcdefgh'.split('').map((l) => `- (${l}) item ${l};\n`).join('') +
        '- (i) ninth, a letter after (h);\n  - (i) first numeral;\n  - (ii) second numeral.\n\nG2.1 A clause numbered with a closing full stop.\n\nG2.2\n',
    );
    expect(res.summary).toMatchObject({ clauses: 3, headings: 1, subparagraphs: 11 });
    expect(res.problems.map((p) => p.message)).toEqual(['paragraph 15: clause G2.2 has no text']);
  });

  it('tables: a definitions table keyed by term, line breaks in cells as <br>, pipes escaped', () => {
    const cell = (inner: string): string => para(inner);
    const res = imp(
      para(r('G12.1 In this Section:')) +
        table([
          [cell(r('Expression')), cell(r('Meaning'))],
          [cell(r('Triage', '<w:b/>')), cell(`${r('means one;')}<w:r><w:br/></w:r>${r('or two | three.')}`)],
          [cell(r('Zone', '<w:rStyle w:val="Strong"/>')), para(r('first paragraph')) + para(r('second paragraph'))],
        ]),
    );
    expect(res.markdown).toBe(
      `${FRONT}\nG12.1 In this Section:\n\n| Expression | Meaning |\n| --- | --- |\n| **Triage** | means one;<br>or two \\| three. |\n| **Zone** | first paragraph<br>second paragraph |\n`,
    );
    expect(res.summary).toMatchObject({ tables: 1, definitions: 2 });
  });

  it('bold, italic, code by character style, hyperlinks, fields show their result, soft hyphens, nbsp, content controls', () => {
    const res = imp(
      para(
        r('G2.1 The ') + r('DCC', '<w:b/>') + r(' shall ') + r('promptly', '<w:i/>') + r(' send ') + r('sr:Alert', '<w:rStyle w:val="VerbatimChar"/>') +
          r(' as set out in ') +
          `<w:hyperlink r:id="L1">${r('the guide')}</w:hyperlink>` +
          r(' and Section ') +
          `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF G3 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('G3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>` +
          r(' (page ') +
          `<w:fldSimple w:instr=" PAGEREF x ">${r('7')}</w:fldSimple>` +
          r(')') +
          `<w:r><w:t xml:space="preserve"> to each Sub</w:t><w:softHyphen/><w:t>Committee</w:t></w:r>` +
          `<w:sdt><w:sdtPr/><w:sdtContent>${r('\u00a0within five')}</w:sdtContent></w:sdt>` +
          `<w:r><w:t xml:space="preserve"> Working Days, non</w:t><w:noBreakHyphen/><w:t>stop.</w:t></w:r>` +
          r(' hidden note', '<w:vanish/>'),
      ),
      { links: { L1: 'https://example.org/guide' } },
    );
    expect(res.markdown).toBe(`${FRONT}\nG2.1 The **DCC** shall *promptly* send \`sr:Alert\` as set out in [the guide](https://example.org/guide) and Section G3 (page 7) to each SubCommittee within five Working Days, non-stop.\n`);
    expect(res.problems.map((p) => p.message)).toEqual(['1 run of hidden text (w:vanish) left out: Word does not show it']);
  });

  it('tracked changes: refused by default with the count; accepted or rejected on request; comments counted', () => {
    const body =
      para(`${r('G3.1 The DCC shall ')}<w:del w:id="1" w:author="SECAS"><w:r><w:delText>notify</w:delText></w:r></w:del><w:ins w:id="2" w:author="SECAS">${r('inform')}</w:ins>${r(' the Panel.')}<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`) +
      para(r('G3.2 A clause the redline deletes.'), '<w:rPr><w:del w:id="3" w:author="SECAS"/></w:rPr>').replace(/<w:r>/, '<w:del w:id="4" w:author="SECAS"><w:r>').replace(/<w:t xml:space="preserve">G3\.2 A clause the redline deletes\.<\/w:t><\/w:r>/, '<w:delText xml:space="preserve">G3.2 A clause the redline deletes.</w:delText></w:r></w:del>') +
      para(r('G3.3 Last.'));
    const refuse = () => imp(body, { comments: '<w:comment w:id="0" w:author="Reviewer"><w:p/></w:comment>' });
    expect(refuse).toThrow(ProblemsError);
    try {
      refuse();
    } catch (e) {
      expect((e as ProblemsError).problems[0]!.message).toMatch(/^The document has 4 tracked revisions: pass --tracked accept/);
    }
    const accepted = imp(body, { comments: '<w:comment w:id="0" w:author="Reviewer"><w:p/></w:comment>' }, 'accept');
    expect(accepted.markdown).toBe(`${FRONT}\nG3.1 The DCC shall inform the Panel.\n\nG3.3 Last.\n`);
    expect(accepted.summary).toMatchObject({ revisions: 4, comments: 1 });
    const rejected = imp(body, {}, 'reject');
    expect(rejected.markdown).toBe(`${FRONT}\nG3.1 The DCC shall notify the Panel.\n\nG3.2 A clause the redline deletes.\n\nG3.3 Last.\n`);
  });

  it('footnotes become [^n] references and definitions numbered by first reference; unlabelled bullets are - items; images stay marked paragraphs', () => {
    const numbering = abstractNum(1, lvl(0, 'bullet', '•') + lvl(1, 'bullet', 'o')) + num(1, 1);
    const ref = (id: number): string => `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
    const note = (id: number, inner: string): string => `<w:footnote w:id="${id}"><w:p><w:r><w:footnoteRef/></w:r>${r(' ')}${inner}</w:p></w:footnote>`;
    const res = imp(
      para(`${r('G4.1 The DCC shall keep records')}${ref(7)}${r(' of each Incident.')}`) +
        p('(a) of each Incident;') +
        para(`<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Picture 1" descr="Process diagram"/></wp:inline></w:drawing></w:r>`) +
        p('a bullet without a label', { num: [1, 0] }) +
        p('a bullet under it', { num: [1, 1] }) +
        para(`${r('G4.2 Next')}${ref(3)}${r(', as in G4.1')}${ref(7)}${r('.')}`),
      {
        numbering,
        footnotes:
          '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>' +
          note(3, r('See the *Panel* rules.')) +
          note(7, `${r('As amended ')}${r('from time to time', '<w:i/>')}${r('.')}`),
      },
    );
    expect(res.markdown).toBe(
      `${FRONT}\nG4.1 The DCC shall keep records[^1] of each Incident.\n\n- (a) of each Incident;\n- a bullet without a label\n  - a bullet under it\n\n[import: image] Process diagram\n\nG4.2 Next[^2], as in G4.1[^1].\n\n[^1]: As amended *from time to time*.\n\n[^2]: See the \\*Panel\\* rules.\n`,
    );
    expect(res.doc.blocks.map((b) => b.id)).toEqual(['G4.1', 'G4.1(a)', 'G4.1/bullet1', 'G4.1/bullet1/bullet1', 'G4.1/p1', 'G4.2', 'Section G/fn1', 'Section G/fn2']);
    expect(res.problems.map((p) => `${p.line} ${p.message}`)).toEqual(['3 paragraph 3: an image cannot be placed in SEC Markdown: kept as a marked paragraph at the end of its clause']);
    expect(res.summary.footnotes).toBe(2);
  });

  it('a further paragraph of a sub-paragraph (blank list label, as pandoc and LibreOffice write it, or indented) continues it; one at the margin does not', () => {
    // pandoc: a bullet level whose label is a space; LibreOffice rewrites it as U+F020 (a Symbol-font space).
    const numbering = abstractNum(1, lvl(0, 'bullet', ' ') + lvl(1, 'bullet', ' ')) + num(1, 1) + abstractNum(2, lvl(0, 'bullet', '\uf020')) + num(2, 2);
    const ind = (left: number): string => `<w:ind w:left="${left}" w:hanging="0"/>`;
    const res = imp(
      para(r('G4.1 Each entry shall record:')) +
        p('(a) the time; and') +
        p('where a step was taken by another person, that person;', { num: [1, 0] }) +
        p('(b) the outcome:') +
        p('(i) first;') +
        p('further text of (i);', { num: [1, 1] }) +
        p('text of (b) again;', { num: [2, 0] }) +
        para(r('indented under (i)'), ind(1440)) +
        para(r('at the margin.')) +
        para(r('G4.2 Next:')) +
        para(r('(a) typed, indented;'), ind(720)) +
        para(r('continued, indented alike;'), ind(720)) +
        para(r('an ordinary paragraph.'), ind(0)),
      { numbering },
    );
    expect(res.markdown).toBe(
      `${FRONT}\nG4.1 Each entry shall record:\n\n- (a) the time; and\n\n  where a step was taken by another person, that person;\n\n- (b) the outcome:\n  - (i) first;\n\n    further text of (i);\n\n  text of (b) again;\n\n  indented under (i)\n\nat the margin.\n\nG4.2 Next:\n\n- (a) typed, indented;\n\n  continued, indented alike;\n\nan ordinary paragraph.\n`,
    );
    expect(res.doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.id)).toEqual(['G4.1(a)/p1', 'G4.1(b)(i)/p1', 'G4.1(b)/p1', 'G4.1(b)/p2', 'G4.1/p1', 'G4.2(a)/p1', 'G4.2/p1']);
    expect(res.problems).toEqual([]);
  });

  it('a document with no SEC numbering still imports, with warnings and guesses', () => {
    const res = importDocx(buildDocx({ body: para(r('Minutes of the meeting')) + para(r('1. Apologies were received.')) }), 'minutes.docx');
    expect(res.markdown).toBe('---\nkind: appendix\ncode: ZZ\ntitle: Untitled\nversion: unversioned\n---\n\nMinutes of the meeting\n\n1\\. Apologies were received.\n');
    expect(res.problems.at(-1)!.message).toMatch(/^No SEC clause numbers found/);
    expect(res.guesses.length).toBe(4);
  });

  it('--kind/--code/--title/--version override the file; the file name and clause numbers are used when nothing says', () => {
    const body = para(r('H1.1 A clause.'));
    expect(importDocx(buildDocx({ body }), 'x.docx', { kind: 'section', code: 'H', title: 'DCC Services', version: 'SEC 2024-06' }).guesses).toEqual([]);
    const guessed = importDocx(buildDocx({ body }), 'whatever.docx');
    expect(guessed.doc.meta).toMatchObject({ kind: 'section', code: 'H' });
    expect(importDocx(buildDocx({ body: para(r('2.1 A clause.')) }), 'SEC Appendix AD v5.docx').doc.meta).toMatchObject({ kind: 'appendix', code: 'AD' });
  });
});
