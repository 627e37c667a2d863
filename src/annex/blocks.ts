// A changed clause's blocks as the Annex A shows them: text blocks in full (sub-paragraphs and short blocks
// give the reader context), tables grouped from their header and row blocks, with runs of unchanged rows
// replaced by one gap row so a 500-row definitions table shows only the definitions that change.

import type { Align } from '../model/types.js';
import type { BlockRedline, ClauseRedline, TextChange } from '../redline/types.js';
import type { AnnexBlock, AnnexGapRow, AnnexRow, AnnexTable, AnnexTextBlock } from './types.js';
import { isDefinitionsTable } from './instructions.js';
import { pushAll } from '../util/arrays.js';

/** Natural order for item ids: '2' < '10' < '10A' < 'x'. */
export function compareItems(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function sortItems(items: Iterable<string>): string[] {
  return [...new Set(items)].sort(compareItems);
}

function changeItems(change: TextChange | undefined): string[] {
  if (!change) return [];
  return change.spans.flatMap((s) => (s.op === 'equal' ? [] : s.items ?? []));
}

/** Items to tag a block with: the block's own, plus any recorded on its changed spans. */
function blockItems(b: BlockRedline): string[] {
  if (b.status === 'unchanged') return [];
  return sortItems([...b.items, ...changeItems(b.label), ...changeItems(b.text), ...(b.cells ?? []).flatMap(changeItems)]);
}

function emptyCell(status: BlockRedline['status']): TextChange {
  return { old: status === 'inserted' ? null : '', new: status === 'deleted' ? null : '', spans: [] };
}

function rowOf(b: BlockRedline): AnnexRow {
  const row: AnnexRow = {
    type: 'row',
    id: b.id,
    status: b.status,
    cells: b.cells ? [...b.cells] : [b.text],
    items: blockItems(b),
  };
  if (b.key !== undefined) row.key = b.key;
  return row;
}

function textBlock(b: BlockRedline): AnnexTextBlock {
  const kind = b.kind === 'heading' || b.kind === 'clause' || b.kind === 'subpara' ? b.kind : 'paragraph';
  return {
    type: 'text',
    kind,
    id: b.id,
    status: b.status,
    level: kind === 'heading' ? Math.max(1, b.depth) : 0,
    // A continuation paragraph of a sub-paragraph is indented like that sub-paragraph's text.
    indent: kind === 'subpara' ? Math.max(1, b.depth) : kind === 'paragraph' ? b.depth : 0,
    label: b.label,
    text: b.text,
    items: blockItems(b),
  };
}

/** An unchanged table of up to this many rows, shown in a changed clause, is shown whole (it is context). */
export const WHOLE_TABLE_ROWS = 12;

/**
 * Keeps changed rows and replaces each run of two or more unchanged rows with a gap row (a single unchanged
 * row is shown: it takes no more room than the ellipsis would). A table with no change is shown whole when it
 * is short: a header and an ellipsis alone would tell the reader nothing.
 */
export function elideRows(rows: readonly AnnexRow[], tableStatus: BlockRedline['status']): (AnnexRow | AnnexGapRow)[] {
  if (tableStatus === 'inserted' || tableStatus === 'deleted') return [...rows];
  if (rows.length <= WHOLE_TABLE_ROWS && rows.every((r) => r.status === 'unchanged')) return [...rows];
  const out: (AnnexRow | AnnexGapRow)[] = [];
  let run: AnnexRow[] = [];
  const flush = (): void => {
    if (run.length >= 2) out.push({ type: 'gap-row', count: run.length });
    else pushAll(out, run);
    run = [];
  };
  for (const r of rows) {
    if (r.status === 'unchanged') run.push(r);
    else {
      flush();
      out.push(r);
    }
  }
  flush();
  return out;
}

function tableOf(header: BlockRedline | undefined, rows: BlockRedline[]): AnnexTable {
  const headRow: AnnexRow = header
    ? rowOf(header)
    : { type: 'row', id: rows[0]?.id ?? '', status: 'unchanged', cells: [], items: [] };
  const bodyRows = rows.map(rowOf);
  const status = header?.status ?? 'unchanged';
  const columns = Math.max(1, headRow.cells.length, ...bodyRows.map((r) => r.cells.length));
  const pad = (r: AnnexRow): AnnexRow => {
    while (r.cells.length < columns) r.cells.push(emptyCell(r.status));
    return r;
  };
  pad(headRow);
  bodyRows.forEach(pad);
  const align: Align[] = Array.from({ length: columns }, (_, i) => header?.align?.[i] ?? null);
  return {
    type: 'table',
    id: header?.id ?? headRow.id,
    status,
    columns,
    align,
    header: headRow,
    rows: elideRows(bodyRows, status),
    definitions: isDefinitionsTable(header),
  };
}

/** The clause's blocks in order, tables grouped, unchanged table rows elided. */
export function annexBlocks(clause: ClauseRedline): AnnexBlock[] {
  const out: AnnexBlock[] = [];
  const blocks = clause.blocks;
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i]!;
    if (b.kind === 'table' || b.kind === 'row') {
      const header = b.kind === 'table' ? b : undefined;
      if (header) i++;
      const rows: BlockRedline[] = [];
      while (i < blocks.length && blocks[i]!.kind === 'row') rows.push(blocks[i++]!);
      out.push(tableOf(header, rows));
      continue;
    }
    out.push(textBlock(b));
    i++;
  }
  return out;
}
