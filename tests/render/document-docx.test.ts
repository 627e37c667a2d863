// The rendered DOCX read as XML: house style (title page without running header, TOC field already listing
// its entries and marked for update, Heading styles with bookmarks the entries link to, literal hanging
// numbers, sub-paragraph styles by depth, tables with repeated header rows that do not split, hyperlinks),
// reproducible bytes, and every part valid against the ECMA-376 schemas.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { deep, runs } from '../helpers/runs.js';
import { documentView, renderDocumentDocx } from '../../src/render/document/index.js';
import { plainText, readDocument } from '../../src/model/index.js';
import { zipText } from '../docx/zip-reader.js';
import { child, elements, parseXml, textOf, type XmlElement } from '../docx/xml-tree.js';
import { canValidateDocx, validateDocx } from '../helpers/validate-docx.js';
import { generatedDoc } from '../model/generated-docs.js';
import { allDocuments, load, FIXTURE } from './helpers.js';

const render = (file: string, date: string | null = '2024-06-27'): Uint8Array => renderDocumentDocx(documentView(load(file), { date }));
const docs = allDocuments();

function part(docx: Uint8Array, name: string): XmlElement {
  return parseXml(zipText(docx, name));
}

/** What a reader sees of an element: text, tabs and breaks; never a field's instruction. */
// A footnote reference shows the footnote's number; the renderer numbers its footnotes 1, 2, … as the document does.
function shown(e: XmlElement): string {
  return e.children
    .map((c) =>
      typeof c === 'string' ? '' : c.name === 'w:t' ? textOf(c) : c.name === 'w:tab' && e.name === 'w:r' ? '\t' : c.name === 'w:br' ? '\n' : c.name === 'w:instrText' ? '' : c.name === 'w:footnoteReference' ? `[^${c.attrs['w:id'] ?? '?'}]` : shown(c),
    )
    .join('');
}

const attr = (e: XmlElement | undefined, name: string): string | undefined => e?.attrs[name];
const style = (p: XmlElement): string | undefined => attr(child(child(p, 'w:pPr') ?? { name: '', attrs: {}, children: [] }, 'w:pStyle'), 'w:val');
const paragraphs = (docx: Uint8Array): XmlElement[] => elements(child(part(docx, 'word/document.xml'), 'w:body')!).filter((e) => e.name === 'w:p');

describe('the fixture with every construct', () => {
  const docx = render(FIXTURE);
  const paras = paragraphs(docx);

  it('opens with a title page: no running header on it (w:titlePg), the classification at its foot', () => {
    const body = child(part(docx, 'word/document.xml'), 'w:body')!;
    const sect = child(body, 'w:sectPr')!;
    expect(child(sect, 'w:titlePg')).toBeDefined();
    const refs = elements(sect).filter((e) => e.name === 'w:headerReference' || e.name === 'w:footerReference');
    expect(refs.map((r) => `${r.name}:${r.attrs['w:type']}`)).toEqual(['w:headerReference:default', 'w:headerReference:first', 'w:footerReference:default', 'w:footerReference:first']);
    expect(textOf(part(docx, 'word/header2.xml'))).toBe('');
    expect(textOf(part(docx, 'word/footer2.xml'))).toBe('This document has a Classification of White');
    expect(paras.slice(0, 4).map((p) => `${style(p)}: ${textOf(p)}`)).toEqual(['Subtitle: Smart Energy Code', "Title: Section X 'Transition'", 'TitleMeta: Version SEC 2024-06', 'TitleMeta: 27 June 2024']);
  });

  it('header: name and version; footer: classification and Page X of Y as fields', () => {
    expect(shown(part(docx, 'word/header1.xml'))).toBe("Section X 'Transition'\t\tSEC 2024-06");
    const footer = part(docx, 'word/footer1.xml');
    const instr = elements(footer, 'w:instrText').map(textOf).map((s) => s.trim());
    expect(instr).toEqual(['PAGE', 'NUMPAGES']);
    expect(textOf(footer)).toContain('This document has a Classification of White');
  });

  it('the contents: one TOC field, marked dirty, whose result already lists each heading with a link to its bookmark', () => {
    const settings = part(docx, 'word/settings.xml');
    expect(attr(child(settings, 'w:updateFields'), 'w:val')).toBe('true');
    const toc = paras.filter((p) => /^TOC\d$/.test(style(p) ?? ''));
    expect(toc.map(shown)).toEqual(['X1\tGeneral\t', 'X2\tDefinitions\t']);
    const begin = elements(toc[0]!, 'w:fldChar')[0]!;
    expect(begin.attrs).toMatchObject({ 'w:fldCharType': 'begin', 'w:dirty': 'true' });
    expect(textOf(elements(toc[0]!, 'w:instrText')[0]!).trim()).toBe('TOC \\o "1-2" \\h \\z \\u');
    expect(elements(toc[toc.length - 1]!, 'w:fldChar').at(-1)!.attrs['w:fldCharType']).toBe('end');
    const anchors = toc.map((p) => elements(p, 'w:hyperlink')[0]!.attrs['w:anchor']);
    const headings = paras.filter((p) => /^Heading\d$/.test(style(p) ?? ''));
    expect(headings.map((h) => elements(h, 'w:bookmarkStart')[0]?.attrs['w:name'])).toEqual(anchors);
    expect(headings.map((h) => style(h))).toEqual(['Heading1', 'Heading1']);
  });

  it('clauses hang their literal number before a tab; sub-paragraphs take the style of their depth', () => {
    const byText = (start: string): XmlElement => paras.find((p) => shown(p).startsWith(start))!;
    const clause = byText('X1.1\t');
    expect(style(clause)).toBe('DocClause');
    expect(elements(clause, 'w:numPr')).toEqual([]);
    expect(style(byText('(a)\t'))).toBe('DocSubpara1');
    expect(style(byText('(i)\t'))).toBe('DocSubpara2');
    expect(style(byText('(A)\t'))).toBe('DocSubpara3');
    expect(style(byText('(I)\t'))).toBe('DocSubpara4');
    expect(style(byText('A direction under'))).toBe('DocText');
    expect(style(byText('Transitional Reporting'))).toBe('DocCrossHeading');
    const notUsed = byText('X1.3\t');
    expect(elements(notUsed, 'w:rStyle').map((e) => e.attrs['w:val'])).toEqual(['NotUsed']);
    expect(elements(byText('X1.4\t'), 'w:rStyle').map((e) => e.attrs['w:val'])).toContain('CodeChar');
  });

  it('links are Word hyperlinks to external targets', () => {
    const links = elements(part(docx, 'word/document.xml'), 'w:hyperlink').filter((h) => h.attrs['r:id'] !== undefined);
    expect(links.map(textOf)).toEqual(['Code website']);
    const rels = elements(part(docx, 'word/_rels/document.xml.rels'), 'Relationship').find((r) => r.attrs['Id'] === links[0]!.attrs['r:id'])!;
    expect(rels.attrs).toMatchObject({ Target: 'https://example.org/sec/directions', TargetMode: 'External' });
  });

  it('tables repeat their header row and no row splits across pages', () => {
    const tables = elements(part(docx, 'word/document.xml'), 'w:tbl');
    expect(tables).toHaveLength(2);
    for (const t of tables) {
      const rows = elements(t, 'w:tr');
      expect(child(child(rows[0]!, 'w:trPr')!, 'w:tblHeader')).toBeDefined();
      for (const r of rows) expect(child(child(r, 'w:trPr')!, 'w:cantSplit')).toBeDefined();
    }
  });
});

