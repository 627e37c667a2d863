// The one XML serialiser of the DOCX writers (src/render/docx/xml.ts) and the typed records it writes
// (src/render/docx/records.ts): escaping in one place, characters XML cannot carry never written, names that
// are not XML names refused, attributes in the order given, empty elements, and each record's schema order.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { el, serialize, xmlPart, XmlWriter } from '../../src/render/docx/xml.js';
import { paragraph, run, toXml, type Revision, type Table } from '../../src/render/docx/records.js';
import { Revisions } from '../../src/render/docx/runs.js';

/** What a real XML parser reads back: the root's attributes and its text. */
function readBack(xml: string): { attrs: Record<string, string>; text: string } {
  const parser = new SaxesParser();
  let attrs: Record<string, string> = {};
  let text = '';
  parser.on('opentag', (t) => {
    if (Object.keys(attrs).length === 0) attrs = Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, String(v)]));
  });
  parser.on('text', (t) => (text += t));
  parser.write(xml).close();
  return { attrs, text };
}

const REV: Revision = { kind: 'ins', id: 7, author: 'SECAS (MP250)', date: '2024-05-22T00:00:00Z' };

describe('the serialiser', () => {
  it('escapes & < > in text, and & < > " \' tab, newline and carriage return in attributes', () => {
    expect(serialize(el('w:t', { 'w:val': `a&b<c>d"e'f\tg\nh\ri` }, `a&b<c>d"e'f`))).toBe(
      '<w:t w:val="a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;i">a&amp;b&lt;c&gt;d"e\'f</w:t>',
    );
  });

  it('never writes a character XML 1.0 cannot carry: C0 controls, U+FFFE/U+FFFF and lone surrogates are dropped', () => {
    const bad = 'a\u0000b\u0001c\u001fd\uFFFEe\uFFFFf\uD800g\uDC00h';
    expect(serialize(el('w:t', { v: bad }, bad))).toBe('<w:t v="abcdefgh">abcdefgh</w:t>');
    // Tab and line breaks are XML characters: kept in text.
    expect(serialize(el('w:t', {}, 'a\tb\nc'))).toBe('<w:t>a\tb\nc</w:t>');
  });

  it('refuses element and attribute names that are not XML names, rather than writing them', () => {
    expect(() => serialize(el('w:t x="1"'))).toThrow(/not an XML name/);
    expect(() => serialize(el('w:t', { 'a"b': '1' }))).toThrow(/not an XML name/);
    expect(() => serialize(el('1w'))).toThrow(/not an XML name/);
    expect(() => serialize(el('w:a:b'))).toThrow(/not an XML name/);
  });

  it('writes attributes in the order given, leaves out undefined ones and writes numbers as they are', () => {
    expect(serialize(el('w:ind', { 'w:left': 1134, 'w:hanging': undefined, 'w:right': 0, 'w:val': '' }))).toBe('<w:ind w:left="1134" w:right="0" w:val=""/>');
    expect(serialize(el('w:pgSz', { 'w:w': 11906, 'w:h': 16838 }))).toBe('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(serialize(el('w:pgSz', { 'w:h': 16838, 'w:w': 11906 }))).toBe('<w:pgSz w:h="16838" w:w="11906"/>');
  });

  it('closes an empty element itself, unless told to keep it open; empty text keeps it open', () => {
    expect(serialize(el('w:b'))).toBe('<w:b/>');
    expect(serialize(el('w:rPr', {}, null, undefined, false, []))).toBe('<w:rPr/>');
    expect(serialize({ ...el('w:rPr'), keepOpen: true })).toBe('<w:rPr></w:rPr>');
    expect(serialize(el('dc:title', {}, ''))).toBe('<dc:title></dc:title>');
  });

  it('the writer: records stream into it inside a tree; an unbalanced end or an element left open is refused', () => {
    const fragment = { writeTo: (w: XmlWriter) => void w.start('w:r').empty('w:tab').text('a&b').end() };
    expect(serialize(el('w:p', {}, fragment, 'z'))).toBe('<w:p><w:r><w:tab/>a&amp;b</w:r>z</w:p>');
    expect(() => new XmlWriter().end()).toThrow(/without a start tag/);
    expect(() => new XmlWriter().start('w:p').toString()).toThrow(/left open/);
  });

  it('flattens nested children in order', () => {
    expect(serialize(el('a', {}, [el('b'), [el('c'), 'x']], 'y'))).toBe('<a><b/><c/>xy</a>');
  });

  it('writes a part with the declaration, with or without a line break after it', () => {
    expect(xmlPart(el('w:hdr'))).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr/>');
    expect(xmlPart(el('w:hdr'), true)).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr/>');
  });

  it('any string survives a round trip through a real XML parser, less what XML cannot carry', () => {
    const safe = (s: string): string => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const back = readBack(serialize(el('w:t', { 'w:val': s }, s)));
        expect(back.attrs['w:val']).toBe(safe(s));
        // A parser normalises line ends in text (CR LF and CR to LF); attribute values keep them as references.
        expect(back.text).toBe(safe(s).replace(/\r\n?/g, '\n'));
      }),
    );
  });
});

