// insert-clause: a new numbered clause (or sub-paragraph, or numbered heading: the same kind as its anchor)
// after or before an existing one. Without `id`, the number follows the SEC convention: after G3.5 comes G3.5A,
// after G3.5A comes G3.5B, after the last sub-paragraph (g) comes (h). Where the convention leaves no free
// number (between G3.5A and G3.5B, or before a sub-paragraph) the edit is refused and must give `id`.

import type { EditModule } from './edit-module.js';
import type { InsertClauseEdit } from '../types.js';
import type { Block, RawBlock } from '../../model/types.js';
import { idPrefix, labelAt, leadingLabel, leadingNumber, nextInsertedNumber, nextLabel, styleForDepth } from '../../model/index.js';
import { exactlyOne, quote } from './common.js';
import { notUsedRange } from '../../model/conventions.js';
import { readSubparagraphs, subparagraphBlocks } from './subparagraphs.js';
import type { DocIndex } from '../doc-index.js';
import type { PlanContext } from '../plan-types.js';
import { pushAll } from '../../util/arrays.js';
import { describeRenumbering, planRenumbering, readRenumbering } from './renumber.js';

export const insertClause: EditModule<InsertClauseEdit> = {
  kind: 'insert-clause',
  fields: ['after', 'before', 'under', 'id', 'text', 'subparagraphs', 'renumber'],

  read(r, base) {
    const which = exactlyOne(r, ['after', 'before', 'under'], 'the clause the new one follows or precedes, or the one it is the first sub-paragraph under');
    const after = r.has('after') ? r.id('after') : null;
    const before = r.has('before') ? r.id('before') : null;
    const under = r.has('under') ? r.id('under') : null;
    const id = r.has('id') ? r.id('id') : null;
    const text = r.string('text', { required: 'the new clause text, without its number' });
    const node = r.node('subparagraphs');
    const subs = node === undefined ? [] : readSubparagraphs(r, node, 1, r.context);
    const renumber = readRenumbering(r);
    const anchor = after ?? before ?? under;
    if (id && anchor && (id.doc.kind !== anchor.doc.kind || id.doc.code !== anchor.doc.code)) {
      r.report(r.pos('id'), `${r.context}: the new clause '${id.id}' must be in the same document as '${anchor.id}'`);
    }
    if (renumber && renumber.map.size > 0 && !id) r.report(r.pos('renumber'), `${r.context}: with 'renumber', give the new clause's 'id' (the number it takes)`);
    if (!r.ok || which === null || anchor === null || text === null || subs === null || renumber === null) return null;
    return { ...base, kind: 'insert-clause', after: after?.id ?? null, before: before?.id ?? null, under: under?.id ?? null, id: id?.id ?? null, text, subparagraphs: subs, renumber };
  },

  plan(edit, ctx) {
    if (edit.under !== null) {
      planUnder(edit, ctx);
      return;
    }
    const anchorField = edit.after !== null ? 'after' : 'before';
    const anchorPos = edit.fieldPos[anchorField] ?? edit.pos;
    const r = ctx.resolve(ctx.parse((edit.after ?? edit.before)!), anchorPos);
    if (!r) return;
    const { doc, index } = r;
    const anchor = doc.block(index);
    const numbered = anchor.label !== '' && (anchor.kind === 'clause' || anchor.kind === 'heading');
    if (!numbered && anchor.kind !== 'subpara') {
      ctx.report(anchorPos, `'${anchor.id}' is a ${anchor.kind}, not a numbered clause or sub-paragraph: use insert-paragraph to add an unnumbered paragraph`, 'changelog-target');
      return;
    }
    if (anchor.kind === 'heading' && edit.subparagraphs.length) {
      ctx.report(edit.fieldPos['subparagraphs'] ?? edit.pos, `'${anchor.id}' is a heading: a new heading has no sub-paragraphs`, 'changelog-target');
      return;
    }
    if (edit.id !== null && splitsRange(edit, ctx, doc, index)) return;
    const gap = edit.after !== null ? doc.extentEnd(index) : index;
    const label = edit.id !== null ? explicitLabel(edit, ctx, doc, index) : conventionLabel(edit, ctx, doc, index, gap);
    if (label === null) return;
    const newId = anchor.kind === 'subpara' ? parentOf(anchor.id, anchor.label) + label : idPrefix(doc.doc.meta) + label;
    const twin = doc.planned.get(newId);
    if (twin !== undefined) {
      ctx.report(edit.fieldPos['id'] ?? edit.pos, `${newId} is also inserted by ${twin}: give each new clause its own id`, 'changelog-id-exists');
      return;
    }
    const existing = edit.renumber.map.has(newId) ? undefined : doc.byId.get(newId);
    if (existing !== undefined) {
      const same = doc.block(existing).text === edit.text;
      ctx.report(
        edit.fieldPos[edit.id !== null ? 'id' : anchorField] ?? edit.pos,
        same ? `already applied: ${newId} exists with the same text (${doc.where(existing)})` : `${newId} already exists (${doc.where(existing)}): choose another id`,
        same ? 'changelog-already-applied' : 'changelog-id-exists',
      );
      return;
    }
    const blocks: RawBlock[] = [{ kind: anchor.kind, label, depth: anchor.depth, text: edit.text }];
    pushAll(blocks, subparagraphBlocks(edit.subparagraphs, anchor.kind === 'subpara' ? anchor.depth + 1 : 1));
    if (!planRenumbering(ctx, edit, doc, edit.renumber, [], newId)) return;
    ctx.insert(edit, doc, gap, blocks, { anchor: index, side: edit.after !== null ? 'after' : 'before' });
    doc.planned.set(newId, ctx.name);
  },

  describe: (e) => `insert ${e.id ?? 'a new clause'} ${e.after !== null ? `after ${e.after}` : e.before !== null ? `before ${e.before}` : `as the first sub-paragraph under ${e.under}`}${describeRenumbering(e.renumber)}: ${quote(e.text)}`,
  targets: (e) => [(e.after ?? e.before ?? e.under)!, ...(e.id !== null ? [e.id] : []), ...e.renumber.map.keys()],
  clauseEdit: (e) => (e.after !== null ? { kind: 'insert-clause', after: e.after } : e.before !== null ? { kind: 'insert-clause', before: e.before } : { kind: 'insert-clause', after: e.under! }),
};

