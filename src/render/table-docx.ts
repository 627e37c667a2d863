// The items table as a DOCX of its own (A4 portrait, one table with a repeating header row), written with the
// same deterministic package writer as the Annex A, so it can be pasted into a Modification Report.

import { UsageError } from '../util/errors.js';
import { ITEM_COLUMNS, type ItemRow } from './table-items.js';
import { richRuns } from './rich-runs.js';
import { docxPackage, isIsoUtc } from './docx/package.js';
import { paragraph, TABLE_BORDER, TABLE_CELL_MARGIN, TABLE_LOOK } from './docx/paragraphs.js';
import { plainRuns, Revisions, textRuns, type RunContext } from './docx/runs.js';
import type { Cell, Inline, Row, Table } from './docx/records.js';
import { TEXT_WIDTH } from './docx/layout.js';
import { classificationFooter, runningHeader } from './docx/page-furniture.js';

export interface ItemsTableDocxOptions {
  /** ISO 8601 UTC, for the document properties. */
  date: string;
  /** A role, default 'SECAS'. */
  author?: string;
  /** A heading above the table, e.g. "MP999 housekeeping items". */
  title?: string;
  /** For the footer; default 'White'. */
  classification?: string;
}

const WEIGHTS = [6, 34, 22, 38];

function inline(text: string, ctx: RunContext): Inline[] {
  return richRuns({ old: text, new: text, spans: text === '' ? [] : [{ op: 'equal', text }] }).flatMap((r) => textRuns({ op: 'equal', text: r.text, fmt: r.fmt }, ctx));
}

export function renderItemsTableDocx(items: readonly ItemRow[], options: ItemsTableDocxOptions): Uint8Array {
  if (!isIsoUtc(options.date)) throw new UsageError(`DOCX date must be ISO 8601 UTC such as 2024-05-22T00:00:00Z, got '${options.date}'`);
  const author = options.author ?? 'SECAS';
  const ctx: RunContext = { mode: 'clean', rev: new Revisions(author, options.date) };
  const total = WEIGHTS.reduce((a, b) => a + b, 0);
  const widths = WEIGHTS.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  widths[widths.length - 1] = TEXT_WIDTH - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  const tc = (content: Inline[], i: number, header: boolean): Cell => ({
    width: widths[i]!,
    ...(header ? { fill: 'DCE3EC' } : {}),
    children: [paragraph({ style: header ? 'TableHeading' : 'TableText' }, content, ctx)],
  });
  const head: Row = { type: 'row', cantSplit: true, header: true, cells: ITEM_COLUMNS.map((c, i) => tc(plainRuns(c), i, true)) };
  const rows = items.map((it): Row => {
    const cells = [plainRuns(it.id), inline(it.summary, ctx), plainRuns(it.sections.join('\n')), inline(it.proposed, ctx)];
    return { type: 'row', cantSplit: true, cells: cells.map((c, i) => tc(c, i, false)) };
  });
  const table: Table = { type: 'table', props: { width: TEXT_WIDTH, border: TABLE_BORDER, cellMargin: TABLE_CELL_MARGIN, look: TABLE_LOOK }, grid: widths, rows: [head, ...rows] };
  // A Heading 1, so the navigation pane and a pasted copy know it as the document's heading.
  const heading = options.title ?? 'Modification items';
  const title = paragraph({ style: 'Heading1' }, plainRuns(heading), ctx);
  return docxPackage({
    body: [title, table, paragraph({ style: 'Normal' }, [], ctx)],
    header: runningHeader(heading, 'Items table'),
    footer: classificationFooter(options.classification ?? 'White'),
    title: options.title ?? 'Modification items',
    creator: author,
    date: options.date,
  });
}
