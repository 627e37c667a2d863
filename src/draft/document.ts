// Drafting the edits of one document: pair the clauses of the old and new versions (the diff's alignment,
// which sees renumbering with edits), cut the differences into windows between unchanged clauses, and write
// each window as the narrowest edits: word edits per changed clause (clause-edits.ts), insert-clause and
// delete-clause with their `renumber:` for clauses inserted, removed or renumbered. A window no narrower edit
// can say — or one that failed verification — becomes one `rewrite` with `blocks:` (the last resort).

import type { Block, SecDocument } from '../model/types.js';
import { blockLines, docId } from '../model/index.js';
import { alignClauses } from '../diff/align-clauses.js';
import { groupClauses, identicalClauses, type ClauseGroup } from '../diff/clauses.js';
import { draftClausePair, subparagraphSpecs } from './clause-edits.js';
import type { DraftEdit, DraftItem } from './types.js';
import { describeStructure } from './summary.js';

type Entry = { type: 'del'; o: number } | { type: 'ins'; n: number } | { type: 'pair'; o: number; n: number };

export interface Window {
  /** Stable within one drafting run: the document and the index of its first entry. */
  key: string;
  entries: Entry[];
  /** Old group index of the unchanged clause before the window (-1: none) and after it (groups.length: none). */
  before: { o: number; n: number } | null;
  after: { o: number; n: number } | null;
}

export interface DocumentDraft {
  items: DraftItem[];
  /** Keys of the windows drafted, for a retry that rewrites some of them whole. */
  windows: string[];
}

/**
 * `rewriteWhole`: windows to write as one rewrite; `'document'` rewrites the document's whole body (the
 * fallback of last resort, which always applies).
 */
export function draftDocument(oldDoc: SecDocument, newDoc: SecDocument, rewriteWhole: ReadonlySet<string> | 'document'): DocumentDraft {
  const doc = docId(oldDoc.meta);
  const oldG = groupClauses(oldDoc.blocks);
  const newG = groupClauses(newDoc.blocks);
  if (rewriteWhole === 'document') {
    const same = serializeGroups(oldG) === serializeGroups(newG);
    if (same) return { items: [], windows: [] };
    return { items: [{ doc, clause: doc, notes: ['the whole text rewritten'], edits: [{ kind: 'rewrite', target: doc, blocks: linesOf(newG) }], window: `${doc}#document` }], windows: [`${doc}#document`] };
  }
  const windows = cutWindows(oldG, newG, doc);
  const items: DraftItem[] = [];
  for (const w of windows) {
    const drafted = rewriteWhole.has(w.key) ? null : draftWindow(doc, oldG, newG, w);
    items.push(...(drafted ?? [rewriteWindow(doc, oldG, newG, w)]));
  }
  return { items, windows: windows.map((w) => w.key) };
}

function serializeGroups(groups: readonly ClauseGroup[]): string {
  return linesOf(groups).join('\n');
}

function linesOf(groups: readonly ClauseGroup[]): string[] {
  return groups.flatMap((g) => g.blocks.flatMap((b) => blockLines(b)));
}

/** Pairs in order (moves are taken as a removal plus an insertion), then windows between unchanged pairs. */
function cutWindows(oldG: readonly ClauseGroup[], newG: readonly ClauseGroup[], doc: string): Window[] {
  const oldIndex = new Map(oldG.map((g, i) => [g, i]));
  const newIndex = new Map(newG.map((g, i) => [g, i]));
  const pairs: { o: number; n: number }[] = [];
  for (const s of alignClauses(oldG, newG, { detectMoves: true })) {
    if (!s.old || !s.new || s.via === 'moved') continue;
    const o = oldIndex.get(s.old)!;
    const n = newIndex.get(s.new)!;
    const last = pairs[pairs.length - 1];
    if (last && (o <= last.o || n <= last.n)) continue; // never cross: both sides keep their order
    pairs.push({ o, n });
  }
  const windows: Window[] = [];
  let cur: Entry[] = [];
  let before: { o: number; n: number } | null = null;
  let prev = { o: -1, n: -1 };
  const close = (after: { o: number; n: number } | null): void => {
    if (cur.length) windows.push({ key: `${doc}#${windows.length}`, entries: cur, before, after });
    cur = [];
  };
  for (const p of [...pairs, { o: oldG.length, n: newG.length }]) {
    for (let o = prev.o + 1; o < p.o; o++) cur.push({ type: 'del', o });
    for (let n = prev.n + 1; n < p.n; n++) cur.push({ type: 'ins', n });
    if (p.o === oldG.length) break;
    if (identicalClauses(oldG[p.o]!, newG[p.n]!) || sameContent(oldG[p.o]!, newG[p.n]!)) {
      close(p);
      before = p;
    } else cur.push({ type: 'pair', o: p.o, n: p.n });
    prev = p;
  }
  close(null);
  return windows;
}

/** Same blocks (labels included); IDs may differ only where they are implicit ('/heading2'). */
function sameContent(a: ClauseGroup, b: ClauseGroup): boolean {
  if (a.blocks.length !== b.blocks.length) return false;
  return a.blocks.every((x, i) => blockLines(x).join('\n') === blockLines(b.blocks[i]!).join('\n'));
}

const numbered = (b: Block): boolean => b.label !== '' && (b.kind === 'clause' || b.kind === 'heading');

