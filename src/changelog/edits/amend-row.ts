// amend-row: change cells of one table row, each cell named by its column heading. Either whole cells
// (`cells: { Mandatory: 'No' }`) or a find/with inside one cell (`cell: Description`, `find`, `with`).
// The target may also be a cell ID ('…[ScheduleEndDate]{Mandatory}'), which names the cell.

import type { EditModule } from './edit-module.js';
import type { AmendRowEdit } from '../types.js';
import { MATCH_FIELDS, findInScopes, locateOnce, quote, readMatchOptions } from './common.js';
import { readCells } from './cells.js';
import { columnIndex } from './table.js';
import { plainText } from '../../model/index.js';

export const amendRow: EditModule<AmendRowEdit> = {
  kind: 'amend-row',
  fields: ['target', 'cells', 'cell', 'find', 'with', 'occurrence', ...MATCH_FIELDS],

  read(r, base) {
    const target = r.id('target', { required: "the row, e.g. 'target: Appendix AD 3.8.43.2[ScheduleEndDate]'", allowCell: true });
    const cells = readCells(r, 'cells', false);
    const cell = r.string('cell') ?? target?.cell ?? null;
    const find = r.string('find');
    const withText = r.string('with', { allowEmpty: true });
    const occurrence = r.int('occurrence', 1);
    if (target && !/\]$/.test(target.id)) r.report(r.pos('target'), `${r.context}: '${target.id}' is not a row ID: expected '<table or clause>[key]'`, 'changelog-id');
    const byFind = find !== null || withText !== null || r.has('cell') || target?.cell !== undefined;
    if (cells && byFind) r.report(r.pos('cells'), `${r.context}: give either 'cells' (whole cells) or 'cell' with 'find' and 'with', not both`);
    else if (!cells && !r.has('cells')) {
      if (cell === null) r.report(r.map.pos, `${r.context}: expected 'cells: { <column>: <text> }', or 'cell' with 'find' and 'with'`);
      if (find === null && !r.has('find')) r.missing('find', 'the text to change within the cell');
      if (withText === null && !r.has('with')) r.missing('with', "the replacement ('' deletes)");
    }
    if (!r.ok || target === null) return null;
    return {
      ...base,
      kind: 'amend-row',
      target: target.id,
      cells: cells && cells.cells.by === 'heading' ? cells.cells.values : null,
      cell,
      find,
      with: withText,
      occurrence,
      ...readMatchOptions(r),
    };
  },

  plan(edit, ctx) {
    const pos = edit.fieldPos['target'] ?? edit.pos;
    const r = ctx.resolve(ctx.parse(edit.target), pos);
    if (!r) return;
    const { doc, index } = r;
    const row = doc.block(index);
    const table = row.table === undefined ? undefined : doc.byId.get(row.table);
    if (row.kind !== 'row' || table === undefined) {
      ctx.report(pos, `'${edit.target}' is not a table row`, 'changelog-target');
      return;
    }
    const cells = row.cells ?? [];
    if (edit.cells) {
      const cellsPos = edit.fieldPos['cells'] ?? edit.pos;
      let changed = 0;
      for (const [heading, value] of edit.cells) {
        const c = columnIndex(ctx, doc, table, heading, cellsPos);
        if (c === null) continue;
        if (cells[c] === value) continue;
        changed++;
        ctx.text(edit, { doc, block: index, field: c, start: 0, end: (cells[c] ?? '').length }, value, false);
      }
      if (changed === 0 && !ctx.hasErrors()) {
        ctx.report(cellsPos, `already applied: ${row.id} already has ${[...edit.cells].map(([h, v]) => `${h} ${quote(v)}`).join(', ')} (${doc.where(index)})`, 'changelog-already-applied');
      }
      return;
    }
    const c = columnIndex(ctx, doc, table, edit.cell!, edit.fieldPos['cell'] ?? pos);
    if (c === null) return;
    const scope = { doc, blocks: [index], field: c, name: `${row.id}{${plainText(doc.block(table).cells?.[c] ?? '')}} (${doc.where(index)})` };
    const applied = (): string => (edit.with && findInScopes(ctx, [scope], edit.with, edit).places.length ? `the cell already has ${quote(edit.with)}` : '');
    const place = locateOnce(ctx, [scope], edit.find!, edit, edit.occurrence, edit.fieldPos['find'] ?? edit.pos, 'find', applied);
    if (!place) return;
    ctx.text(edit, place, edit.with!);
  },

  describe: (e) =>
    e.cells ? `amend row ${e.target}: ${[...e.cells].map(([h, v]) => `${h} → ${quote(v)}`).join(', ')}` : `amend row ${e.target}, column ${e.cell}: replace ${quote(e.find ?? '')} with ${quote(e.with ?? '')}`,
  targets: (e) => [e.target],
  clauseEdit: (e) => (e.find !== null ? { kind: 'amend-row', find: e.find } : { kind: 'amend-row' }),
};
