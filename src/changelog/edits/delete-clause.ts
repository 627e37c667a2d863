// delete-clause: the SEC way by default — the clause keeps its number and its text becomes 'Not used'; its
// sub-paragraphs, paragraphs and tables go. `remove: true` takes the clause out entirely (only when a
// modification asks for that, since references to the number then dangle).

import { NOT_USED } from '../../model/conventions.js';
import type { EditModule } from './edit-module.js';
import type { DeleteClauseEdit } from '../types.js';
import { describeRenumbering, planRenumbering, readRenumbering } from './renumber.js';

export const deleteClause: EditModule<DeleteClauseEdit> = {
  kind: 'delete-clause',
  fields: ['target', 'remove', 'renumber'],

  read(r, base) {
    const target = r.id('target', { required: "the clause to delete, e.g. 'target: G3.7'" });
    const remove = r.bool('remove') ?? false;
    const renumber = readRenumbering(r);
    if (renumber && renumber.map.size > 0 && !remove) r.report(r.pos('renumber'), `${r.context}: 'renumber' needs 'remove: true' (a clause left 'Not used' keeps its number)`);
    if (!r.ok || target === null || renumber === null) return null;
    return { ...base, kind: 'delete-clause', target: target.id, remove, renumber };
  },

  plan(edit, ctx) {
    const pos = edit.fieldPos['target'] ?? edit.pos;
    const r = ctx.resolve(ctx.parse(edit.target), pos);
    if (!r) return;
    const { doc, index } = r;
    const b = doc.block(index);
    const numbered = b.label !== '' && (b.kind === 'clause' || b.kind === 'heading');
    if (!numbered && b.kind !== 'subpara') {
      ctx.report(pos, `'${b.id}' is a ${b.kind}: delete-clause takes a numbered clause, heading or sub-paragraph${b.kind === 'row' ? ' (rows: delete-row)' : ''}`, 'changelog-target');
      return;
    }
    const end = b.kind === 'subpara' ? doc.subtreeEnd(index) : doc.clauseEnd(index);
    if (!edit.remove && b.text === NOT_USED && end === index + 1) {
      ctx.report(pos, `already applied: ${b.id} already reads '${NOT_USED}' (${doc.where(index)})`, 'changelog-already-applied');
      return;
    }
    if (edit.remove && !planRenumbering(ctx, edit, doc, edit.renumber, [b.id, ...range(index + 1, end).map((j) => doc.block(j).id)], null)) return;
    if (edit.remove) ctx.delete(edit, doc, index);
    else ctx.text(edit, { doc, block: index, field: -1, start: 0, end: b.text.length }, NOT_USED, true);
    for (let j = index + 1; j < end; j++) ctx.delete(edit, doc, j);
  },

  describe: (e) => (e.remove ? `remove ${e.target}${describeRenumbering(e.renumber)}` : `delete ${e.target} (it reads '${NOT_USED}')`),
  targets: (e) => [e.target, ...e.renumber.map.keys()],
  clauseEdit: (e) => ({ kind: e.remove ? 'remove-clause' : 'delete-clause' }),
};

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}
