// Table lookups shared by the row edits: the table an ID names, its column headings, a row by key.

import type { ParsedId } from '../../model/index.js';
import { docId, plainText } from '../../model/index.js';
import type { DocIndex } from '../doc-index.js';
import type { PlanContext } from '../plan-types.js';
import type { Pos } from '../types.js';
import { nearest } from '../../util/suggest.js';

/**
 * The table header block an ID names: a table ID ('Appendix AD 3.5.10/table1'), or a numbered block whose
 * first table is meant ('A1.1', 'Appendix AD 3.5.10').
 */
export function resolveTable(ctx: PlanContext, id: ParsedId, pos: Pos): { doc: DocIndex; index: number } | null {
  const doc = ctx.docs.get(docId(id.doc));
  if (doc) {
    const direct = doc.byId.get(id.id);
    if (direct !== undefined && doc.block(direct).kind === 'table') return { doc, index: direct };
    const first = doc.byId.get(`${id.id}/table1`);
    if (first !== undefined) return { doc, index: first };
    if (direct !== undefined) {
      ctx.report(pos, `'${id.id}' has no table (${doc.where(direct)})`, 'changelog-target');
      return null;
    }
  }
  const r = ctx.resolve(id, pos);
  if (r && r.doc.block(r.index).kind !== 'table') {
    ctx.report(pos, `'${id.id}' is not a table`, 'changelog-target');
    return null;
  }
  return r;
}

/** Column index of a heading (its plain text; exact, else unique case-insensitive), reporting unknown ones. */
export function columnIndex(ctx: PlanContext, doc: DocIndex, table: number, heading: string, pos: Pos): number | null {
  const headings = (doc.block(table).cells ?? []).map((c) => plainText(c).trim());
  const exact = headings.indexOf(heading);
  if (exact >= 0) return exact;
  const loose = headings.flatMap((h, i) => (h.toLowerCase() === heading.toLowerCase() ? [i] : []));
  if (loose.length === 1) return loose[0]!;
  const near = nearest(heading, headings);
  ctx.report(pos, `table ${doc.block(table).id} has no column '${heading}'${near ? `: did you mean '${near}'?` : ''} (columns: ${headings.map((h) => `'${h}'`).join(', ')})`, 'changelog-column');
  return null;
}

/** Rows of the table, as (index, key) in order. */
export function rowKeys(doc: DocIndex, table: number): { index: number; key: string }[] {
  return doc.rows(table).map((index) => ({ index, key: doc.block(index).key ?? '' }));
}
