// The impact matrix of a release: which modification changes which document (or, by clause, which clause),
// computed from the planned operations of the change logs, never typed in. Rows are in SEC order (documents)
// and document order (clauses, a new clause where it will stand); columns in release order; each cell lists
// the items of that modification that make the change.

import type { SecDocument } from '../model/types.js';
import { compareDocRefs, parseDocId } from '../model/index.js';
import type { DocLookup, Op } from '../changelog/index.js';
import { claimOf } from './conflicts.js';
import type { ModificationStatus } from './types.js';
import type { Prepared } from './prepare.js';

export interface MatrixColumn {
  /** 'MP250'. */
  id: string;
  title: string;
  status: ModificationStatus;
  /** The change log's path. */
  file: string;
}

export interface MatrixRow {
  /** 'Section G'. */
  doc: string;
  /** By clause: the clause ID ('G3.5', 'G3.5A' for a new one); null in the document matrix. */
  clause: string | null;
  /** The document's current label and the release's new one (null when the release gives none). */
  oldVersion: string;
  newVersion: string | null;
  /** One list of item ids per column, in change-log order; empty where the modification does not touch it. */
  cells: string[][];
}

export interface ImpactMatrix {
  release: string;
  byClause: boolean;
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

/** The clause an operation changes (for an insertion: the clause the new block will belong to or start). */
export function clauseOf(op: Op, index: DocLookup): { clause: string; position: number } {
  if (op.type !== 'insert') {
    const clause = index.block(op.block).clause;
    return { clause, position: index.byId.get(clause) ?? op.block };
  }
  const claim = claimOf(op, index);
  if (claim && claim.kind === 'clause') return { clause: claim.id, position: op.gap - 0.5 };
  if (op.gap === 0) return { clause: index.id, position: -1 };
  const clause = index.block(op.gap - 1).clause;
  return { clause, position: index.byId.get(clause) ?? op.gap - 1 };
}

export function impactMatrix(prepared: Prepared, baseline: ReadonlyMap<string, SecDocument>, release: string, options: { byClause?: boolean } = {}): ImpactMatrix {
  const byClause = !!options.byClause;
  const columns: MatrixColumn[] = prepared.mods.map((m) => ({ id: m.log.modification.id, title: m.log.modification.title, status: m.entry.status, file: m.log.file }));
  const col = new Map(prepared.mods.map((m, i) => [m, i]));
  interface Acc {
    doc: string;
    clause: string | null;
    position: number;
    first: number;
    cells: Set<string>[];
  }
  const rows = new Map<string, Acc>();
  prepared.result.ops.forEach((r, n) => {
    const index = prepared.planned.indexes.get(r.op.doc);
    if (!index) return;
    const where = byClause ? clauseOf(r.op, index) : { clause: null, position: 0 };
    const key = `${r.op.doc}\u0000${where.clause ?? ''}`;
    let acc = rows.get(key);
    if (!acc) {
      acc = { doc: r.op.doc, clause: where.clause, position: where.position, first: n, cells: columns.map(() => new Set<string>()) };
      rows.set(key, acc);
    }
    acc.cells[col.get(r.mod)!]!.add(r.edit.item);
  });
  const order = (doc: string): number => [...baseline.keys()].indexOf(doc);
  const sorted = [...rows.values()].sort((a, b) => {
    const ra = parseDocId(a.doc);
    const rb = parseDocId(b.doc);
    return (ra && rb ? compareDocRefs(ra, rb) : order(a.doc) - order(b.doc)) || a.position - b.position || a.first - b.first;
  });
  return {
    release,
    byClause,
    columns,
    rows: sorted.map((acc) => {
      const doc = baseline.get(acc.doc);
      const items = (i: number): string[] => {
        const mod = prepared.mods[i]!;
        const order = new Map(mod.log.items.map((it, k) => [it.id, k]));
        return [...acc.cells[i]!].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
      };
      return {
        doc: acc.doc,
        clause: acc.clause,
        oldVersion: doc ? doc.meta.version : '',
        newVersion: prepared.labels.get(acc.doc) ?? null,
        cells: columns.map((_, i) => items(i)),
      };
    }),
  };
}
