// An appendix, annex or schedule inside a document (Appendix N's own 'Appendix A Definitions'): a heading
// whose text starts with a name of its own starts a scope. Inside it numbering restarts (appendix style, no
// section letter) and IDs carry the scope's name: 'Appendix N Appendix A 1.2', 'Appendix N Appendix A[Term]'.
// A heading with no name of its own ('Annex to Section F4') starts nothing, nor does a name already used in the
// document. A scope lasts until the next scope heading or, in a Section, the next heading or clause numbered
// with the Section's letter (docs/format.md).

import type { DocRef } from './types.js';

const SCOPE_HEADING = /^(Appendix|Annex|Schedule) ([A-Z]{1,2}|\d{1,3})(?=$| |:|,)/;

/** Deepest heading level that can start a scope: an inner appendix is a major division ('#' or '##'). */
export const SCOPE_MAX_DEPTH = 2;

/**
 * 'Appendix A' for a heading 'Appendix A Definitions' of level 1 or 2; null when the heading names no scope (a
 * deeper heading is a cross-heading, whatever it says).
 */
export function scopeName(headingText: string, depth: number): string | null {
  if (depth > SCOPE_MAX_DEPTH) return null;
  const m = SCOPE_HEADING.exec(headingText);
  return m ? `${m[1]} ${m[2]}` : null;
}

/** How numbers are read inside a scope: appendix style, whatever the document's kind. */
export function scopeRef(doc: DocRef): DocRef {
  return doc.kind === 'section' ? { kind: 'appendix', code: doc.code } : doc;
}

/** Whether a label is numbered with the document's own section letter (which ends a scope in a Section). */
export function ownSectionNumber(doc: DocRef, label: string): boolean {
  return doc.kind === 'section' && label.startsWith(doc.code) && /^[A-Z]/.test(label);
}

/** The scope a block ID lies in ('Appendix N Appendix A[Term]' → 'Appendix A'), or '' for the document's own. */
export function scopeOfId(documentId: string, id: string): string {
  if (!id.startsWith(`${documentId} `)) return '';
  const m = /^((?:Appendix|Annex|Schedule) (?:[A-Z]{1,2}|\d{1,3}))(?=$| |\/|\[)/.exec(id.slice(documentId.length + 1));
  return m ? m[1]! : '';
}
