// Checks the exactness invariant of a Redline: rejecting every change gives the old text, accepting every
// change gives the new text, byte for byte. Used by tests and, cheaply, by producers before they hand a Redline
// to a renderer (a wrong redline in a legal annex is a defect, so we refuse rather than render one).

import type { Redline, Span, TextChange } from './types.js';

export function acceptSpans(spans: readonly Span[]): string {
  let out = '';
  for (const s of spans) if (s.op !== 'delete') out += s.text;
  return out;
}

export function rejectSpans(spans: readonly Span[]): string {
  let out = '';
  for (const s of spans) if (s.op !== 'insert') out += s.text;
  return out;
}

/** Returns a description of the first way `change` breaks the invariant, or null when it holds. */
export function textChangeError(change: TextChange): string | null {
  const oldText = change.old ?? '';
  const newText = change.new ?? '';
  const rejected = rejectSpans(change.spans);
  const accepted = acceptSpans(change.spans);
  if (rejected !== oldText) return `rejecting all changes gives ${JSON.stringify(rejected)}, expected ${JSON.stringify(oldText)}`;
  if (accepted !== newText) return `accepting all changes gives ${JSON.stringify(accepted)}, expected ${JSON.stringify(newText)}`;
  for (const s of change.spans) if (s.text === '') return 'empty span';
  return null;
}

/** Every invariant violation in a Redline, as 'document clause block: message'. */
export function redlineErrors(redline: Redline): string[] {
  const errors: string[] = [];
  for (const doc of redline.documents) {
    for (const clause of doc.clauses) {
      for (const block of clause.blocks) {
        const where = `${doc.file} ${block.id}`;
        const label = textChangeError(block.label);
        if (label) errors.push(`${where} label: ${label}`);
        const text = textChangeError(block.text);
        if (text) errors.push(`${where} text: ${text}`);
        block.cells?.forEach((cell, i) => {
          const e = textChangeError(cell);
          if (e) errors.push(`${where} cell ${i + 1}: ${e}`);
        });
      }
    }
  }
  return errors;
}