describe('reproducible', () => {
  it('the same bytes for the same input and date, whatever the time zone', () => {
    const tz = process.env['TZ'];
    try {
      process.env['TZ'] = 'Pacific/Kiritimati';
      const a = render(FIXTURE);
      process.env['TZ'] = 'America/Los_Angeles';
      const b = render(FIXTURE);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
  });

  it('an undated document says no date and its package carries none, never the clock', () => {
    const docx = render(FIXTURE, null);
    expect(paragraphs(docx).filter((p) => style(p) === 'TitleMeta').map(textOf)).toEqual(['Version SEC 2024-06']);
    const core = zipText(docx, 'docProps/core.xml');
    expect(core).not.toContain('dcterms:created');
    expect(core).not.toContain('dcterms:modified');
  });
});

describe('every rendered document is text a reader can see', () => {
  it('generated documents: every block shows, in order, after the contents', () => {
    fc.assert(
      fc.property(generatedDoc, (g) => {
        const { doc } = readDocument(g.text, 'gen.md');
        if (!doc) return;
        const docx = renderDocumentDocx(documentView(doc, { date: null }));
        const text = shown(child(part(docx, 'word/document.xml'), 'w:body')!);
        let at = text.indexOf('Contents');
        const notes = doc.blocks.filter((b) => b.kind === 'paragraph' && b.label.startsWith('[^'));
        if (notes.length) {
          // Footnotes are Word footnotes: each one's text in word/footnotes.xml under its number.
          const notesPart = part(docx, 'word/footnotes.xml');
          for (const n of notes) {
            const note = elements(notesPart).find((e) => e.name === 'w:footnote' && e.attrs['w:id'] === n.label.slice(2, -2));
            expect(note && shown(note).trim(), n.id).toBe(plainText(n.text));
          }
        }
        for (const b of doc.blocks) {
          if (b.kind === 'table' || b.kind === 'row' || notes.includes(b)) continue;
          const shown = b.kind === 'paragraph' || b.label === '' ? plainText(b.text) : `${b.label}\t${plainText(b.text)}`;
          const i = text.indexOf(shown, at);
          expect(i, b.id).toBeGreaterThanOrEqual(at);
          at = i;
        }
      }),
      { numRuns: runs(15) },
    );
  });
});

describe.skipIf(!canValidateDocx())('ECMA-376 schema validation', () => {
  it('every sample document, the fixture and generated documents: every part valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-validate-'));
    try {
      const files: string[] = [];
      // The largest sample, one without tables, the fixture with every construct (xmllint takes seconds a file).
      for (const name of ['appendix-AD.md', 'section-G.md', 'section-X.md']) {
        const doc = docs.get(name)!;
        const f = join(dir, name.replace(/\.md$/, '.docx'));
        writeFileSync(f, renderDocumentDocx(documentView(doc, { date: '2024-06-27', classification: 'Amber & <Restricted>' })));
        files.push(f);
      }
      fc.sample(generatedDoc, { numRuns: runs(2), seed: 13 }).forEach((g, i) => {
        const { doc } = readDocument(g.text, `gen-${i}.md`);
        if (!doc) return;
        const f = join(dir, `gen-${i}.docx`);
        writeFileSync(f, renderDocumentDocx(documentView(doc, { date: null })));
        files.push(f);
      });
      expect(validateDocx(...files)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000 * deep);
});
