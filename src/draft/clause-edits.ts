// The edits inside one changed clause (its old and new versions already paired): its blocks paired by the
// diff's block alignment (which sees a relabelled sub-paragraph), then, block by block, word edits
// (text-edits.ts), rename-heading, amend-row / insert-row / delete-row, insert-clause / delete-clause for
// sub-paragraphs (with `renumber:` for the ones that take a new letter), insert-paragraph. Returns null where
// today's edit kinds cannot say the difference (a table header changed, a paragraph deleted): the caller then
// rewrites the clause whole.

import type { Block } from '../model/types.js';
import { NOT_USED, plainText } from '../model/index.js';
import { alignBlocks, type BlockStep } from '../diff/align-blocks.js';
import type { ClauseGroup } from '../diff/clauses.js';
import { draftTextEdits } from './text-edits.js';
import type { DraftEdit } from './types.js';
import { describeNotes, describeStructure } from './summary.js';

export interface ClauseDraft {
  edits: DraftEdit[];
  notes: string[];
}

interface SubSpec {
  label: string;
  text: string;
  subparagraphs?: SubSpec[];
}

/** Sub-paragraph specs for insert-clause from consecutive sub-paragraph blocks starting at `depth`. */
export function subparagraphSpecs(blocks: readonly Block[], depth: number): SubSpec[] | null {
  const out: SubSpec[] = [];
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i]!;
    if (b.kind !== 'subpara' || b.depth !== depth) return null;
    let j = i + 1;
    while (j < blocks.length && blocks[j]!.kind === 'subpara' && blocks[j]!.depth > depth) j++;
    const children = subparagraphSpecs(blocks.slice(i + 1, j), depth + 1);
    if (children === null) return null;
    out.push({ label: b.label, text: b.text, ...(children.length ? { subparagraphs: children } : {}) });
    i = j;
  }
  return out;
}

const parentOf = (b: Block): string => b.id.slice(0, b.id.length - b.label.length);

