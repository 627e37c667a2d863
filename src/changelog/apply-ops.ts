// apply: the planned operations of one document, applied to its blocks. Text operations of a field are spliced
// in one pass from the front over ranges sorted by position (equivalent to applying them back to front, like
// textlint's fixer: no operation shifts another's offsets). Every new block carries its provenance: which
// original block it came from, which items touched it, and where in its text each change landed.

import type { RawBlock, SecDocument } from '../model/types.js';
import { toRaw } from '../model/index.js';
import { joinCells } from '../model/table-syntax.js';
import type { Edit } from './types.js';
import { compareKeys } from './key-order.js';
import { isRow } from './overlap.js';
import { LABEL_FIELD, type InsertOp, type Op, type TextOp } from './plan-types.js';

/** One change inside a field: old range [oldStart, oldEnd) became new range [newStart, newEnd). */
export interface FieldChange {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  item: string;
}

export interface Provenance {
  /** Index of the original block, or null for an inserted block. */
  origin: number | null;
  edits: ReadonlySet<Edit>;
  /** Per field (-1 = text, k = cell k). */
  changes: ReadonlyMap<number, FieldChange[]>;
}

// What a block no operation touched carries: one shared empty set and map. At the scale of the whole SEC a
// modification touches a few hundred of some 150,000 blocks, and a set and a map of their own for each of the
// others was most of what applying it allocated (and kept alive until the Redline was attributed).
const NO_EDITS: ReadonlySet<Edit> = new Set();
const NO_CHANGES: ReadonlyMap<number, FieldChange[]> = new Map();

export interface AppliedDocument {
  raws: RawBlock[];
  provenance: Provenance[];
  /** Original blocks deleted, with the edits that deleted them. */
  deleted: Map<number, Set<Edit>>;
}

export function applyOps(doc: SecDocument, ops: readonly Op[]): AppliedDocument {
  const texts = new Map<number, TextOp[]>();
  const deletes = new Map<number, Set<Edit>>();
  const inserts = new Map<number, InsertOp[]>();
  for (const op of ops) {
    if (op.type === 'text') (texts.get(op.block) ?? texts.set(op.block, []).get(op.block)!).push(op);
    else if (op.type === 'delete') (deletes.get(op.block) ?? deletes.set(op.block, new Set()).get(op.block)!).add(op.edit);
    else (inserts.get(op.gap) ?? inserts.set(op.gap, []).get(op.gap)!).push(op);
  }
  const raws: RawBlock[] = [];
  const provenance: Provenance[] = [];
  const emitInserts = (gap: number): void => {
    const here = inserts.get(gap);
    if (!here) return;
    for (const op of orderInserts(here)) {
      for (const b of op.blocks) {
        raws.push({ ...b, ...(b.cells ? { cells: [...b.cells] } : {}) });
        provenance.push({ origin: null, edits: new Set([op.edit]), changes: new Map() });
      }
    }
  };
  doc.blocks.forEach((block, i) => {
    emitInserts(i);
    if (deletes.has(i)) return;
    const blockOps = texts.get(i);
    if (!blockOps) {
      // Untouched: the block itself stands for its raw fields (blocks are never changed in place), and carries
      // its row key, which identifyBlocks then need not work out again; its line and column are not used
      // (amendDocument places every block, see blockPositions).
      raws.push(block);
      provenance.push({ origin: i, edits: NO_EDITS, changes: NO_CHANGES });
      return;
    }
    const raw = toRaw(block);
    delete raw.line;
    delete raw.column;
    const edits = new Set<Edit>();
    const fieldChanges = new Map<number, FieldChange[]>();
    const byField = new Map<number, TextOp[]>();
    for (const op of blockOps) (byField.get(op.field) ?? byField.set(op.field, []).get(op.field)!).push(op);
    for (const [field, fieldOps] of byField) {
      if (field === LABEL_FIELD) {
        // Renumbering changes the number, not the text: no text change to attribute.
        raw.label = splice(raw.label, fieldOps).text;
        for (const op of fieldOps) edits.add(op.edit);
        continue;
      }
      const old = field < 0 ? raw.text : raw.cells?.[field] ?? '';
      const { text, changes } = splice(old, fieldOps);
      if (field < 0) raw.text = text;
      else if (raw.cells) raw.cells[field] = text;
      fieldChanges.set(field, changes);
      for (const op of fieldOps) edits.add(op.edit);
    }
    if (raw.cells && byField.size) raw.text = joinCells(raw.cells);
    raws.push(raw);
    provenance.push({ origin: i, edits, changes: fieldChanges });
  });
  emitInserts(doc.blocks.length);
  return { raws, provenance, deleted: deletes };
}

/**
 * The order of insertions at one place: rows first (they belong to the table above), rows placed by key in
 * key order; then insertions after a block, the innermost anchor first (after (b) before after G3.5, which
 * contains (b)); then insertions before the next block. Ties keep plan order (one item's edits in order).
 */
export function orderInserts(ops: readonly InsertOp[]): InsertOp[] {
  const rows = ops.filter(isRow);
  const rest = ops.filter((o) => !isRow(o));
  const keyed = rows.filter((o) => o.rowKey !== null).sort((a, b) => compareKeys(a.rowKey!, b.rowKey!));
  const after = rest.filter((o) => o.side === 'after').sort((a, b) => b.anchor - a.anchor);
  const before = rest.filter((o) => o.side === 'before');
  return [...rows.filter((o) => o.rowKey === null), ...keyed, ...after, ...before];
}

/** Applies non-overlapping range replacements to one string, recording where each landed. */
export function splice(old: string, ops: readonly TextOp[]): { text: string; changes: FieldChange[] } {
  const sorted = [...ops].sort((a, b) => a.start - b.start || a.end - b.end);
  let text = '';
  let pos = 0;
  const changes: FieldChange[] = [];
  for (const op of sorted) {
    text += old.slice(pos, op.start);
    const newStart = text.length;
    text += op.insert;
    changes.push({ oldStart: op.start, oldEnd: op.end, newStart, newEnd: text.length, item: op.item });
    pos = op.end;
  }
  text += old.slice(pos);
  return { text, changes };
}
