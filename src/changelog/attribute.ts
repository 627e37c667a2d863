// Attribution: after the Redline is built from the documents before and after (src/diff/build-redline.ts, no moves),
// each block, clause and inserted or deleted span is labelled with the change-log items that caused it. A span
// gets the items whose changed ranges it overlaps, so two items editing one clause stay distinguishable.

import type { Block } from '../model/types.js';
import type { BlockRedline, ClauseEdit, DocumentRedline, TextChange } from '../redline/types.js';
import type { AppliedDocument, FieldChange, Provenance } from './apply-ops.js';
import { moduleOf } from './edits/index.js';
import type { Edit } from './types.js';

interface Range {
  start: number;
  end: number;
  item: string;
}

export interface AttributionInput {
  oldBlocks: readonly Block[];
  newBlocks: readonly Block[];
  applied: AppliedDocument;
  /** Change-log order of item ids, for sorting. */
  itemOrder: ReadonlyMap<string, number>;
}

export function attribute(redline: DocumentRedline, input: AttributionInput): void {
  const { oldBlocks, newBlocks, applied, itemOrder } = input;
  // Only the IDs the redline's blocks look up (it may hold a few clauses of a large document), each found as a
  // map of every block would find it: the last block with that ID.
  const wanted = new Set<string>();
  for (const clause of redline.clauses) for (const block of clause.blocks) wanted.add(block.id);
  const byNewId = new Map<string, { prov: Provenance; block: Block }>();
  newBlocks.forEach((b, i) => {
    if (wanted.has(b.id)) byNewId.set(b.id, { prov: applied.provenance[i]!, block: b });
  });
  const deletedByOldId = new Map<string, Set<Edit>>();
  for (const [i, edits] of applied.deleted) deletedByOldId.set(oldBlocks[i]!.id, edits);
  const sortItems = (items: Iterable<string>): string[] => [...new Set(items)].sort((a, b) => (itemOrder.get(a) ?? 0) - (itemOrder.get(b) ?? 0));

  for (const clause of redline.clauses) {
    const edits = new Set<Edit>();
    for (const block of clause.blocks) {
      const blockEdits = editsOf(block, byNewId, deletedByOldId, oldBlocks);
      for (const e of blockEdits) edits.add(e);
      const items = sortItems([...blockEdits].map((e) => e.item));
      block.items = items;
      if (items.length === 0) continue;
      if (block.status !== 'changed') {
        // Inserted or deleted as a whole: every span is the work of the block's items.
        for (const tc of [block.label, block.text, ...(block.cells ?? [])]) for (const s of tc.spans) if (s.op !== 'equal') s.items = items;
        continue;
      }
      const hit = byNewId.get(block.id);
      const originId = hit && hit.prov.origin !== null ? oldBlocks[hit.prov.origin]!.id : null;
      const sameOrigin = originId !== null && originId === (block.oldId ?? block.id);
      const changes = hit && sameOrigin ? hit.prov.changes : new Map<number, FieldChange[]>();
      const oldBlock = hit && sameOrigin ? oldBlocks[hit.prov.origin!]! : null;
      for (const s of block.label.spans) if (s.op !== 'equal') s.items = items;
      if (block.cells) {
        const oldCells = oldBlock?.cells ?? [];
        const newCells = hit?.block.cells ?? [];
        block.cells.forEach((tc, k) => spans(tc, changes.get(k) ?? [], 0, 0, items, sortItems));
        // The row's text is its cells joined with ' | ': shift each cell's ranges by its offset.
        const oldRanges: FieldChange[] = [];
        let oOff = 0;
        let nOff = 0;
        const width = Math.max(oldCells.length, newCells.length);
        for (let k = 0; k < width; k++) {
          for (const c of changes.get(k) ?? []) oldRanges.push({ ...c, oldStart: c.oldStart + oOff, oldEnd: c.oldEnd + oOff, newStart: c.newStart + nOff, newEnd: c.newEnd + nOff });
          oOff += (oldCells[k] ?? '').length + 3;
          nOff += (newCells[k] ?? '').length + 3;
        }
        spans(block.text, oldRanges, 0, 0, items, sortItems);
      } else {
        spans(block.text, changes.get(-1) ?? [], 0, 0, items, sortItems);
      }
    }
    clause.items = sortItems([...edits].map((e) => e.item));
    // Eleven amend-rows of one item on one table are one instruction ("amend the table"). Deduplicated through a
    // set of keys: 10,000 rows inserted into one table are 10,000 edits of one clause, so no pairwise search.
    const seen = new Set<string>();
    clause.edits = [...edits]
      .sort((a, b) => (itemOrder.get(a.item) ?? 0) - (itemOrder.get(b.item) ?? 0) || a.index - b.index)
      .map((e): ClauseEdit => ({ item: e.item, ...moduleOf(e).clauseEdit(e) }))
      .filter((e) => {
        const key = JSON.stringify(e);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }
}

function editsOf(
  block: BlockRedline,
  byNewId: ReadonlyMap<string, { prov: Provenance }>,
  deletedByOldId: ReadonlyMap<string, Set<Edit>>,
  oldBlocks: readonly Block[],
): Set<Edit> {
  if (block.status === 'deleted') return deletedByOldId.get(block.oldId ?? block.id) ?? new Set();
  if (block.status === 'unchanged') return new Set();
  const hit = byNewId.get(block.id);
  const out = new Set(hit?.prov.edits ?? []);
  // A changed block whose old side was deleted by an edit (the diff paired it with a new block).
  const oldId = block.oldId ?? block.id;
  for (const e of deletedByOldId.get(oldId) ?? []) out.add(e);
  if (hit && hit.prov.origin !== null && oldBlocks[hit.prov.origin]!.id !== oldId) {
    for (const e of deletedByOldId.get(oldBlocks[hit.prov.origin]!.id) ?? []) out.add(e);
  }
  return out;
}

/** Labels the insert and delete spans of one TextChange with the items whose ranges they overlap. */
function spans(tc: TextChange, changes: readonly FieldChange[], oldBase: number, newBase: number, fallback: string[], sortItems: (i: Iterable<string>) => string[]): void {
  const oldRanges: Range[] = changes.map((c) => ({ start: c.oldStart + oldBase, end: c.oldEnd + oldBase, item: c.item }));
  const newRanges: Range[] = changes.map((c) => ({ start: c.newStart + newBase, end: c.newEnd + newBase, item: c.item }));
  let o = 0;
  let n = 0;
  for (const s of tc.spans) {
    const len = s.text.length;
    if (s.op === 'equal') {
      o += len;
      n += len;
      continue;
    }
    const [a, b, ranges] = s.op === 'delete' ? [o, o + len, oldRanges] : [n, n + len, newRanges];
    const hit = ranges.filter((r) => (r.start < b && a < r.end) || (r.start === r.end && a <= r.start && r.start <= b));
    s.items = hit.length ? sortItems(hit.map((r) => r.item)) : fallback;
    if (s.op === 'delete') o += len;
    else n += len;
  }
}