export function draftClausePair(o: ClauseGroup, n: ClauseGroup): ClauseDraft | null {
  const oh = o.blocks[0]!;
  const nh = n.blocks[0]!;
  // Deleted the SEC way: the clause keeps its number and reads 'Not used'.
  if (n.blocks.length === 1 && nh.text === NOT_USED && nh.kind === oh.kind && oh.label !== '' && !(o.blocks.length === 1 && oh.text === NOT_USED)) {
    return { edits: [{ kind: 'delete-clause', target: oh.id }], notes: [`deleted (now '${NOT_USED}')`] };
  }
  const steps = alignBlocks(o.blocks, n.blocks, o.id, n.id);
  if (steps[0]?.old !== oh || steps[0]?.new !== nh) return null;
  const edits: DraftEdit[] = [];
  const notes: string[] = [];
  const subRenumber = new Map<string, string>();
  const subInserts: DraftEdit[] = [];
  const subRemovals: DraftEdit[] = [];
  const removed = new Set<Block>();
  const scopeOf = (b: Block): string[] => scopeTexts(o.blocks, b);

  // A row deleted in one place and inserted unchanged in another was moved (a reordered table).
  const movedFrom = new Map<Block, Block>();
  const oldOnlyRows = new Map<string, Block[]>();
  for (const s of steps) if (s.old && !s.new && s.old.kind === 'row') (oldOnlyRows.get(s.old.text) ?? oldOnlyRows.set(s.old.text, []).get(s.old.text)!).push(s.old);
  for (const s of steps) {
    if (!s.new || s.old || s.new.kind !== 'row') continue;
    const from = oldOnlyRows.get(s.new.text)?.shift();
    if (from && from.table === tableOfNewRow(steps, s.new)?.id) movedFrom.set(s.new, from);
  }
  const movedAway = new Set(movedFrom.values());

  for (let k = 0; k < steps.length; k++) {
    const s = steps[k]!;
    if (s.old && s.new) {
      const a = s.old;
      const b = s.new;
      if (a.kind !== b.kind || a.depth !== b.depth) return null;
      if (a.label !== b.label) {
        if (a.kind !== 'subpara') {
          if (k !== 0) return null;
        } else subRenumber.set(a.id, parentOf(a) + b.label);
      }
      if (a.kind === 'table') {
        if (a.text !== b.text || (a.align ?? []).join() !== (b.align ?? []).join()) return null;
        continue;
      }
      if (a.kind === 'row') {
        const e = amendRow(o.blocks, a, b);
        if (e === null) return null;
        if (e) {
          edits.push(e);
          notes.push(`row ${a.key} amended`);
        }
        continue;
      }
      if (a.text === b.text) continue;
      if (a.kind === 'heading') {
        edits.push({ kind: 'rename-heading', target: a.id, title: b.text });
        notes.push(`heading '${a.text}' renamed '${b.text}'`);
        continue;
      }
      const r = draftTextEdits(a.id, a.text, b.text, scopeOf(a), (text) => ({ kind: 'rewrite', target: a.id, text }));
      edits.push(...r.edits);
      const described = describeNotes(r.notes);
      const where = b.label !== a.label ? `${b.label} (formerly ${a.label})` : a.label || a.id.slice(o.id.length);
      if (described) notes.push(a === oh ? described : `${where}: ${described}`);
      continue;
    }
    if (s.old) {
      const a = s.old;
      if (a.kind === 'row') {
        if (movedAway.has(a)) continue;
        edits.push({ kind: 'delete-row', target: a.id });
        notes.push(`row ${a.key} deleted`);
        continue;
      }
      if (a.kind === 'subpara') {
        // A sub-paragraph goes with the ones under it: they must all be gone.
        let inRemoved = false;
        for (const r of removed) if (a.id.startsWith(r.id) && a.depth > r.depth) inRemoved = true;
        if (inRemoved) continue;
        const kids = o.blocks.slice(o.blocks.indexOf(a) + 1);
        const subtree = kids.slice(0, Math.max(0, kids.findIndex((x) => x.kind !== 'subpara' || x.depth <= a.depth) === -1 ? kids.length : kids.findIndex((x) => x.kind !== 'subpara' || x.depth <= a.depth)));
        if (subtree.some((x) => steps.some((t) => t.old === x && t.new))) return null;
        removed.add(a);
        const e: DraftEdit = { kind: 'delete-clause', target: a.id, remove: true };
        edits.push(e);
        subRemovals.push(e);
        notes.push(`${a.label} removed`);
        continue;
      }
      return null; // paragraphs, tables: no narrower kind removes them
    }
    const b = s.new!;
    if (b.kind === 'subpara') {
      const kids: Block[] = [];
      let j = k + 1;
      while (j < steps.length && !steps[j]!.old && steps[j]!.new!.kind === 'subpara' && steps[j]!.new!.depth > b.depth) kids.push(steps[j++]!.new!);
      const specs = subparagraphSpecs(kids, b.depth + 1);
      if (specs === null) return null;
      const anchor = subAnchor(steps, k, b, oh);
      if (!anchor) return null;
      const e: DraftEdit = { kind: 'insert-clause', ...anchor.at, id: anchor.parent + b.label, text: b.text };
      if (specs.length) e['subparagraphs'] = specs;
      edits.push(e);
      subInserts.push(e);
      notes.push(`${b.label} inserted`);
      k = j - 1;
      continue;
    }
    if (b.kind === 'row') {
      const e = insertRow(steps, k, b);
      if (!e) return null;
      const from = movedFrom.get(b);
      if (from) {
        if (!('after' in e) && !('before' in e)) return null;
        edits.push({ kind: 'move-row', target: from.id, ...('after' in e ? { after: e['after'] } : { before: e['before'] }) });
        notes.push(`row ${b.key} moved`);
        continue;
      }
      edits.push(e);
      notes.push(`row ${b.key} inserted`);
      continue;
    }
    if (b.kind === 'paragraph') {
      const at = paragraphAnchor(steps, k, oh);
      if (!at) return null;
      edits.push({ kind: 'insert-paragraph', ...at, text: b.text });
      notes.push('a paragraph inserted');
      continue;
    }
    return null;
  }
  if (subRenumber.size) {
    const carrier = subInserts.length === 1 && subRemovals.length === 0 ? subInserts[0]! : subRemovals.length === 1 && subInserts.length === 0 ? subRemovals[0]! : null;
    if (!carrier) return null;
    carrier['renumber'] = Object.fromEntries(subRenumber);
    notes.push(describeStructure(subRenumber));
  }
  return { edits, notes };
}

/** The visible texts a phrase addressed `in: <block>` is searched in: a clause, a sub-paragraph subtree, a block. */
function scopeTexts(blocks: readonly Block[], b: Block): string[] {
  const i = blocks.indexOf(b);
  let end = i + 1;
  if (i === 0) end = blocks.length;
  else if (b.kind === 'subpara') while (end < blocks.length && blocks[end]!.kind === 'subpara' && blocks[end]!.depth > b.depth) end++;
  const out: string[] = [];
  for (const x of blocks.slice(i, end)) {
    if (x.cells) for (const c of x.cells) out.push(plainText(c));
    else out.push(plainText(x.text));
  }
  return out;
}

