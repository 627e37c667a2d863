// A whole SEC document (DocumentView) → DOCX in SEC house style, with the Annex A's package writer, style sheet
// and table writer (src/render/docx/):
//   title page   "Smart Energy Code", the document's display name, its version label and date; no running
//                header (w:titlePg), the classification at the foot;
//   contents     a TOC field (levels 1…tocLevels) whose result already lists every entry, each a hyperlink to a
//                bookmark on its heading with a PAGEREF page number; the field is marked dirty and the settings
//                carry w:updateFields, so Word refreshes the page numbers on opening;
//   body         numbered headings as Heading 1…6 (Word's navigation pane shows the structure), clauses and
//                sub-paragraphs with their literal numbers hanging in a tab column (never Word auto-numbering,
//                so numbers cannot shift), continuation paragraphs indented to their item's text, unlabelled
//                bullets with a typed '•' as their label, footnotes as Word footnotes (word/footnotes.xml),
//                cross-headings, tables with a repeated header row and rows that do
//                not split, links as Word hyperlinks; header: name and version; footer: classification and
//                "Page X of Y".
// Deterministic: no clock, no randomness; the same view and date give the same bytes.

import type { TableItem, DocumentItem, DocumentView } from './view.js';
import type { AnnexTable } from '../../annex/types.js';
import type { TextChange } from '../../redline/types.js';
import { displayDate } from '../../annex/build.js';
import { inlineRuns } from './inline.js';
import { docxPackage, isIsoUtc, type Relationship } from '../docx/package.js';
import { annexTable, paragraph, type ParaOptions } from '../docx/paragraphs.js';
import { plainRuns, Revisions, textRuns, type RunContext } from '../docx/runs.js';
import { NUMBER_COLUMN } from '../docx/layout.js';
import { el, R_NS, W_NS, type XmlElement } from '../docx/xml.js';
import { paragraph as paragraphRecord, run, toXml, type Block, type Inline, type Paragraph } from '../docx/records.js';
import { UsageError } from '../../util/errors.js';
import { documentStylesXml, SUBPARA_STYLES, subparaLeft } from './styles.js';
import { FIELD_END, field, fieldBegin } from './fields.js';

export interface DocumentDocxOptions {
  /** A role, never a person (default 'SECAS'): the document's creator. */
  author?: string;
}

/** Core properties of an undated document: the ZIP writer's own fixed time, never the clock. */
const SAFE_URL = /^(https?:|mailto:)/i;

/** External hyperlink targets, each related once (rIdL1, rIdL2 …) in order of first use. */
class Links {
  readonly ids = new Map<string, string>();
  id(href: string): string {
    let id = this.ids.get(href);
    if (id === undefined) {
      id = `rIdL${this.ids.size + 1}`;
      this.ids.set(href, id);
    }
    return id;
  }
  rels(): Relationship[] {
    return [...this.ids].map(([href, id]) => ({ id, type: `${R_NS}/hyperlink`, target: href, external: true }));
  }
}

interface Ctx {
  run: RunContext;
  links: Links;
  /** The document's footnotes by number: a reference '[^1]' to one of them becomes a Word footnote reference. */
  notes: ReadonlySet<string>;
}

// A footnote reference is taken out of the inline Markdown before it is cut into runs and put back as a
// w:footnoteReference run; private-use characters mark its place, so emphasis around it still parses.
const REF_OPEN = '\ue000';
const REF_CLOSE = '\ue001';
const MARKED_REF = /\ue000(\d+)\ue001/;

function footnoteRefRun(n: string): Inline {
  return run([{ kind: 'footnoteReference', id: n }], { style: 'FootnoteReference' });
}