/** The narrowest edits for a window, or null when it needs the rewrite of last resort. */
function draftWindow(doc: string, oldG: readonly ClauseGroup[], newG: readonly ClauseGroup[], w: Window): DraftItem[] | null {
  const items: DraftItem[] = [];
  const structural: DraftEdit[] = [];
  const structuralNotes: string[] = [];
  const renumber = new Map<string, string>();
  for (const e of w.entries) {
    if (e.type !== 'pair') continue;
    const ob = oldG[e.o]!.blocks[0]!;
    const nb = newG[e.n]!.blocks[0]!;
    if (ob.kind !== nb.kind) return null;
    if (ob.label !== nb.label) {
      if (!numbered(ob) || !numbered(nb)) return null;
      renumber.set(ob.id, nb.id);
    }
  }
  const inserts: DraftEdit[] = [];
  const removals: DraftEdit[] = [];
  for (let k = 0; k < w.entries.length; k++) {
    const e = w.entries[k]!;
    if (e.type === 'del') {
      const g = oldG[e.o]!;
      if (!numbered(g.blocks[0]!)) return null;
      const edit: DraftEdit = { kind: 'delete-clause', target: g.id, remove: true };
      removals.push(edit);
      structural.push(edit);
      structuralNotes.push(`${g.id} removed`);
    } else if (e.type === 'ins') {
      const g = newG[e.n]!;
      const head = g.blocks[0]!;
      if (!numbered(head) || g.blocks.slice(1).some((b) => b.kind !== 'subpara')) return null;
      const anchor = insertAnchor(oldG, w, k, head);
      if (!anchor) return null;
      const specs = subparagraphSpecs(g.blocks.slice(1), 1);
      if (specs === null) return null;
      const edit: DraftEdit = { kind: 'insert-clause', ...anchor, id: head.id, text: head.text };
      if (specs.length) edit['subparagraphs'] = specs;
      inserts.push(edit);
      structural.push(edit);
      structuralNotes.push(`${head.id} inserted`);
    } else {
      const drafted = draftClausePair(oldG[e.o]!, newG[e.n]!);
      if (drafted === null) return null;
      if (drafted.edits.length) {
        const o = oldG[e.o]!;
        const n = newG[e.n]!;
        items.push({ doc, clause: n.id, ...(o.id !== n.id ? { oldClause: o.id } : {}), notes: drafted.notes, edits: drafted.edits, window: w.key });
      }
    }
  }
  if (renumber.size) {
    // One insertion or one removal carries the renumbering (its new number may be one the renumbering frees).
    const carrier = inserts.length === 1 && removals.length === 0 ? inserts[0]! : removals.length === 1 && inserts.length === 0 ? removals[0]! : null;
    if (!carrier) return null;
    carrier['renumber'] = Object.fromEntries(renumber);
    structuralNotes.push(describeStructure(renumber));
  }
  if (structural.length) {
    const first = w.entries.find((e) => e.type !== 'pair');
    const clause = first?.type === 'ins' ? newG[first.n]!.id : first?.type === 'del' ? oldG[first.o]!.id : doc;
    items.unshift({ doc, clause, notes: structuralNotes, edits: structural, window: w.key });
  }
  return items;
}

/**
 * Where a new clause goes: after the old clause just before it (same kind: a clause after a clause, a heading
 * after a heading), else before the old clause just after it.
 */
function insertAnchor(oldG: readonly ClauseGroup[], w: Window, k: number, head: Block): { after: string } | { before: string } | null {
  let prevOld: number | null = w.before?.o ?? null;
  for (let j = 0; j < k; j++) {
    const e = w.entries[j]!;
    if (e.type !== 'ins') prevOld = e.o;
  }
  let nextOld: number | null = w.after?.o ?? null;
  for (let j = w.entries.length - 1; j > k; j--) {
    const e = w.entries[j]!;
    if (e.type !== 'ins') nextOld = e.o;
  }
  const fits = (o: number | null): boolean => o !== null && o >= 0 && o < oldG.length && oldG[o]!.blocks[0]!.kind === head.kind && numbered(oldG[o]!.blocks[0]!);
  if (fits(prevOld)) return { after: oldG[prevOld!]!.id };
  if (fits(nextOld)) return { before: oldG[nextOld!]!.id };
  return null;
}

/** The rewrite of last resort: the window's old clauses (with a neighbour when it has none) as the new blocks. */
function rewriteWindow(doc: string, oldG: readonly ClauseGroup[], newG: readonly ClauseGroup[], w: Window): DraftItem {
  let oFrom = Infinity;
  let oTo = -Infinity;
  let nFrom = Infinity;
  let nTo = -Infinity;
  for (const e of w.entries) {
    if (e.type !== 'ins') {
      oFrom = Math.min(oFrom, e.o);
      oTo = Math.max(oTo, e.o);
    }
    if (e.type !== 'del') {
      nFrom = Math.min(nFrom, e.n);
      nTo = Math.max(nTo, e.n);
    }
  }
  if (oFrom === Infinity) {
    // Only insertions: take in the unchanged clause before (or after) them.
    const nb = w.before ?? w.after;
    if (!nb) return { doc, clause: doc, notes: ['the whole text rewritten'], edits: [{ kind: 'rewrite', target: doc, blocks: linesOf(newG) }], window: w.key };
    oFrom = Math.min(nb.o, oFrom === Infinity ? nb.o : oFrom);
    oTo = nb.o;
    nFrom = Math.min(nFrom, nb.n);
    nTo = Math.max(nTo, nb.n);
  }
  const lines = nFrom === Infinity ? [] : linesOf(newG.slice(nFrom, nTo + 1));
  const edit: DraftEdit = { kind: 'rewrite', target: oldG[oFrom]!.id };
  if (oTo > oFrom) edit['through'] = oldG[oTo]!.id;
  edit['blocks'] = lines;
  const first = oldG[oFrom]!.id;
  const last = oldG[oTo]!.id;
  return { doc, clause: nFrom === Infinity ? first : newG[nFrom]!.id, notes: [`${first === last ? first : `${first} to ${last}`} rewritten`], edits: [edit], window: w.key };
}
