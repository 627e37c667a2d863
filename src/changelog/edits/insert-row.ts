// insert-row: a new table row, placed in key order (definitions alphabetically ignoring case and quotes,
// codes in natural order: E64 between E63 and E65, E100 after E99) or explicitly `after:`/`before:` a key.
// Cells are a list in column order or a map by column heading (every column given).

import type { EditModule } from './edit-module.js';
import type { InsertRowEdit } from '../types.js';
import { joinCells, escapeCellPipes } from '../../model/table-syntax.js';
import { rowKey } from '../../model/index.js';
import { keyPosition } from '../key-order.js';
import { readCells } from './cells.js';
import { columnIndex, resolveTable, rowKeys } from './table.js';
import { quote } from './common.js';

export const insertRow: EditModule<InsertRowEdit> = {
  kind: 'insert-row',
  fields: ['table', 'cells', 'after', 'before'],

  read(r, base) {
    const table = r.id('table', { required: "the table: its clause ('A1.1') or ID ('Appendix AD 3.5.10/table1')" });
    const cells = readCells(r, 'cells', true);
    if (!r.has('cells')) r.missing('cells', 'the new row: a list of cells, or a map of column heading to text');
    const after = r.string('after');
    const before = r.string('before');
    if (after !== null && before !== null) r.report(r.pos('before'), `${r.context}: give 'after' or 'before', not both`);
    if (!r.ok || table === null || cells === null) return null;
    return { ...base, kind: 'insert-row', table: table.id, cells: cells.cells, after, before };
  },

  plan(edit, ctx) {
    const tablePos = edit.fieldPos['table'] ?? edit.pos;
    const t = resolveTable(ctx, ctx.parse(edit.table), tablePos);
    if (!t) return;
    const { doc, index } = t;
    const header = doc.block(index);
    const width = header.cells?.length ?? 0;
    const cellsPos = edit.fieldPos['cells'] ?? edit.pos;
    let cells: string[];
    if (edit.cells.by === 'position') {
      if (edit.cells.values.length !== width) {
        ctx.report(cellsPos, `table ${header.id} has ${width} columns, the new row gives ${edit.cells.values.length} cell${edit.cells.values.length === 1 ? '' : 's'}`, 'changelog-column');
        return;
      }
      cells = edit.cells.values.map(escapeCellPipes);
    } else {
      cells = Array<string>(width).fill('');
      const given = new Set<number>();
      for (const [heading, value] of edit.cells.values) {
        const c = columnIndex(ctx, doc, index, heading, cellsPos);
        if (c === null) return;
        cells[c] = escapeCellPipes(value);
        given.add(c);
      }
      const missing = (header.cells ?? []).filter((_, i) => !given.has(i));
      if (missing.length) {
        ctx.report(cellsPos, `the new row must give every column of ${header.id}; missing ${missing.map((m) => `'${m}'`).join(', ')} (write '' for an empty cell)`, 'changelog-column');
        return;
      }
    }
    const key = rowKey(cells[0] ?? '');
    if (key === '') {
      ctx.report(cellsPos, 'the first cell is the row key and must not be empty', 'changelog-column');
      return;
    }
    const rows = rowKeys(doc, index);
    const same = rows.find((row) => row.key === key);
    if (same) {
      const identical = joinCells(cells) === doc.block(same.index).text;
      ctx.report(
        cellsPos,
        identical ? `already applied: ${doc.block(same.index).id} exists with the same text (${doc.where(same.index)})` : `a row with key '${key}' already exists (${doc.block(same.index).id}, ${doc.where(same.index)}): change it with amend-row`,
        identical ? 'changelog-already-applied' : 'changelog-id-exists',
      );
      return;
    }
    let gap: number;
    let ordered: string | null = null;
    let anchor = index;
    let side: 'after' | 'before' = 'after';
    const anchorKey = edit.after ?? edit.before;
    if (anchorKey !== null) {
      const found = rows.filter((row) => row.key === anchorKey || doc.block(row.index).id.endsWith(`[${anchorKey}]`));
      if (found.length !== 1) {
        ctx.report(edit.fieldPos[edit.after !== null ? 'after' : 'before'] ?? edit.pos, found.length === 0 ? `table ${header.id} has no row with key ${quote(anchorKey)}` : `key ${quote(anchorKey)} is on several rows of ${header.id}: write '${anchorKey}#2' for the second`, 'changelog-anchor');
        return;
      }
      gap = edit.after !== null ? found[0]!.index + 1 : found[0]!.index;
      anchor = found[0]!.index;
      side = edit.after !== null ? 'after' : 'before';
    } else {
      const p = keyPosition(rows.map((row) => row.key), key);
      if (p === null) {
        ctx.report(cellsPos, `cannot place '${key}' in key order: the rows of ${header.id} (${doc.where(index)}) are not in key order around it; give 'after: <key>'`, 'changelog-key-order');
        return;
      }
      gap = p < rows.length ? rows[p]!.index : doc.tableEnd(index);
      ordered = key;
    }
    ctx.insert(edit, doc, gap, [{ kind: 'row', label: '', depth: 0, text: joinCells(cells), cells }], { anchor, side, rowKey: ordered });
  },

  describe: (e) => `insert row ${quote(e.cells.by === 'position' ? e.cells.values[0] ?? '' : [...e.cells.values.values()][0] ?? '')} into ${e.table}${e.after !== null ? ` after ${quote(e.after)}` : e.before !== null ? ` before ${quote(e.before)}` : ' (key order)'}`,
  targets: (e) => [e.table],
  clauseEdit: (e) => ({ kind: 'insert-row', ...(e.after !== null ? { after: e.after } : {}), ...(e.before !== null ? { before: e.before } : {}) }),
};