function inlineText(text: string, ctx: Ctx, style?: string): Inline[] {
  const marked = ctx.notes.size === 0 ? text : text.replace(/(?<!\\)\[\^(\d+)\]/g, (m: string, n: string) => (ctx.notes.has(n) ? `${REF_OPEN}${n}${REF_CLOSE}` : m));
  const out: Inline[] = [];
  for (const r of inlineRuns(marked)) {
    const href = r.fmt.href;
    // Each piece between references is a run of its own; the references sit between them.
    const pieces = r.text.split(MARKED_REF);
    pieces.forEach((piece, i) => {
      if (i % 2 === 1) {
        out.push(footnoteRefRun(piece));
        return;
      }
      if (piece === '') return;
      if (href !== undefined && SAFE_URL.test(href)) {
        const rel = ctx.links.id(href);
        out.push({ type: 'hyperlink', rel, children: textRuns({ op: 'equal', text: piece, fmt: r.fmt, style: 'Hyperlink' }, ctx.run) });
      } else {
        const spec = style ? { op: 'equal' as const, text: piece, fmt: r.fmt, style } : { op: 'equal' as const, text: piece, fmt: r.fmt };
        out.push(...textRuns(spec, ctx.run));
      }
    });
  }
  return out;
}

const FOOTNOTES_REL = `${R_NS}/footnotes`;
const FOOTNOTES_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml';

/**
 * word/footnotes.xml's root: the separator and continuation separator Word expects (ids -1 and 0, named in the
 * settings' w:footnotePr), then each footnote: its number mark (w:footnoteRef) and its text.
 */
function footnotesPart(notes: readonly { number: string; text: string }[], ctx: Ctx, noteLinks: Links): XmlElement {
  const sep = (type: string, id: number, mark: 'separator' | 'continuationSeparator'): XmlElement =>
    el('w:footnote', { 'w:type': type, 'w:id': id }, toXml([paragraphRecord({ spacing: { after: 0, line: 240, lineRule: 'auto' } }, [run([{ kind: mark }])])]));
  // The footnotes part relates its own hyperlinks (word/_rels/footnotes.xml.rels).
  const noteCtx: Ctx = { ...ctx, links: noteLinks };
  const body = notes.map((n) =>
    el('w:footnote', { 'w:id': n.number }, toXml([paragraph({ style: 'FootnoteText' }, [run([{ kind: 'footnoteRef' }], { style: 'FootnoteReference' }), ...plainRuns(' '), ...inlineText(n.text, noteCtx)], ctx.run)])),
  );
  return el('w:footnotes', { 'xmlns:w': W_NS, 'xmlns:r': R_NS }, sep('separator', -1, 'separator'), sep('continuationSeparator', 0, 'continuationSeparator'), body);
}

/** The literal number, a tab, then the text. */
function numbered(number: string, text: string, ctx: Ctx, style?: string): Inline[] {
  return [...(number === '' ? [] : [...plainRuns(number), ...plainRuns('\t')]), ...inlineText(text, ctx, style)];
}

function same(text: string): TextChange {
  return { old: text, new: text, spans: text === '' ? [] : [{ op: 'equal', text }] };
}

/** The Annex A's table writer, with nothing changed: widths, repeated header row, rows that do not split. */
function tableItem(t: TableItem, ctx: Ctx): Block[] {
  const columns = Math.max(t.header.length, ...t.rows.map((r) => r.cells.length));
  const pad = (cells: readonly string[]): TextChange[] => Array.from({ length: columns }, (_, i) => same(cells[i] ?? ''));
  const table: AnnexTable = {
    type: 'table',
    id: t.id,
    status: 'unchanged',
    columns,
    align: Array.from({ length: columns }, (_, i) => t.align[i] ?? null),
    header: { type: 'row', id: t.id, status: 'unchanged', cells: pad(t.header), items: [] },
    rows: t.rows.map((r) => ({ type: 'row', id: r.id, status: 'unchanged', cells: pad(r.cells), items: [] })),
    definitions: t.definitions,
  };
  return annexTable(table, ctx.run);
}

function bookmarked(n: number, content: Inline[]): Inline[] {
  return n > 0 ? [{ type: 'bookmarkStart', id: n, name: `_Toc${n}` }, ...content, { type: 'bookmarkEnd', id: n }] : content;
}

type Element = { kind: 'p' | 'tbl'; blocks: Block[] };