/**
 * Re-using one number of a 'Not used' range ('G3.17 to G3.20 Not used', new G3.18) splits the range: G3.17
 * stays 'Not used', G3.18 is the new clause, 'G3.19 to G3.20 Not used' follows. True when the edit was such.
 */
function splitsRange(edit: InsertClauseEdit, ctx: PlanContext, doc: DocIndex, index: number): boolean {
  const anchor = doc.block(index);
  if (anchor.kind !== 'clause' || anchor.label === '') return false;
  const range = notUsedRange(anchor.label, anchor.text);
  const wanted = ctx.parse(edit.id!).id;
  const prefix = anchor.id.slice(0, anchor.id.length - anchor.label.length);
  const k = range ? range.numbers.findIndex((n) => prefix + n === wanted) : -1;
  if (!range || k <= 0) return false;
  const retired = (numbers: string[]): string => (numbers.length === 1 ? range.status : `to ${numbers[numbers.length - 1]} ${range.status}`);
  ctx.text(edit, { doc, block: index, field: -1, start: 0, end: anchor.text.length }, retired(range.numbers.slice(0, k)));
  const blocks: RawBlock[] = [{ kind: 'clause', label: range.numbers[k]!, depth: 0, text: edit.text }];
  blocks.push(...subparagraphBlocks(edit.subparagraphs, 1));
  const rest = range.numbers.slice(k + 1);
  if (rest.length) blocks.push({ kind: 'clause', label: rest[0]!, depth: 0, text: retired(rest) });
  ctx.insert(edit, doc, index + 1, blocks, { anchor: index, side: 'after' });
  return true;
}

/** 'H17.5(g)' with label '(g)' → 'H17.5'. */
function parentOf(id: string, label: string): string {
  return id.endsWith(label) ? id.slice(0, id.length - label.length) : id;
}

/** The label of an explicit `id`, checked to be the anchor's kind and level. */
function explicitLabel(edit: InsertClauseEdit, ctx: PlanContext, doc: DocIndex, index: number): string | null {
  const anchor = doc.block(index);
  const id = edit.id!;
  const pos = edit.fieldPos['id'] ?? edit.pos;
  if (anchor.kind === 'subpara') {
    const parent = parentOf(anchor.id, anchor.label);
    const label = id.startsWith(parent) ? id.slice(parent.length) : '';
    if (label === '' || leadingLabel(label) !== label) {
      ctx.report(pos, `'${id}' must be a sub-paragraph of ${parent} like '${anchor.id}', e.g. '${parent}(x)'`, 'changelog-id');
      return null;
    }
    return label;
  }
  const prefix = idPrefix(doc.doc.meta);
  const label = id.startsWith(prefix) ? id.slice(prefix.length) : '';
  if (label === '' || leadingNumber(doc.doc.meta, `${label} x`, anchor.kind === 'heading') !== label) {
    ctx.report(pos, `'${id}' is not a clause number of ${doc.id} (expected e.g. '${anchor.id}A')`, 'changelog-id');
    return null;
  }
  return label;
}

function numberDepth(label: string): number {
  return label.split('.').length;
}

function numberParent(label: string): string {
  const i = label.lastIndexOf('.');
  return i < 0 ? '' : label.slice(0, i);
}

