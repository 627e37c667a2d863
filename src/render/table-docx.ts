// The items table as a DOCX of its own (A4 portrait, one table with a repeating header row), written with the
// same deterministic package writer as the Annex A, so it can be pasted into a Modification Report.

import { UsageError } from '../util/errors.js';
import { ITEM_COLUMNS, type ItemRow } from './table-items.js';
import { richRuns } from './rich-runs.js';
import { docxPackage, isIsoUtc } from './docx/package.js';
import { paragraph } from './docx/paragraphs.js';
import { plainRun, Revisions, runXml, type RunContext } from './docx/runs.js';
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
const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"';

function inline(text: string, ctx: RunContext): string {
  return richRuns({ old: text, new: text, spans: text === '' ? [] : [{ op: 'equal', text }] })
    .map((r) => runXml({ op: 'equal', text: r.text, fmt: r.fmt }, ctx))
    .join('');
}

export function renderItemsTableDocx(items: readonly ItemRow[], options: ItemsTableDocxOptions): Uint8Array {
  if (!isIsoUtc(options.date)) throw new UsageError(`DOCX date must be ISO 8601 UTC such as 2024-05-22T00:00:00Z, got '${options.date}'`);
  const author = options.author ?? 'SECAS';
  const ctx: RunContext = { mode: 'clean', rev: new Revisions(author, options.date) };
  const total = WEIGHTS.reduce((a, b) => a + b, 0);
  const widths = WEIGHTS.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  widths[widths.length - 1] = TEXT_WIDTH - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  const tc = (content: string, i: number, header: boolean): string =>
    `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/>${header ? '<w:shd w:val="clear" w:color="auto" w:fill="DCE3EC"/>' : ''}</w:tcPr>` +
    `${paragraph({ style: header ? 'TableHeading' : 'TableText' }, content, ctx)}</w:tc>`;
  const head = `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${ITEM_COLUMNS.map((c, i) => tc(plainRun(c), i, true)).join('')}</w:tr>`;
  const rows = items.map((it) => {
    const cells = [plainRun(it.id), inline(it.summary, ctx), plainRun(it.sections.join('\n')), inline(it.proposed, ctx)];
    return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.map((c, i) => tc(c, i, false)).join('')}</w:tr>`;
  });
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} ${BORDER}/>`).join('');
  const table =
    `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0"/></w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${head}${rows.join('')}</w:tbl>`;
  // A Heading 1, so the navigation pane and a pasted copy know it as the document's heading.
  const heading = options.title ?? 'Modification items';
  const title = paragraph({ style: 'Heading1' }, plainRun(heading), ctx);
  return docxPackage({
    body: `${title}${table}${paragraph({ style: 'Normal' }, '', ctx)}`,
    header: runningHeader(heading, 'Items table'),
    footer: classificationFooter(options.classification ?? 'White'),
    title: options.title ?? 'Modification items',
    creator: author,
    date: options.date,
  });
}