function itemXml(item: DocumentItem, ctx: Ctx, o: { pageBreakBefore: boolean; afterTable: boolean }): Element {
  const p = (opts: ParaOptions, content: Inline[]): Element => {
    if (o.pageBreakBefore) opts.pageBreakBefore = true;
    if (o.afterTable) opts.spaceBefore = 120;
    return { kind: 'p', blocks: [paragraph(opts, content, ctx.run)] };
  };
  const notUsed = (flag: boolean): string | undefined => (flag ? 'NotUsed' : undefined);
  switch (item.type) {
    case 'heading': {
      const opts: ParaOptions = { style: `Heading${Math.min(6, item.level)}` };
      if (item.number !== '') Object.assign(opts, { tabs: [NUMBER_COLUMN], ind: { left: NUMBER_COLUMN, hanging: NUMBER_COLUMN } });
      return p(opts, bookmarked(item.toc, numbered(item.number, item.text, ctx)));
    }
    case 'cross-heading':
      return p({ style: 'DocCrossHeading' }, inlineText(item.text, ctx));
    case 'clause':
      return p({ style: 'DocClause' }, numbered(item.number, item.text, ctx, notUsed(item.notUsed)));
    case 'subpara': {
      const level = Math.min(item.depth, SUBPARA_STYLES);
      const opts: ParaOptions = { style: `DocSubpara${level}` };
      // Deeper than the styles go: the same hanging label, one more indent per level.
      if (item.depth > SUBPARA_STYLES) Object.assign(opts, { tabs: [subparaLeft(item.depth)], ind: { left: subparaLeft(item.depth), hanging: subparaLeft(1) - NUMBER_COLUMN } });
      // An unlabelled bullet hangs a typed bullet where a label would be (the importer reads it back as one).
      return p(opts, numbered(item.label === '' ? '\u2022' : item.label, item.text, ctx, notUsed(item.notUsed)));
    }
    case 'table':
      return { kind: 'tbl', blocks: tableItem(item, ctx) };
    case 'paragraph':
    default: {
      // A continuation paragraph lines up with the text of the list item it continues.
      const opts: ParaOptions = { style: 'DocText' };
      if (item.depth) opts.ind = { left: subparaLeft(item.depth) };
      return p(opts, inlineText(item.text, ctx, notUsed(item.notUsed)));
    }
  }
}

function titlePage(view: DocumentView, ctx: Ctx): Paragraph[] {
  const para = (style: string, text: string): Paragraph => paragraph({ style }, plainRuns(text), ctx.run);
  const out = [para('Subtitle', 'Smart Energy Code'), para('Title', view.name), para('TitleMeta', `Version ${view.version}`)];
  if (view.date !== null) out.push(para('TitleMeta', displayDate(view.date)));
  return out;
}

/** The contents: a TOC field whose result lists every entry already (Word and LibreOffice show it as is). */
function contents(view: DocumentView, ctx: Ctx): Paragraph[] {
  const out = [paragraph({ style: 'TOCHeading', pageBreakBefore: true }, plainRuns('Contents'), ctx.run)];
  const instr = `TOC \\o "1-${view.tocLevels}" \\h \\z \\u`;
  if (view.toc.length === 0) {
    out.push(paragraph({ style: 'TOC1' }, field(instr, plainRuns('No headings'), true), ctx.run));
    return out;
  }
  view.toc.forEach((e, i) => {
    const entry: Inline = {
      type: 'hyperlink',
      anchor: `_Toc${e.n}`,
      // A footnote is referenced once, from the heading itself: the contents entry leaves the mark out.
      children: [...numbered(e.number, e.text.replace(/(?<!\\)\[\^\d+\]/g, ''), ctx), ...plainRuns('\t'), ...field(`PAGEREF _Toc${e.n} \\h`, [])],
    };
    const begin = i === 0 ? fieldBegin(instr, true) : [];
    const end = i === view.toc.length - 1 ? FIELD_END : [];
    out.push(paragraph({ style: `TOC${Math.min(3, e.level)}` }, [...begin, entry, ...end], ctx.run));
  });
  return out;
}

/**
 * Body elements: two tables never touch (Word would merge them) and the body ends with a paragraph. Generated
 * item by item as document.xml is written: each item's records are garbage once written, instead of a whole
 * SEC document's records (hundreds of thousands of runs) living until the end and filling the old heap.
 */
