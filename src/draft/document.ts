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
    const drafted = rewriteWhole.has(w.key) ? null : draftWindow(doc, oldG, newG, w, rewriteWhole);
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

/** What one entry of a window drafts to, before the window is put together. */
interface EntryDraft {
  /** An insert-clause or delete-clause (they share the window's structural item). */
  structural?: DraftEdit;
  note?: string;
  /** A changed clause's own item. */
  item?: DraftItem;
  /** Old ID → new ID when the clause's number changed. */
  renumber?: [string, string];
}

/**
 * The narrowest edits for a window. Entries no narrower kind can say are rewritten whole in runs (with the
 * insertions next to them, and a neighbouring clause when a run has no old clause of its own).
 */
function draftWindow(doc: string, oldG: readonly ClauseGroup[], newG: readonly ClauseGroup[], w: Window, rewriteWhole: ReadonlySet<string>): DraftItem[] | null {
  const drafts: (EntryDraft | null)[] = w.entries.map((e, k) => draftEntry(doc, oldG, newG, w, k, e));
  const oldIds = new Set(oldG.map((g) => g.id));
  const failed = drafts.map((d, k) => d === null || rewriteWhole.has(`${w.key}/${k}`));
  let runs: Run[] = [];
  for (let guard = 0; guard < 8; guard++) {
    runs = cutRuns(w, failed);
    const inRun = (k: number): boolean => runs.some((r) => k >= r.from && k <= r.to);
    const live = (k: number): EntryDraft | null => (inRun(k) ? null : drafts[k]!);
    const renumbered = w.entries.map((_, k) => live(k)?.renumber).filter((x) => x !== undefined);
    // A new clause whose number an old clause still holds (not renumbered away) cannot be inserted.
    const taken = w.entries.flatMap((e, k) => (e.type === 'ins' && live(k)?.structural && oldIds.has(newG[e.n]!.id) && !renumbered.some((r) => r[0] === newG[e.n]!.id) ? [k] : []));
    if (taken.length) {
      for (const k of taken) failed[k] = true;
      continue;
    }
    if (renumbered.length === 0) break;
    const inserts = w.entries.flatMap((e, k) => (e.type === 'ins' && live(k)?.structural ? [k] : []));
    const removals = w.entries.flatMap((e, k) => (e.type === 'del' && live(k)?.structural ? [k] : []));
    // A new number must be free once the carrier is applied: not an old clause's, unless renumbered away or
    // the one the carrier removes.
    const away = new Set(renumbered.map((r) => r[0]));
    const removed = removals.length === 1 ? oldG[(w.entries[removals[0]!] as { o: number }).o]!.id : null;
    const clash = renumbered.some(([, to]) => oldIds.has(to) && !away.has(to) && to !== removed);
    const oneCarrier = (inserts.length === 1 && removals.length === 0) || (removals.length === 1 && inserts.length === 0);
    // With nothing inserted or removed, a renumber edit of its own says it.
    const alone = inserts.length === 0 && removals.length === 0;
    if ((oneCarrier || alone) && !clash) break;
    // No one insertion or removal to carry the renumbering: the renumbered clauses are rewritten whole.
    let changed = false;
    w.entries.forEach((_, k) => {
      if (live(k)?.renumber && !failed[k]) {
        failed[k] = true;
        changed = true;
      }
    });
    if (!changed) return null;
  }
  const inRun = (k: number): boolean => runs.some((r) => k >= r.from && k <= r.to);
  const items: DraftItem[] = [];
  const structural: DraftEdit[] = [];
  const notes: string[] = [];
  const renumber = new Map<string, string>();
  let carrier: DraftEdit | null = null;
  let firstStructural: string | null = null;
  w.entries.forEach((e, k) => {
    const d = drafts[k];
    if (!d || inRun(k)) return;
    if (d.structural) {
      structural.push(d.structural);
      notes.push(d.note!);
      carrier = d.structural;
      firstStructural ??= e.type === 'ins' ? newG[e.n]!.id : e.type === 'del' ? oldG[e.o]!.id : null;
    }
    if (d.renumber) renumber.set(...d.renumber);
    if (d.item) items.push(d.item);
  });
  if (renumber.size) {
    if (structural.length === 0) {
      structural.push({ kind: 'renumber', renumber: Object.fromEntries(renumber) });
      const first = [...renumber.keys()][0]!;
      firstStructural = renumber.get(first)!;
    } else if (structural.length === 1 && carrier) (carrier as DraftEdit)['renumber'] = Object.fromEntries(renumber);
    else return null;
    notes.push(describeStructure(renumber));
  }
  if (structural.length) items.unshift({ doc, clause: firstStructural ?? doc, notes, edits: structural, window: w.key });
  for (const r of runs) items.push(rewriteRun(doc, oldG, newG, w, r));
  return items;
}