/** The label the SEC convention gives a clause inserted at `gap`, or null (reported) when there is none. */
function conventionLabel(edit: InsertClauseEdit, ctx: PlanContext, doc: DocIndex, index: number, gap: number): string | null {
  const anchor = doc.block(index);
  const pos = edit.fieldPos[edit.after !== null ? 'after' : 'before'] ?? edit.pos;
  const refuse = (a: string, b: string, why: string): null => {
    ctx.report(pos, `cannot number a new clause between ${a} and ${b} by the SEC convention (${why}): give it an explicit 'id'`, 'changelog-numbering');
    return null;
  };
  if (anchor.kind === 'subpara') {
    if (edit.before !== null) return refuse(previousSibling(doc, index)?.id ?? 'the start of the list', anchor.id, 'sub-paragraphs are lettered in sequence');
    let next = nextLabel(anchor.label, anchor.depth);
    // An earlier edit already inserts the next letter here: this one follows it ((h), then (i)).
    const parent = parentOf(anchor.id, anchor.label);
    while (next !== null && doc.planned.has(parent + next)) next = nextLabel(next, anchor.depth);
    const following = doc.blocks[gap];
    // The same sub-paragraph already there: the caller reports the change log as already applied.
    if (following && following.kind === 'subpara' && following.label === next && following.text === edit.text) return next;
    if (following && following.kind === 'subpara' && following.depth === anchor.depth) return refuse(anchor.id, following.id, `${anchor.label} is not the last sub-paragraph`);
    if (next === null) return refuse(anchor.id, 'the end of the list', `${anchor.label} is not a level-${anchor.depth} label`);
    return next;
  }
  // A numbered clause or heading: the new number follows the sibling before the gap.
  let prev: Block = anchor;
  if (edit.before !== null) {
    const p = previousNumbered(doc, index);
    if (p === null) return refuse('the start of its part', anchor.id, `no clause at the level of ${anchor.label} comes before it`);
    prev = p;
  }
  const prefix = idPrefix(doc.doc.meta);
  let candidate = nextInsertedNumber(prev.label);
  // Consecutive insertions at one place number on: the first after G3.5 is G3.5A, the next G3.5B.
  while (doc.planned.has(prefix + candidate)) candidate = nextInsertedNumber(candidate);
  const taken = doc.byId.get(prefix + candidate);
  if (taken !== undefined && doc.block(taken).text !== edit.text) {
    return refuse(prev.id, prefix + candidate, `${prefix + candidate}, the next number after ${prev.label}, is taken at ${doc.where(taken)}`);
  }
  if (edit.before !== null && candidate === anchor.label && taken === undefined) return refuse(prev.id, anchor.id, 'no number is free');
  return candidate;
}

/** The numbered block at the same level and under the same parent just before `index`, if any. */
function previousNumbered(doc: DocIndex, index: number): Block | null {
  const anchor = doc.block(index);
  const depth = numberDepth(anchor.label);
  const parent = numberParent(anchor.label);
  for (let j = index - 1; j >= 0; j--) {
    const b = doc.block(j);
    if (b.label === '' || (b.kind !== 'clause' && b.kind !== 'heading')) continue;
    const d = numberDepth(b.label);
    if (d < depth) return null;
    if (d === depth) return numberParent(b.label) === parent && b.kind === anchor.kind ? b : null;
  }
  return null;
}

function previousSibling(doc: DocIndex, index: number): { id: string } | null {
  const depth = doc.block(index).depth;
  for (let j = index - 1; j >= 0; j--) {
    const b = doc.block(j);
    if (b.kind !== 'subpara' || b.depth < depth) return null;
    if (b.depth === depth) return b;
  }
  return null;
}

/**
 * `under:` the first sub-paragraph of a clause or sub-paragraph that has none: labelled (a) under a clause,
 * (i) under (a), and so on (or its explicit `id`), placed directly after the parent's own line.
 */
function planUnder(edit: InsertClauseEdit, ctx: PlanContext): void {
  const pos = edit.fieldPos['under'] ?? edit.pos;
  const r = ctx.resolve(ctx.parse(edit.under!), pos);
  if (!r) return;
  const { doc, index } = r;
  const parent = doc.block(index);
  const numbered = parent.label !== '' && parent.kind === 'clause';
  if (!numbered && parent.kind !== 'subpara') {
    ctx.report(pos, `'${parent.id}' is a ${parent.kind}: a sub-paragraph goes under a numbered clause or a sub-paragraph`, 'changelog-target');
    return;
  }
  const depth = parent.kind === 'subpara' ? parent.depth + 1 : 1;
  const next = doc.blocks[index + 1];
  if (next && next.kind === 'subpara' && next.depth === depth) {
    ctx.report(pos, `${parent.id} already has sub-paragraphs (${next.id}, ${doc.where(index + 1)}): insert after or before one of them`, 'changelog-target');
    return;
  }
  const base = parent.id;
  let label = labelAt(styleForDepth(depth), 1);
  if (edit.id !== null) {
    const l = edit.id.startsWith(base) ? edit.id.slice(base.length) : '';
    if (l === '' || leadingLabel(l) !== l) {
      ctx.report(edit.fieldPos['id'] ?? pos, `'${edit.id}' must be a sub-paragraph of ${base}, e.g. '${base}${label}'`, 'changelog-id');
      return;
    }
    label = l;
  }
  const blocks: RawBlock[] = [{ kind: 'subpara', label, depth, text: edit.text }, ...subparagraphBlocks(edit.subparagraphs, depth + 1)];
  if (!planRenumbering(ctx, edit, doc, edit.renumber, [], base + label)) return;
  ctx.insert(edit, doc, index + 1, blocks, { anchor: index, side: 'after' });
}
