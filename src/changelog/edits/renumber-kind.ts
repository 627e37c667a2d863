// renumber: clauses given new numbers without anything inserted or removed ('renumber M1.16 as M1.216'). A
// map of old ID to new ID, one document; the new numbers must be free (or freed by the same map). Other edits
// still address the old numbers. For a renumbering caused by an insertion or removal, put the map on that
// insert-clause or delete-clause instead (edits/renumber.ts).

import type { EditModule } from './edit-module.js';
import type { RenumberEdit } from '../types.js';
import { docId, parseId } from '../../model/index.js';
import { describeRenumbering, planRenumbering, readRenumbering } from './renumber.js';

export const renumber: EditModule<RenumberEdit> = {
  kind: 'renumber',
  fields: ['renumber'],

  read(r, base) {
    if (!r.has('renumber')) r.missing('renumber', 'a map of old ID to new ID, e.g. { M1.16: M1.17 }');
    const ren = readRenumbering(r);
    if (ren && ren.map.size > 0) {
      const docs = new Set([...ren.map.keys()].map((id) => docId(parseId(id)!.doc)));
      if (docs.size > 1) r.report(r.pos('renumber'), `${r.context}: one renumber edit renumbers within one document, found ${[...docs].join(', ')}`);
    }
    if (!r.ok || ren === null) return null;
    return { ...base, kind: 'renumber', renumber: ren };
  },

  plan(edit, ctx) {
    const first = [...edit.renumber.map.keys()][0]!;
    const doc = ctx.document(docId(ctx.parse(first).doc), edit.fieldPos['renumber'] ?? edit.pos);
    if (!doc) return;
    planRenumbering(ctx, edit, doc, edit.renumber, [], null);
  },

  describe: (e) => describeRenumbering(e.renumber).replace(/^, renumbering/, 'renumber'),
  targets: (e) => [...e.renumber.map.keys()],
  clauseEdit: () => ({ kind: 'renumber' }),
};
