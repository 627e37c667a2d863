// CriticMarkup for a run of spans — shared by the diff's Markdown output and the Annex A's Markdown rendering.

import type { Span, SpanOp } from '../redline/types.js';

/** Joins neighbouring spans of one kind, so a deletion split by item attribution still reads as one. */
function mergeSpans(spans: readonly Span[]): { op: SpanOp; text: string }[] {
  const out: { op: SpanOp; text: string }[] = [];
  for (const s of spans) {
    if (s.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.op === s.op) last.text += s.text;
    else out.push({ op: s.op, text: s.text });
  }
  return out;
}

/** `{--old--}`, `{++new++}`, and a deletion directly followed by an insertion as one `{~~old~>new~~}`. */
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