/** amend-row with the changed cells by column heading; undefined when nothing changed, null when it cannot. */
function amendRow(blocks: readonly Block[], a: Block, b: Block): DraftEdit | null | undefined {
  const header = blocks.find((x) => x.id === a.table);
  const headings = (header?.cells ?? []).map((c) => plainText(c).trim());
  const ac = a.cells ?? [];
  const bc = b.cells ?? [];
  if (ac.length !== bc.length || ac.length !== headings.length || new Set(headings.map((h) => h.toLowerCase())).size !== headings.length || headings.some((h) => h === '')) return null;
  if (ac[0] !== bc[0]) return null; // a changed key changes the row's ID: not an amendment
  const cells: Record<string, string> = {};
  ac.forEach((c, i) => {
    if (c !== bc[i]) cells[headings[i]!] = bc[i]!;
  });
  if (Object.keys(cells).length === 0) return undefined;
  return { kind: 'amend-row', target: a.id, cells };
}

/** The old table header a new row sits under (null when its table is new). */
function tableOfNewRow(steps: readonly BlockStep[], row: Block): Block | null {
  const k = steps.findIndex((s) => s.new === row);
  for (let j = k - 1; j >= 0; j--) {
    const s = steps[j]!;
    if (s.new && s.new.kind === 'table') return s.old && s.old.kind === 'table' ? s.old : null;
  }
  return null;
}

/** insert-row into the old table, placed after the old row before it (or before the one after it). */
function insertRow(steps: readonly BlockStep[], k: number, b: Block): DraftEdit | null {
  let table: Block | null = null;
  let prevRow: Block | null = null;
  for (let j = k - 1; j >= 0; j--) {
    const s = steps[j]!;
    if (s.new && s.new.kind === 'table') {
      if (!s.old || s.old.kind !== 'table') return null;
      table = s.old;
      break;
    }
    if (s.new && s.new.kind !== 'row') return null;
    if (!prevRow && s.old && s.old.kind === 'row' && s.new) prevRow = s.old;
  }
  if (!table) return null;
  let nextRow: Block | null = null;
  for (let j = k + 1; j < steps.length && !prevRow; j++) {
    const s = steps[j]!;
    if (s.new && s.new.kind !== 'row') break;
    if (s.old && s.old.kind === 'row' && s.new) {
      nextRow = s.old;
      break;
    }
  }
  const keyRef = (r: Block): string => /\[([^\]]*)\]$/.exec(r.id)?.[1] ?? r.key ?? '';
  const e: DraftEdit = { kind: 'insert-row', table: table.id, cells: b.cells ?? [] };
  if (prevRow) e['after'] = keyRef(prevRow);
  else if (nextRow) e['before'] = keyRef(nextRow);
  return e;
}

/** A new sub-paragraph goes after its old previous sibling, else before its old next sibling, else under its parent. */
function subAnchor(steps: readonly BlockStep[], k: number, b: Block, head: Block): { at: { after: string } | { before: string } | { under: string }; parent: string } | null {
  let parent: string | null = b.depth === 1 ? head.id : null;
  let prev: Block | null = null;
  for (let j = k - 1; j >= 0; j--) {
    const x = steps[j]!.old;
    if (!x) continue;
    if (x.kind !== 'subpara' || x.depth < b.depth) {
      if (x.kind === 'subpara' && x.depth === b.depth - 1) parent = x.id;
      break;
    }
    if (x.depth === b.depth && steps[j]!.new) {
      prev = x;
      parent = parentOf(x);
      break;
    }
    if (x.depth === b.depth) break; // a removed sibling is no anchor
  }
  if (prev && parent) return { at: { after: prev.id }, parent };
  for (let j = k + 1; j < steps.length; j++) {
    const x = steps[j]!.old;
    if (!x) continue;
    if (x.kind !== 'subpara' || x.depth < b.depth) break;
    if (x.depth === b.depth) {
      if (!steps[j]!.new) return null;
      return { at: { before: x.id }, parent: parentOf(x) };
    }
  }
  // No sibling at all: the first sub-paragraph under its parent.
  return parent ? { at: { under: parent }, parent } : null;
}

/** A new paragraph goes after the old block before it (not the clause's head: that means after the clause). */
function paragraphAnchor(steps: readonly BlockStep[], k: number, head: Block): { after: string } | { before: string } | null {
  for (let j = k - 1; j >= 0; j--) {
    const x = steps[j]!.old;
    if (!x || !steps[j]!.new) continue;
    if (x === head) break;
    if (x.kind === 'row') return x.table ? { after: x.table } : null;
    if (x.kind === 'subpara') {
      // After a sub-paragraph means after its subtree: only right when nothing of the list follows.
      const next = steps.slice(k + 1).find((t) => t.old);
      if (next?.old && next.old.kind === 'subpara') return null;
      return { after: x.id };
    }
    return { after: x.id };
  }
  for (let j = k + 1; j < steps.length; j++) {
    const x = steps[j]!.old;
    if (x && steps[j]!.new) return x.kind === 'row' ? null : { before: x.id };
  }
  return { after: head.id };
}