describe('the records', () => {
  it('a run: properties in schema order whatever order they are given in; text preserved; a revision around it', () => {
    const r = run([{ kind: 'text', text: 'a b' }, { kind: 'tab' }, { kind: 'br' }], { strike: true, italic: true, bold: true, font: 'Courier New', style: 'CodeChar' }, REV);
    expect(serialize(toXml([r]))).toBe(
      '<w:ins w:id="7" w:author="SECAS (MP250)" w:date="2024-05-22T00:00:00Z"><w:r><w:rPr><w:rStyle w:val="CodeChar"/>' +
        '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:b/><w:i/><w:strike/></w:rPr>' +
        '<w:t xml:space="preserve">a b</w:t><w:tab/><w:br/></w:r></w:ins>',
    );
  });

  it('a deleted run holds w:delText; an undated revision has no w:date; a run without properties no w:rPr', () => {
    const r = run([{ kind: 'text', text: 'gone', deleted: true }], undefined, { kind: 'del', id: 1, author: 'SECAS', date: null });
    expect(serialize(toXml([r]))).toBe('<w:del w:id="1" w:author="SECAS"><w:r><w:delText xml:space="preserve">gone</w:delText></w:r></w:del>');
    expect(serialize(toXml([run([{ kind: 'text', text: '1', preserve: false }], {})]))).toBe('<w:r><w:t>1</w:t></w:r>');
  });

  it('a paragraph: properties in schema order, the mark revision last; no properties and no content is <w:p/>', () => {
    const p = paragraph({ mark: REV, jc: 'left', ind: { left: 1854, hanging: 720 }, spacing: { before: 120 }, tabs: [{ val: 'left', pos: 1854 }], pageBreakBefore: true, keepNext: true, style: 'SubPara1' }, [
      { type: 'commentRangeStart', id: 0 },
      run([{ kind: 'text', text: 'x' }]),
      { type: 'commentRangeEnd', id: 0 },
      run([{ kind: 'commentReference', id: 0 }], { style: 'CommentReference' }),
    ]);
    expect(serialize(toXml([p]))).toBe(
      '<w:p><w:pPr><w:pStyle w:val="SubPara1"/><w:keepNext/><w:pageBreakBefore/><w:tabs><w:tab w:val="left" w:pos="1854"/></w:tabs>' +
        '<w:spacing w:before="120"/><w:ind w:left="1854" w:hanging="720"/><w:jc w:val="left"/>' +
        '<w:rPr><w:ins w:id="7" w:author="SECAS (MP250)" w:date="2024-05-22T00:00:00Z"/></w:rPr></w:pPr>' +
        '<w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">x</w:t></w:r><w:commentRangeEnd w:id="0"/>' +
        '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r></w:p>',
    );
    expect(serialize(toXml([paragraph({})]))).toBe('<w:p/>');
    // A hanging indent of 0 is left out of a paragraph's own indent.
    expect(serialize(toXml([paragraph({ ind: { left: 1134, hanging: 0 } })]))).toBe('<w:p><w:pPr><w:ind w:left="1134"/></w:pPr></w:p>');
  });

  it('bookmarks, hyperlinks (related or to an anchor), fields and footnote references', () => {
    const p = paragraph({}, [
      { type: 'bookmarkStart', id: 3, name: '_Toc3' },
      { type: 'hyperlink', anchor: '_Toc3', children: [run([{ kind: 'fldChar', type: 'begin', dirty: true }]), run([{ kind: 'instrText', text: ' PAGEREF _Toc3 \\h ' }]), run([{ kind: 'fldChar', type: 'end' }])] },
      { type: 'hyperlink', rel: 'rIdL1', children: [run([{ kind: 'footnoteReference', id: '2' }])] },
      { type: 'bookmarkEnd', id: 3 },
    ]);
    expect(serialize(toXml([p]))).toBe(
      '<w:p><w:bookmarkStart w:id="3" w:name="_Toc3"/><w:hyperlink w:anchor="_Toc3" w:history="1">' +
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc3 \\h </w:instrText></w:r>' +
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink><w:hyperlink r:id="rIdL1" w:history="1"><w:r><w:footnoteReference w:id="2"/></w:r></w:hyperlink>' +
        '<w:bookmarkEnd w:id="3"/></w:p>',
    );
  });

  it('a table: tblPr in schema order, the grid, rows with their properties and revision, cells spanning and shaded', () => {
    const t: Table = {
      type: 'table',
      props: { width: 9000, indent: 1134, border: { val: 'single', sz: 4, space: 0, color: '7F7F7F' }, cellMargin: { left: 85, right: 85 }, look: '04A0' },
      grid: [3000, 6000],
      rows: [
        { type: 'row', cantSplit: true, header: true, cells: [{ width: 3000, fill: 'DCE3EC', children: [paragraph({ style: 'TableHeading' })] }, { width: 6000, span: 1, children: [paragraph({})] }] },
        { type: 'row', revision: { ...REV, kind: 'del' }, cells: [{ width: 9000, span: 2, children: [paragraph({})] }] },
        { type: 'row', cells: [] },
      ],
    };
    const sides = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/>`).join('');
    expect(serialize(toXml([t]))).toBe(
      '<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/><w:tblInd w:w="1134" w:type="dxa"/>' +
        `<w:tblBorders>${sides}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0"/></w:tblPr>' +
        '<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="6000"/></w:tblGrid>' +
        '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' +
        '<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="DCE3EC"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr></w:p></w:tc>' +
        '<w:tc><w:tcPr><w:tcW w:w="6000" w:type="dxa"/></w:tcPr><w:p/></w:tc></w:tr>' +
        '<w:tr><w:trPr><w:del w:id="7" w:author="SECAS (MP250)" w:date="2024-05-22T00:00:00Z"/></w:trPr>' +
        '<w:tc><w:tcPr><w:tcW w:w="9000" w:type="dxa"/><w:gridSpan w:val="2"/></w:tcPr><w:p/></w:tc></w:tr>' +
        '<w:tr/></w:tbl>',
    );
  });

  it('revision ids are handed out in the order the records are made, authored by the modification', () => {
    const rev = new Revisions('SECAS', null, (item) => (item === '3' ? 'MP250' : null));
    expect([rev.revision('ins'), rev.revision('del', ['3']), rev.revision('ins', ['1'])]).toEqual([
      { kind: 'ins', id: 1, author: 'SECAS', date: null },
      { kind: 'del', id: 2, author: 'SECAS (MP250)', date: null },
      { kind: 'ins', id: 3, author: 'SECAS', date: null },
    ]);
    expect(rev.count).toBe(3);
  });
});

describe('one place writes WordprocessingML', () => {
  // A writer that builds a tag by hand would bypass the escaping: only the serialiser and the record lowering
  // name elements, and only through el(). The DOCX writers live in src/render, src/report and src/release
  // (src/import reads DOCX and writes none; src/cli/soffice.ts writes a LibreOffice macro library, not a DOCX).
  const root = resolve(import.meta.dirname, '..', '..');
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));

  it('no source file of the DOCX writers but the serialiser writes a WordprocessingML or package tag as text', () => {
    const serialiser = join('src', 'render', 'docx', 'xml.ts');
    const offenders = ['render', 'report', 'release']
      .flatMap((d) => files(join(root, 'src', d)))
      .filter((f) => relative(root, f) !== serialiser)
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(root, f)}:${i + 1}` }))
          .filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line) && /<\/?(w|r|cp|dc|dcterms):[A-Za-z]|<(Relationship|Override|Default|Types)\b|<\?xml/.test(line))
          .map(({ at }) => at),
      );
    expect(offenders).toEqual([]);
  });
});
