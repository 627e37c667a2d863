// What an edit leans on besides the text it changes. An insertion "after 'Smart Meter ID'" changes nothing in
// those words, yet it cannot survive another modification replacing them; "insert after G3.5" cannot survive
// G3.5 being deleted. Overlapping ranges (src/changelog/overlap.ts) cannot see either, so the release looks at
// anchors separately. Phrase anchors are found again with the change log's own matcher, so they are exactly
// the places the planner used.

import type { DocIndex } from '../changelog/doc-index.js';
import type { VisibleCache } from '../changelog/match.js';
import { PlanContext } from '../changelog/plan-types.js';
import { locateOnce, resolveScopes } from '../changelog/edits/common.js';
import type { ReleaseOp } from './plan.js';

export type Anchor =
  /** A phrase the edit is placed against: source range [start, end) of one field. */
  | { type: 'text'; doc: string; block: number; field: number; start: number; end: number; phrase: string }
  /** A block the edit is placed after or before. */
  | { type: 'block'; doc: string; block: number };

export function anchorsOf(rop: ReleaseOp, indexes: ReadonlyMap<string, DocIndex>, cache: VisibleCache): Anchor[] {
  const { op, mod, edit } = rop;
  if (op.type === 'insert') return op.anchor >= 0 ? [{ type: 'block', doc: op.doc, block: op.anchor }] : [];
  if (edit.kind === 'insert-text' && op.type === 'text' && (edit.before !== null || edit.after !== null)) {
    const phrase = (edit.before ?? edit.after)!;
    const field = edit.before !== null ? 'before' : 'after';
    const ctx = new PlanContext(mod.log.file, indexes, cache, 'anchor');
    const pos = edit.fieldPos['in'] ?? edit.pos;
    const scopes = resolveScopes(ctx, [ctx.parse(edit.in)], pos);
    if (!scopes) return [];
    const place = locateOnce(ctx, scopes, phrase, edit, edit.occurrence, edit.fieldPos[field] ?? edit.pos, field);
    if (!place) return [];
    return [{ type: 'text', doc: place.doc.id, block: place.block, field: place.field, start: place.start, end: place.end, phrase }];
  }
  return [];
}
