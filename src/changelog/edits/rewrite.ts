// rewrite: a clause's (or sub-paragraph's, or paragraph's) whole text replaced. For a change to a few words
// prefer replace or insert-text, which say exactly what changed; rewrite is for text redrafted throughout.
// With `blocks:` it is the last resort for what no narrower edit can say (a table reordered, a changed table
// header, clauses renumbered across a move): whole clauses, from `target` through `through`, replaced by the
// blocks given as canonical Markdown lines (`target` may be a document: its whole body).

import type { EditModule } from './edit-module.js';
import type { RewriteEdit } from '../types.js';
import { planWholeText, quote } from './common.js';
import { blocksFromLines } from './block-lines.js';
import { blockLines } from '../../model/index.js';
import type { PlanContext } from '../plan-types.js';
import { docId } from '../../model/index.js';

export const rewrite: EditModule<RewriteEdit> = {
  kind: 'rewrite',
  fields: ['target', 'text', 'blocks', 'through'],

  read(r, base) {
    const withBlocks = r.has('blocks');
    const target = r.id('target', { required: "the clause whose text is rewritten, e.g. 'target: H17.5'", allowDocument: withBlocks });
    const text = withBlocks ? null : r.string('text', { required: 'the new text, without the clause number (or blocks: the new clauses as Markdown lines)' });
    if (withBlocks && r.has('text')) r.report(r.pos('text'), `${r.context}: give 'text' (one block's text) or 'blocks' (whole clauses), not both`);
    const through = r.has('through') ? r.id('through') : null;
    if (through && !withBlocks) r.report(r.pos('through'), `${r.context}: 'through' goes with 'blocks'`);
    const blocks = withBlocks ? readLines(r) : null;
    if (!r.ok || target === null || (text === null && blocks === null)) return null;
    return { ...base, kind: 'rewrite', target: target.id, text, blocks, through: through?.id ?? null };
  },

  plan(edit, ctx) {
    if (edit.blocks !== null) {
      planBlocks(edit, edit.blocks, ctx);
      return;
    }
    planWholeText(edit, ctx, edit.target, edit.text!, 'text',
      (b) => (b.kind === 'heading' || b.kind === 'row' || b.kind === 'table' ? `'${b.id}' is a ${b.kind === 'table' ? 'table header' : b.kind}: use ${b.kind === 'heading' ? 'rename-heading' : 'amend-row'}` : null),
      (b) => `${b.id} already has this text`);
  },

  describe: (e) => (e.blocks !== null ? `rewrite ${e.target}${e.through !== null ? ` through ${e.through}` : ''} as ${e.blocks.length} block line${e.blocks.length === 1 ? '' : 's'}` : `rewrite ${e.target}: ${quote(e.text!)}`),
  targets: (e) => [e.target, ...(e.through !== null ? [e.through] : [])],
  clauseEdit: () => ({ kind: 'rewrite' }),
};

function readLines(r: Parameters<EditModule['read']>[0]): string[] | null {
  const n = r.node('blocks');
  if (n === undefined) return null;
  if (n.type !== 'seq') {
    r.report(n.pos, `${r.context}: 'blocks' must be a list of Markdown lines`);
    return null;
  }
  const out: string[] = [];
  for (const item of n.items) {
    const s = item.type === 'scalar' && item.value !== null ? (typeof item.value === 'string' ? item.value : item.quoted ? String(item.value) : item.source) : null;
    if (s === null || s === '' || /[\r\n]/.test(s)) {
      r.report(item.pos, `${r.context}: each entry of 'blocks' must be one non-empty line of Markdown`);
      return null;
    }
    out.push(s);
  }
  return out;
}

function planBlocks(edit: RewriteEdit, lines: readonly string[], ctx: PlanContext): void {
  const pos = edit.fieldPos['target'] ?? edit.pos;
  const parsed = ctx.parse(edit.target);
  let doc;
  let start: number;
  let end: number;
  if (parsed.isDocument) {
    doc = ctx.document(docId(parsed.doc), pos);
    if (!doc) return;
    start = 0;
    end = doc.blocks.length;
  } else {
    const r = ctx.resolve(parsed, pos);
    if (!r) return;
    doc = r.doc;
    start = r.index;
    if (!doc.startsClause(start)) {
      ctx.report(pos, `'${doc.block(start).id}' does not start a clause: rewrite with 'blocks' replaces whole clauses`, 'changelog-target');
      return;
    }
    end = doc.clauseEnd(start);
    if (edit.through !== null) {
      const t = ctx.resolve(ctx.parse(edit.through), edit.fieldPos['through'] ?? pos);
      if (!t) return;
      if (t.doc !== doc || t.index < start || !doc.startsClause(t.index)) {
        ctx.report(edit.fieldPos['through'] ?? pos, `'through: ${edit.through}' must be a clause at or after ${edit.target} in ${doc.id}`, 'changelog-target');
        return;
      }
      end = doc.clauseEnd(t.index);
    }
  }
  const read = blocksFromLines(doc.doc.meta, lines, doc.doc.file);
  if ('problem' in read) {
    ctx.report(edit.fieldPos['blocks'] ?? edit.pos, read.problem, 'changelog-text');
    return;
  }
  const old = doc.blocks.slice(start, end).flatMap((b) => blockLines(b));
  if (old.join('\n') === lines.join('\n')) {
    ctx.report(edit.fieldPos['blocks'] ?? edit.pos, `already applied: ${edit.target} already reads as these blocks (${start < doc.blocks.length ? doc.where(start) : doc.doc.file})`, 'changelog-already-applied');
    return;
  }
  for (let j = start; j < end; j++) ctx.delete(edit, doc, j);
  if (read.blocks.length) ctx.insert(edit, doc, start, read.blocks, { anchor: start, side: 'before' });
}
