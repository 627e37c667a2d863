// move-row: a table row taken from its place and put after (or before) another row of the same table, its text
// unchanged — what a reordered table needs, since insert-row refuses a key the table already has.

import type { EditModule } from './edit-module.js';
import type { MoveRowEdit } from '../types.js';
import { toRaw } from '../../model/index.js';
import { quote } from './common.js';
import { rowKeys } from './table.js';

export const moveRow: EditModule<MoveRowEdit> = {
  kind: 'move-row',
  fields: ['target', 'after', 'before'],

  read(r, base) {
    const target = r.id('target', { required: "the row, e.g. 'target: Appendix AD 3.5.10[E66]'" });
    if (target && !/\]$/.test(target.id)) r.report(r.pos('target'), `${r.context}: '${target.id}' is not a row ID: expected '<table or clause>[key]'`, 'changelog-id');
    const after = r.string('after');
    const before = r.string('before');
    if ((after === null) === (before === null)) r.report(r.map.pos, `${r.context}: give 'after: <key>' or 'before: <key>' (the row it goes next to)`);
    if (!r.ok || target === null) return null;
    return { ...base, kind: 'move-row', target: target.id, after, before };
  },

  plan(edit, ctx) {
    const pos = edit.fieldPos['target'] ?? edit.pos;
    const r = ctx.resolve(ctx.parse(edit.target), pos);
    if (!r) return;
    const { doc, index } = r;
    const row = doc.block(index);
    const table = row.kind === 'row' ? doc.byId.get(row.table ?? '') : undefined;
    if (table === undefined) {
      ctx.report(pos, `'${edit.target}' is not a table row`, 'changelog-target');
      return;
    }
    const anchorKey = (edit.after ?? edit.before)!;
    const anchorPos = edit.fieldPos[edit.after !== null ? 'after' : 'before'] ?? edit.pos;
    const found = rowKeys(doc, table).filter((x) => x.key === anchorKey || doc.block(x.index).id.endsWith(`[${anchorKey}]`));
    if (found.length !== 1) {
      ctx.report(anchorPos, found.length === 0 ? `table ${doc.block(table).id} has no row with key ${quote(anchorKey)}` : `key ${quote(anchorKey)} is on several rows of ${doc.block(table).id}: write '${anchorKey}#2' for the second`, 'changelog-anchor');
      return;
    }
    const anchor = found[0]!.index;
    if (anchor === index) {
      ctx.report(anchorPos, `a row cannot be moved next to itself`, 'changelog-anchor');
      return;
    }
    const gap = edit.after !== null ? anchor + 1 : anchor;
    if (gap === index || gap === index + 1) {
      ctx.report(anchorPos, `already applied: ${row.id} is already ${edit.after !== null ? 'after' : 'before'} ${quote(anchorKey)} (${doc.where(index)})`, 'changelog-already-applied');
      return;
    }
    const raw = toRaw(row);
    delete raw.line;
    delete raw.column;
    ctx.delete(edit, doc, index);
    ctx.insert(edit, doc, gap, [raw], { anchor, side: edit.after !== null ? 'after' : 'before' });
  },

  describe: (e) => `move row ${e.target} ${e.after !== null ? `after ${quote(e.after)}` : `before ${quote(e.before!)}`}`,
  targets: (e) => [e.target],
  clauseEdit: (e) => ({ kind: 'move-row', ...(e.after !== null ? { after: e.after } : { before: e.before! }) }),
};