function draftEntry(doc: string, oldG: readonly ClauseGroup[], newG: readonly ClauseGroup[], w: Window, k: number, e: Entry): EntryDraft | null {
  if (e.type === 'del') {
    const g = oldG[e.o]!;
    if (!numbered(g.blocks[0]!)) return null;
    return { structural: { kind: 'delete-clause', target: g.id, remove: true }, note: `${g.id} removed` };
  }
  if (e.type === 'ins') {
    const g = newG[e.n]!;
    const head = g.blocks[0]!;
    if (!numbered(head) || g.blocks.slice(1).some((b) => b.kind !== 'subpara')) return null;
    const anchor = insertAnchor(oldG, w, k, head);
    const specs = subparagraphSpecs(g.blocks.slice(1), 1);
    if (!anchor || specs === null) return null;
    const edit: DraftEdit = { kind: 'insert-clause', ...anchor, id: head.id, text: head.text };
    if (specs.length) edit['subparagraphs'] = specs;
    return { structural: edit, note: `${head.id} inserted ${'after' in anchor ? `after ${anchor.after}` : `before ${anchor.before}`}` };
  }
  const o = oldG[e.o]!;
  const n = newG[e.n]!;
  const ob = o.blocks[0]!;
  const nb = n.blocks[0]!;
  if (ob.kind !== nb.kind) return null;
  const out: EntryDraft = {};
  if (ob.label !== nb.label) {
    if (!numbered(ob) || !numbered(nb)) return null;
    out.renumber = [ob.id, nb.id];
  }
  const drafted = draftClausePair(o, n);
  if (drafted === null) return null;
  // A failed clause item is redrafted alone (its entry rewritten), not its whole window.
  if (drafted.edits.length) out.item = { doc, clause: n.id, ...(o.id !== n.id ? { oldClause: o.id } : {}), notes: drafted.notes, edits: drafted.edits, window: `${w.key}/${k}` };
  return out;
}

/** Entries [from, to] of a window rewritten whole, with the unchanged clause before or after when needed. */
interface Run {
  from: number;
  to: number;
  /** An unchanged neighbour taken in: 'before' or 'after' the window. */
  neighbour: 'before' | 'after' | null;
}

function cutRuns(w: Window, failed: readonly boolean[]): Run[] {
  const n = w.entries.length;
  const runs: Run[] = [];
  for (let k = 0; k < n; k++) {
    if (!failed[k]) continue;
    let from = k;
    let to = k;
    while (to + 1 < n && failed[to + 1]) to++;
    // Insertions next to a rewritten run go into it (their anchor would be inside it).
    while (from > 0 && w.entries[from - 1]!.type === 'ins') from--;
    while (to + 1 < n && w.entries[to + 1]!.type === 'ins') to++;
    let neighbour: Run['neighbour'] = null;
    const hasOld = (): boolean => w.entries.slice(from, to + 1).some((e) => e.type !== 'ins');
    if (!hasOld()) {
      if (from > 0) from--;
      else if (to + 1 < n) to++;
      else neighbour = w.before ? 'before' : w.after ? 'after' : null;
      while (from > 0 && w.entries[from - 1]!.type === 'ins') from--;
      while (to + 1 < n && w.entries[to + 1]!.type === 'ins') to++;
      if (!hasOld() && neighbour === null) neighbour = w.before ? 'before' : w.after ? 'after' : null;
    }
    const last = runs[runs.length - 1];
    if (last && from <= last.to + 1) {
      last.to = Math.max(last.to, to);
      last.neighbour ??= neighbour;
    } else runs.push({ from, to, neighbour });
    k = to;
  }
  return runs;
}

/** The rewrite of a run: its old clauses (and the neighbour taken in) as the new blocks. */
function rewriteRun(doc: string, oldG: readonly ClauseGroup[], newG: readonly ClauseGroup[], w: Window, r: Run): DraftItem {
  let oFrom = Infinity;
  let oTo = -Infinity;
  let nFrom = Infinity;
  let nTo = -Infinity;
  const take = (o: number | null, n: number | null): void => {
    if (o !== null) {
      oFrom = Math.min(oFrom, o);
      oTo = Math.max(oTo, o);
    }
    if (n !== null) {
      nFrom = Math.min(nFrom, n);
      nTo = Math.max(nTo, n);
    }
  };
  for (const e of w.entries.slice(r.from, r.to + 1)) take(e.type === 'ins' ? null : e.o, e.type === 'del' ? null : e.n);
  const nb = r.neighbour === 'before' ? w.before : r.neighbour === 'after' ? w.after : null;
  if (nb) take(nb.o, nb.n);
  if (oFrom === Infinity) return { doc, clause: doc, notes: ['the whole text rewritten'], edits: [{ kind: 'rewrite', target: doc, blocks: linesOf(newG) }], window: w.key };
  const lines = nFrom === Infinity ? [] : linesOf(newG.slice(nFrom, nTo + 1));
  const edit: DraftEdit = { kind: 'rewrite', target: oldG[oFrom]!.id };
  if (oTo > oFrom) edit['through'] = oldG[oTo]!.id;
  edit['blocks'] = lines;
  const first = oldG[oFrom]!.id;
  const last = oldG[oTo]!.id;
  return { doc, clause: nFrom === Infinity ? first : newG[nFrom]!.id, notes: [`${first === last ? first : `${first} to ${last}`} rewritten whole`], edits: [edit], window: w.key };
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

/** The rewrite of last resort for a window: all its entries as one run. */
function rewriteWindow(doc: string, oldG: readonly ClauseGroup[], newG: readonly ClauseGroup[], w: Window): DraftItem {
  const hasOld = w.entries.some((e) => e.type !== 'ins');
  return rewriteRun(doc, oldG, newG, w, { from: 0, to: w.entries.length - 1, neighbour: hasOld ? null : w.before ? 'before' : w.after ? 'after' : null });
}
