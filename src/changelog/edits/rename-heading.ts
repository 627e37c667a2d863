// rename-heading: a numbered heading ('Appendix AG 2.10') or an unnumbered one ('Appendix AG 2.10.9/heading1')
// gets a new title. The number of a numbered heading stays.

import type { EditModule } from './edit-module.js';
import type { RenameHeadingEdit } from '../types.js';
import { planWholeText, quote } from './common.js';

export const renameHeading: EditModule<RenameHeadingEdit> = {
  kind: 'rename-heading',
  fields: ['target', 'title'],

  read(r, base) {
    const target = r.id('target', { required: "the heading, e.g. 'target: Appendix AG 2.10'" });
    const title = r.string('title', { required: 'the new title, without the number' });
    if (!r.ok || target === null || title === null) return null;
    return { ...base, kind: 'rename-heading', target: target.id, title };
  },

  plan(edit, ctx) {
    planWholeText(edit, ctx, edit.target, edit.title, 'title',
      (b) => (b.kind === 'heading' ? null : `'${b.id}' is a ${b.kind}, not a heading${b.kind === 'clause' || b.kind === 'paragraph' || b.kind === 'subpara' ? ': use rewrite' : ''}`),
      (b) => `${b.id} is already titled ${quote(edit.title)}`);
  },

  describe: (e) => `rename heading ${e.target} to ${quote(e.title)}`,
  targets: (e) => [e.target],
  clauseEdit: () => ({ kind: 'rename-heading' }),
};
