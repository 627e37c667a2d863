// rewrite: a clause's (or sub-paragraph's, or paragraph's) whole text replaced. For a change to a few words
// prefer replace or insert-text, which say exactly what changed; rewrite is for text redrafted throughout.

import type { EditModule } from './edit-module.js';
import type { RewriteEdit } from '../types.js';
import { planWholeText, quote } from './common.js';

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
    planWholeText(edit, ctx, edit.target, edit.text, 'text',
      (b) => (b.kind === 'heading' || b.kind === 'row' || b.kind === 'table' ? `'${b.id}' is a ${b.kind === 'table' ? 'table header' : b.kind}: use ${b.kind === 'heading' ? 'rename-heading' : 'amend-row'}` : null),
      (b) => `${b.id} already has this text`);
  },

  describe: (e) => `rewrite ${e.target}: ${quote(e.text)}`,
  targets: (e) => [e.target],
  clauseEdit: () => ({ kind: 'rewrite' }),
};
