// CriticMarkup for a run of spans — shared by the diff's Markdown output and the Annex A's Markdown rendering.

import type { Span, SpanOp } from '../redline/types.js';
import { escapeCritic } from './critic-escape.js';

/** Joins neighbouring spans of one kind, so a deletion split by item attribution still reads as one. */
function mergeSpans(spans: readonly Span[]): { op: SpanOp; text: string }[] {
  const out: { op: SpanOp; text: string }[] = [];
  for (const s of spans) {
    if (s.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.op === s.op) last.text += s.text;
    else out.push({ op: s.op, text: s.text });
  }
  // Text that would read as a CriticMarkup delimiter is escaped (critic-escape.ts), following code spans on
  // each side (an insertion continues the new text, a deletion the old).
  let oldCode = false;
  let newCode = false;
  for (const s of out) {
    const r = escapeCritic(s.text, s.op === 'insert' ? newCode : oldCode);
    s.text = r.text;
    if (s.op !== 'insert') oldCode = r.inCode;
    if (s.op !== 'delete') newCode = r.inCode;
  }
  return out;
}

/**
 * `{--old--}`, `{++new++}`, and a deletion directly followed by an insertion as one `{~~old~>new~~}`. Text
 * that itself contains CriticMarkup delimiters is escaped so a processor reads it back literally.
 */
export function criticMarkup(spans: readonly Span[]): string {
  const merged = mergeSpans(spans);
  let out = '';
  for (let i = 0; i < merged.length; i++) {
    const s = merged[i]!;
    const next = merged[i + 1];
    if (s.op === 'equal') out += s.text;
    else if (s.op === 'delete' && next?.op === 'insert') {
      out += `{~~${s.text}~>${next.text}~~}`;
      i++;
    } else if (s.op === 'delete') out += `{--${s.text}--}`;
    else out += `{++${s.text}++}`;
  }
  return out;
}
