// delete-row: a table row by its ID; a duplicated key is addressed by occurrence
// ('Appendix AD 3.8.82.2[LowerBandSubGHzChannels0To26#2]' is the second row with that key).

import type { EditModule } from './edit-module.js';
import type { DeleteRowEdit } from '../types.js';
import { docId } from '../../model/index.js';

export const deleteRow: EditModule<DeleteRowEdit> = {
  kind: 'delete-row',
  fields: ['target'],

  read(r, base) {
    const target = r.id('target', { required: "the row, e.g. 'target: Appendix AD 3.8.82.2[LowerBandSubGHzChannels0To26#2]'" });
    if (target && !/\]$/.test(target.id)) r.report(r.pos('target'), `${r.context}: '${target.id}' is not a row ID: expected '<table or clause>[key]'`, 'changelog-id');
    if (!r.ok || target === null) return null;
    return { ...base, kind: 'delete-row', target: target.id };
  },

  plan(edit, ctx) {
    const pos = edit.fieldPos['target'] ?? edit.pos;
    const id = ctx.parse(edit.target);
    const doc = ctx.docs.get(docId(id.doc));
    const index = doc?.byId.get(edit.target);
    if (doc && index === undefined) {
      // The second of two duplicated rows gone already: the change log was applied before.
      const dup = /^(.*)#(\d+)\]$/.exec(edit.target);
      if (dup && doc.byId.has(`${dup[1]}]`)) {
        ctx.report(pos, `'${edit.target}' not found: ${dup[1]}] is on one row only (${doc.where(doc.byId.get(`${dup[1]}]`)!)}) — already applied?`, 'changelog-already-applied');
        return;
      }
    }
    const r = ctx.resolve(id, pos);
    if (!r) return;
    if (r.doc.block(r.index).kind !== 'row') {
      ctx.report(pos, `'${edit.target}' is not a table row`, 'changelog-target');
      return;
    }
    ctx.delete(edit, r.doc, r.index);
  },

  describe: (e) => `delete row ${e.target}`,
  targets: (e) => [e.target],
  clauseEdit: () => ({ kind: 'delete-row' }),
};
