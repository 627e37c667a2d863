// TextChanges built without a word diff: whole-text insertions and deletions, unchanged text, labels replaced
// whole, and joining per-part changes. Each satisfies the exactness invariant (invariant.ts) by construction.

import type { Span, TextChange } from './types.js';

export function unchangedText(text: string): TextChange {
  return { old: text, new: text, spans: text ? [{ op: 'equal', text }] : [] };
}

export function insertedText(text: string): TextChange {
  return { old: null, new: text, spans: text ? [{ op: 'insert', text }] : [] };
}

export function deletedText(text: string): TextChange {
  return { old: text, new: null, spans: text ? [{ op: 'delete', text }] : [] };
}

/** A clause number or sub-paragraph label is one token: it is replaced whole, never split. */
export function labelChange(oldLabel: string | null, newLabel: string | null): TextChange {
  if (oldLabel === null) return insertedText(newLabel ?? '');
  if (newLabel === null) return deletedText(oldLabel);
  if (oldLabel === newLabel) return unchangedText(oldLabel);
  const spans: Span[] = [];
  if (oldLabel) spans.push({ op: 'delete', text: oldLabel });
  if (newLabel) spans.push({ op: 'insert', text: newLabel });
  return { old: oldLabel, new: newLabel, spans };
}

/**
 * Joins per-part changes with a separator (table cells with ' | ', lines with '\n') into one change whose
 * old and new are the parts of each side joined. A separator is kept where both sides need it, deleted or
 * inserted where only one does, so a removed first column takes its following separator with it.
 */
export function joinChanges(parts: readonly TextChange[], separator: string): TextChange {
  const spans: Span[] = [];
  const push = (op: Span['op'], text: string): void => {
    if (!text) return;
    const last = spans[spans.length - 1];
    if (last && last.op === op) last.text += text;
    else spans.push({ op, text });
  };
  const oldParts: string[] = [];
  const newParts: string[] = [];
  for (const p of parts) {
    const needOld = p.old !== null && oldParts.length > 0;
    const needNew = p.new !== null && newParts.length > 0;
    if (needOld && needNew) push('equal', separator);
    else if (needOld) push('delete', separator);
    else if (needNew) push('insert', separator);
    for (const s of p.spans) push(s.op, s.text);
    if (p.old !== null) oldParts.push(p.old);
    if (p.new !== null) newParts.push(p.new);
  }
  const anyOld = parts.some((p) => p.old !== null);
  const anyNew = parts.some((p) => p.new !== null);
  return { old: anyOld ? oldParts.join(separator) : null, new: anyNew ? newParts.join(separator) : null, spans };
}
