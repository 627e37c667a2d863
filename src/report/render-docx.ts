// A report as DOCX, in the Annex A's house style and with its deterministic package writer: title block, one
// Heading 1 per section, tables with a repeating header row, and a running header and footer (the report's
// name; classification and "Page X of Y"). The date comes from the report's sources, never the clock.

import type { AnnexRow, AnnexTable } from '../annex/types.js';
import type { TextChange } from '../redline/types.js';
import { docxPackage } from '../render/docx/package.js';
import { annexTable, paragraph } from '../render/docx/paragraphs.js';
import { plainRuns, Revisions, type RunContext } from '../render/docx/runs.js';
import type { Block, Paragraph } from '../render/docx/records.js';
import { escapeMarkdown } from '../render/annex-md.js';
import { classificationFooter, runningHeader } from '../render/docx/page-furniture.js';
import { displayDate } from '../util/calendar-date.js';
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

export function renderReportDocx(r: Report, options: ReportDocxOptions): Uint8Array {
  // Undated when its sources carry no date: never the clock.
  const date = r.date ? `${r.date}T00:00:00Z` : null;
  const ctx: RunContext = { mode: 'clean', rev: new Revisions(options.author, date) };
  const p = (style: string, text: string, keepNext = false): Paragraph => paragraph({ style, keepNext }, plainRuns(text), ctx);
  const body: Block[] = [p('Title', r.title, true), ...r.meta.map((m) => p('TitleMeta', m))];
  r.sections.forEach((s, i) => {
    body.push(p('Heading1', s.heading, true));
    for (const text of s.paragraphs) body.push(p('AboutText', text));
    for (const item of s.list ?? []) body.push(p('BasisItem', item));
    if (s.table) {
      body.push(...annexTable(plainTable(`table${i + 1}`, s.table), ctx));
      body.push(paragraph({ style: 'AboutText', spaceBefore: 120 }, s.table.note ? plainRuns(s.table.note) : [], ctx));
    }
  });
  const classification = options.classification ?? 'White';
  const header = runningHeader(r.title, r.date ? (displayDate(r.date) ?? '') : '');
  return docxPackage({ body, header, footer: classificationFooter(classification), title: r.title, creator: options.author, date });
}
