// What an edit leans on besides the text it changes. An insertion "after 'Smart Meter ID'" changes nothing in
// those words, yet it cannot survive another modification replacing them; "insert after G3.5" cannot survive
// G3.5 being deleted. Overlapping ranges (findConflicts) cannot see either, so the release looks at anchors
// separately. A phrase anchor is the place the planner matched, recorded on the operation (TextOp.phrase).

import type { ReleaseOp } from './plan.js';

export type Anchor =
  /** A phrase the edit is placed against: source range [start, end) of one field. */
  | { type: 'text'; doc: string; block: number; field: number; start: number; end: number; phrase: string }
  /** A block the edit is placed after or before. */
  | { type: 'block'; doc: string; block: number };

export function anchorsOf(rop: ReleaseOp): Anchor[] {
  const { op } = rop;
  if (op.type === 'insert') return op.anchor >= 0 ? [{ type: 'block', doc: op.doc, block: op.anchor }] : [];
  if (op.type === 'text' && op.phrase) {
    return [{ type: 'text', doc: op.doc, block: op.block, field: op.field, start: op.phrase.start, end: op.phrase.end, phrase: op.phrase.text }];
  }
  return [];
}
