// A report as DOCX, in the Annex A's house style and with its deterministic package writer: title block, one
// Heading 1 per section, tables with a repeating header row, and a running header and footer (the report's
// name; classification and "Page X of Y"). The date comes from the report's sources, never the clock.

import type { AnnexRow, AnnexTable } from '../annex/types.js';
import type { TextChange } from '../redline/types.js';
import { docxPackage } from '../render/docx/package.js';
import { paragraph, tableXml } from '../render/docx/paragraphs.js';
import { plainRun, Revisions, type RunContext } from '../render/docx/runs.js';
import { escapeMarkdown } from '../render/annex-md.js';
import type { Report, ReportTable } from './types.js';

export interface ReportDocxOptions {
  /** A role such as 'SECAS'. */
  author: string;
  classification?: string;
}

function same(text: string): TextChange {
  // The table writer reads cells as inline Markdown: escape so '[Not used]' or 'A1.1[SM WAN]' show literally.
  const source = escapeMarkdown(text);
  return { old: source, new: source, spans: source === '' ? [] : [{ op: 'equal', text: source }] };
}

function row(id: string, cells: readonly string[]): AnnexRow {
  return { type: 'row', id, status: 'unchanged', cells: cells.map(same), items: [] };
}

/** A plain (unchanged) table in the Annex A's table layout. */
export function plainTable(id: string, t: ReportTable): AnnexTable {
  return {
    type: 'table',
    id,
    status: 'unchanged',
    columns: t.header.length,
    align: t.header.map(() => null),
    header: row('header', t.header),
    rows: t.rows.map((r, i) => row(`row${i + 1}`, r)),
    definitions: false,
  };
}

function pageField(instr: string): string {
  return (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
    `<w:r><w:instrText xml:space="preserve"> ${instr} </w:instrText></w:r>` +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
  );
}

export function renderReportDocx(r: Report, options: ReportDocxOptions): Uint8Array {
  const date = `${r.date ?? '2000-01-01'}T00:00:00Z`;
  const ctx: RunContext = { mode: 'clean', rev: new Revisions(options.author, date) };
  const p = (style: string, text: string, keepNext = false): string => paragraph({ style, keepNext }, plainRun(text), ctx);
  const body: string[] = [p('Title', r.title, true), ...r.meta.map((m) => p('TitleMeta', m))];
  r.sections.forEach((s, i) => {
    body.push(p('Heading1', s.heading, true));
    for (const text of s.paragraphs) body.push(p('AboutText', text));
    for (const item of s.list ?? []) body.push(p('BasisItem', item));
    if (s.table) {
      body.push(tableXml(plainTable(`table${i + 1}`, s.table), ctx));
      body.push(paragraph({ style: 'AboutText', spaceBefore: 120 }, s.table.note ? plainRun(s.table.note) : '', ctx));
    }
  });
  const classification = options.classification ?? 'White';
  const header = `<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>${plainRun(r.title)}</w:p>`;
  const footer =
    '<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>' +
    plainRun(`This document has a Classification of ${classification}`) +
    plainRun('\t\tPage ') +
    pageField('PAGE') +
    plainRun(' of ') +
    pageField('NUMPAGES') +
    '</w:p>';
  return docxPackage({ body: body.join(''), header, footer, title: r.title, creator: options.author, date });
}
