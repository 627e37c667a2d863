// The impact matrix as a DOCX table, written with the Annex A's own package and table writers
// (src/render/docx): one title, the table, and the key to the modifications. Deterministic: the date comes
// from the release, never the clock.

import type { AnnexRow, AnnexTable } from '../annex/types.js';
import type { TextChange } from '../redline/types.js';
import { docxPackage } from '../render/docx/package.js';
import { classificationFooter, runningHeader } from '../render/docx/page-furniture.js';
import { annexTable, paragraph } from '../render/docx/paragraphs.js';
import { plainRuns, Revisions, type RunContext } from '../render/docx/runs.js';
import type { Block, Paragraph } from '../render/docx/records.js';
import { escapeMarkdown } from '../render/annex-md.js';
import type { ImpactMatrix } from './matrix.js';
import { matrixCells } from './matrix-render.js';

function same(text: string): TextChange {
  // Cells are inline Markdown to the table writer: escape so IDs such as A1.1[SM WAN] show literally.
  const source = escapeMarkdown(text);
  return { old: source, new: source, spans: source === '' ? [] : [{ op: 'equal', text: source }] };
}

function row(id: string, cells: readonly string[]): AnnexRow {
  return { type: 'row', id, status: 'unchanged', cells: cells.map(same), items: [] };
}

export function renderMatrixDocx(m: ImpactMatrix, options: { date: string; author: string; targetDate: string }): Uint8Array {
  const ctx: RunContext = { mode: 'clean', rev: new Revisions(options.author, options.date) };
  const { header, rows } = matrixCells(m);
  const table: AnnexTable = {
    type: 'table',
    id: 'matrix',
    status: 'unchanged',
    columns: header.length,
    align: header.map(() => null),
    header: row('header', header),
    rows: rows.map((r, i) => row(`row${i + 1}`, r)),
    definitions: false,
  };
  const title = `${m.release}: impact matrix${m.byClause ? ' by clause' : ''}`;
  const p = (style: string, text: string): Paragraph => paragraph({ style }, plainRuns(text), ctx);
  // A Title, then Heading 1s for the matrix and for its key: the navigation pane shows both.
  const body: Block[] = [
    p('Title', title),
    p('TitleMeta', `Target date ${options.targetDate}`),
    p('Heading1', m.byClause ? 'Clauses changed, by modification' : 'Documents changed, by modification'),
    ...annexTable(table, ctx),
    p('Heading1', 'Key to the modifications'),
    p('AboutText', `Each cell lists the items of the modification that change the ${m.byClause ? 'clause' : 'document'}.`),
    ...m.columns.map((c) => p('BasisItem', `${c.id} '${c.title}' (${c.status}): ${c.file}`)),
  ];
  return docxPackage({ body, header: runningHeader(m.release, 'Impact matrix'), footer: classificationFooter('White'), title, creator: options.author, date: options.date });
}