function* bodyElements(view: DocumentView, ctx: Ctx): Generator<Block> {
  let prev: Element['kind'] | undefined;
  for (let i = 0; i < view.items.length; i++) {
    const item = view.items[i]!;
    if (item.type === 'paragraph' && item.footnote && ctx.notes.has(item.footnote.number)) continue; // in word/footnotes.xml
    // The paragraph put between two tables does not count as the item before (the table still spaces as after one).
    if (item.type === 'table' && (i === 0 || prev === 'tbl')) yield paragraph({ style: 'DocText', pageBreakBefore: i === 0 }, [], ctx.run);
    const e = itemXml(item, ctx, { pageBreakBefore: i === 0, afterTable: prev === 'tbl' });
    yield* e.blocks;
    prev = e.kind;
  }
  if (prev === undefined || prev === 'tbl') yield paragraph({ style: 'DocText' }, [], ctx.run);
}

function header(view: DocumentView): Paragraph[] {
  return [paragraphRecord({ style: 'Header' }, [...plainRuns(view.name), ...plainRuns('\t\t'), ...plainRuns(view.version)])];
}

function classification(view: DocumentView): Inline[] {
  return plainRuns(`This document has a Classification of ${view.classification}`);
}

function footer(view: DocumentView): Paragraph[] {
  return [
    paragraphRecord({ style: 'Footer' }, [
      ...classification(view),
      ...plainRuns('\t\tPage '),
      ...field('PAGE', plainRuns('1')),
      ...plainRuns(' of '),
      ...field('NUMPAGES', plainRuns('1')),
    ]),
  ];
}

/** The DOCX of one document; `date` (ISO 8601 UTC) dates the package, or null for an undated document. */
export function renderDocumentDocx(view: DocumentView, options: DocumentDocxOptions = {}): Uint8Array {
  const author = options.author ?? 'SECAS';
  if (author.trim() === '') throw new UsageError('the DOCX author must be a role such as SECAS, not empty');
  // Undated when the document carries no date: never the clock.
  const date = view.date === null ? null : `${view.date}T00:00:00Z`;
  if (date !== null && !isIsoUtc(date)) throw new UsageError(`the document date must be YYYY-MM-DD, got '${view.date ?? ''}'`);
  // The Annex A's table writer knows no footnote references: a footnote referenced from a table cell stays a
  // paragraph at the end ('[^1]: …', as the Markdown has it) with its mark as text, so nothing is lost.
  const inTables = new Set<string>();
  for (const i of view.items) {
    if (i.type !== 'table') continue;
    for (const cell of [...i.header, ...i.rows.flatMap((r) => r.cells)]) for (const m of cell.matchAll(/(?<!\\)\[\^(\d+)\]/g)) inTables.add(m[1]!);
  }
  const notes = view.items.flatMap((i) => (i.type === 'paragraph' && i.footnote && !inTables.has(i.footnote.number) ? [i.footnote] : []));
  const ctx: Ctx = { run: { mode: 'clean', rev: new Revisions(author, date) }, links: new Links(), notes: new Set(notes.map((n) => n.number)) };
  const body = (function* (): Generator<Block> {
    yield* titlePage(view, ctx);
    yield* contents(view, ctx);
    yield* bodyElements(view, ctx);
  })();
  const noteLinks = new Links();
  const parts = notes.length ? [{ name: 'word/footnotes.xml', contentType: FOOTNOTES_TYPE, relType: FOOTNOTES_REL, relId: 'rIdFn', root: footnotesPart(notes, ctx, noteLinks), compact: true, rels: noteLinks.rels() }] : [];
  const firstFooter = [paragraphRecord({ style: 'Footer' }, classification(view))];
  return docxPackage({
    body,
    header: header(view),
    footer: footer(view),
    title: `${view.name} ${view.version}`,
    creator: author,
    date,
    // The title page has no running header, only the classification.
    firstPage: { header: [paragraphRecord({ style: 'Header' })], footer: firstFooter },
    extra: {
      // Asked once the body is written: the hyperlinks are found as it is generated.
      rels: () => ctx.links.rels(),
      settingsAfter: [el('w:updateFields', { 'w:val': 'true' }), ...(notes.length ? [el('w:footnotePr', {}, el('w:footnote', { 'w:id': -1 }), el('w:footnote', { 'w:id': 0 }))] : [])],
      parts,
      styles: documentStylesXml(),
    },
  });
}
