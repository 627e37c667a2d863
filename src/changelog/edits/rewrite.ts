// rewrite: a clause's (or sub-paragraph's, or paragraph's) whole text replaced. For a change to a few words
// prefer replace or insert-text, which say exactly what changed; rewrite is for text redrafted throughout.

import type { EditModule } from './edit-module.js';
import type { RewriteEdit } from '../types.js';
import { quote } from './common.js';

export const rewrite: EditModule<RewriteEdit> = {
  kind: 'rewrite',
  fields: ['target', 'text'],

  read(r, base) {
    const target = r.id('target', { required: "the clause whose text is rewritten, e.g. 'target: H17.5'" });
    const text = r.string('text', { required: 'the new text, without the clause number' });
    if (!r.ok || target === null || text === null) return null;
    return { ...base, kind: 'rewrite', target: target.id, text };
  },

  plan(edit, ctx) {
    const pos = edit.fieldPos['target'] ?? edit.pos;
    const r = ctx.resolve(ctx.parse(edit.target), pos);
    if (!r) return;
    const b = r.doc.block(r.index);
    if (b.kind === 'heading' || b.kind === 'row' || b.kind === 'table') {
      ctx.report(pos, `'${b.id}' is a ${b.kind === 'table' ? 'table header' : b.kind}: use ${b.kind === 'heading' ? 'rename-heading' : 'amend-row'}`, 'changelog-target');
      return;
    }
    if (b.text === edit.text) {
      ctx.report(edit.fieldPos['text'] ?? edit.pos, `already applied: ${b.id} already has this text (${r.doc.where(r.index)})`, 'changelog-already-applied');
      return;
    }
    ctx.text(edit, { doc: r.doc, block: r.index, field: -1, start: 0, end: b.text.length }, edit.text, true);
  },

  describe: (e) => `rewrite ${e.target}: ${quote(e.text)}`,
  targets: (e) => [e.target],
  clauseEdit: () => ({ kind: 'rewrite' }),
};
