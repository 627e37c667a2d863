// insert-text: new words before or after an anchor phrase (matched like replace's `find`), or at the start or
// end of a block's text. The inserted text is taken verbatim, spaces included: `after: the Panel` with
// `text: ' (or the DCC)'`.

import type { EditModule } from './edit-module.js';
import type { InsertTextEdit } from '../types.js';
import { MATCH_FIELDS, exactlyOne, locateOnce, quote, readMatchOptions, resolveScopes } from './common.js';
import { fieldSource } from '../match.js';

export const insertText: EditModule<InsertTextEdit> = {
  kind: 'insert-text',
  fields: ['in', 'before', 'after', 'at', 'text', 'occurrence', ...MATCH_FIELDS],

  read(r, base) {
    const inId = r.id('in', { required: "the clause or block to insert into, e.g. 'in: G3.5'", allowDocument: true });
    const which = exactlyOne(r, ['before', 'after', 'at'], "an anchor phrase, or 'at: end' / 'at: start'");
    const before = r.string('before');
    const after = r.string('after');
    const at = r.has('at') ? r.oneOf('at', ['start', 'end'] as const) : null;
    const text = r.string('text', { required: 'the text to insert, spaces included' });
    const occurrence = r.int('occurrence', 1);
    if (occurrence !== null && which === 'at') r.report(r.pos('occurrence'), `${r.context}: 'occurrence' goes with 'before' or 'after'`);
    if (which === 'at' && inId?.isDocument) r.report(r.pos('in'), `${r.context}: 'at: ${at ?? 'end'}' needs a clause or block in 'in', not a whole document`);
    if (!r.ok || inId === null || which === null || text === null) return null;
    return { ...base, kind: 'insert-text', in: inId.id, before, after, at, occurrence, text, ...readMatchOptions(r) };
  },

  plan(edit, ctx) {
    const inPos = edit.fieldPos['in'] ?? edit.pos;
    const id = ctx.parse(edit.in);
    if (edit.at !== null) {
      const r = ctx.resolve(id, inPos);
      if (!r) return;
      const b = r.doc.block(r.index);
      if (b.cells) {
        ctx.report(inPos, `'${edit.in}' is a table ${b.kind === 'row' ? 'row' : 'header'}: amend its cells with amend-row`, 'changelog-target');
        return;
      }
      const source = fieldSource(r.doc, r.index, -1);
      const already = edit.at === 'end' ? source.endsWith(edit.text) : source.startsWith(edit.text);
      if (already) {
        ctx.report(edit.fieldPos['text'] ?? edit.pos, `already applied: ${edit.in} already ${edit.at === 'end' ? 'ends' : 'starts'} with ${quote(edit.text)}`, 'changelog-already-applied');
        return;
      }
      const p = edit.at === 'end' ? source.length : 0;
      ctx.text(edit, { doc: r.doc, block: r.index, field: -1, start: p, end: p }, edit.text);
      return;
    }
    const scopes = resolveScopes(ctx, [id], inPos);
    if (!scopes) return;
    const phrase = (edit.before ?? edit.after)!;
    const field = edit.before !== null ? 'before' : 'after';
    const place = locateOnce(ctx, scopes, phrase, edit, edit.occurrence, edit.fieldPos[field] ?? edit.pos, field);
    if (!place) return;
    const source = fieldSource(place.doc, place.block, place.field);
    const p = edit.before !== null ? place.start : place.end;
    const already = edit.before !== null ? source.slice(0, p).endsWith(edit.text) : source.slice(p).startsWith(edit.text);
    if (already) {
      ctx.report(edit.fieldPos['text'] ?? edit.pos, `already applied: ${quote(edit.text)} already stands ${field} ${quote(phrase)} (${place.doc.where(place.block)})`, 'changelog-already-applied');
      return;
    }
    ctx.text(edit, { doc: place.doc, block: place.block, field: place.field, start: p, end: p }, edit.text, false, { start: place.start, end: place.end, text: phrase });
  },

  describe(e) {
    const where = e.at !== null ? `at the ${e.at} of ${e.in}` : `${e.before !== null ? 'before' : 'after'} ${quote((e.before ?? e.after)!)} in ${e.in}`;
    return `insert ${quote(e.text)} ${where}`;
  },
  targets: (e) => [e.in],
  clauseEdit: (e) => {
    const out: { kind: 'insert-text'; after?: string; before?: string } = { kind: 'insert-text' };
    if (e.after !== null) out.after = e.after;
    if (e.before !== null) out.before = e.before;
    return out;
  },
};
