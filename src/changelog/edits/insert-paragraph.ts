// insert-paragraph: an unnumbered paragraph after or before a given block. "After" a clause means after the
// whole clause (its sub-paragraphs, tables and paragraphs); after a table, under its last row; after an
// unnumbered heading such as F4.17/heading1 (an annex inside a section), after the paragraphs under it. Next to a
// sub-paragraph or one of its continuation paragraphs, the new paragraph continues that sub-paragraph
// ('after: H17.5(a)' gives H17.5(a)/p1, after its nested items); before a nested item it continues the item above.

import type { EditModule } from './edit-module.js';
import type { InsertParagraphEdit } from '../types.js';
import { classifyLine } from '../../model/scan.js';
import { exactlyOne, quote } from './common.js';

export const insertParagraph: EditModule<InsertParagraphEdit> = {
  kind: 'insert-paragraph',
  fields: ['after', 'before', 'text'],

  read(r, base) {
    const which = exactlyOne(r, ['after', 'before'], 'the block the paragraph follows or precedes');
    const after = r.has('after') ? r.id('after') : null;
    const before = r.has('before') ? r.id('before') : null;
    const text = r.string('text', { required: 'the paragraph text' });
    if (!r.ok || which === null || text === null || (after ?? before) === null) return null;
    return { ...base, kind: 'insert-paragraph', after: after?.id ?? null, before: before?.id ?? null, text };
  },

  plan(edit, ctx) {
    const field = edit.after !== null ? 'after' : 'before';
    const pos = edit.fieldPos[field] ?? edit.pos;
    const r = ctx.resolve(ctx.parse((edit.after ?? edit.before)!), pos);
    if (!r) return;
    const { doc, index } = r;
    const shape = classifyLine(doc.doc.meta, edit.text, 1);
    if (shape.kind !== 'paragraph') {
      ctx.report(edit.fieldPos['text'] ?? edit.pos, `the text would read as a ${shape.kind === 'clause' ? `numbered clause (${shape.label})` : shape.kind === 'subpara' ? 'list item' : shape.kind}, not a paragraph: use insert-clause, or reword its start`, 'changelog-text');
      return;
    }
    if (doc.block(index).kind === 'row') {
      ctx.report(pos, `'${doc.block(index).id}' is a table row: a paragraph goes after the table ('${doc.block(index).table}')`, 'changelog-target');
      return;
    }
    const gap = edit.after !== null ? doc.extentEnd(index) : index;
    // Applied before, the paragraph stands at the gap's edge (after: it became the clause's last block).
    const alreadyAt = [doc.blocks[gap - 1], doc.blocks[gap]].find((b) => b && b.kind === 'paragraph' && b.text === edit.text);
    if (alreadyAt) {
      ctx.report(edit.fieldPos['text'] ?? edit.pos, `already applied: ${alreadyAt.id} has the same text (${doc.doc.file}:${alreadyAt.line})`, 'changelog-already-applied');
      return;
    }
    const anchor = doc.block(index);
    const depth = anchor.kind === 'paragraph' ? anchor.depth : anchor.kind === 'subpara' ? (edit.after !== null ? anchor.depth : anchor.depth - 1) : 0;
    ctx.insert(edit, doc, gap, [{ kind: 'paragraph', label: '', depth: Math.max(0, depth), text: edit.text }], { anchor: index, side: edit.after !== null ? 'after' : 'before' });
  },

  describe: (e) => `insert a paragraph ${e.after !== null ? `after ${e.after}` : `before ${e.before}`}: ${quote(e.text)}`,
  targets: (e) => [(e.after ?? e.before)!],
  clauseEdit: (e) => (e.after !== null ? { kind: 'insert-paragraph', after: e.after } : { kind: 'insert-paragraph', before: e.before! }),
};
