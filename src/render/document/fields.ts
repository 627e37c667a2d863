// Word fields (begin / instruction / separate / result / end) for the whole-document renderer: PAGE and
// NUMPAGES in the footer, the TOC field and its PAGEREF entries. The result written between 'separate' and
// 'end' is what a reader sees before anything updates the field, so it must already be right or empty.

import { run, type Inline } from '../docx/records.js';

export function fieldBegin(instr: string, dirty = false): Inline[] {
  return [run([dirty ? { kind: 'fldChar', type: 'begin', dirty } : { kind: 'fldChar', type: 'begin' }]), run([{ kind: 'instrText', text: ` ${instr} ` }]), run([{ kind: 'fldChar', type: 'separate' }])];
}

export const FIELD_END: readonly Inline[] = [run([{ kind: 'fldChar', type: 'end' }])];

/** A complete field whose shown result is `result` (runs). */
export function field(instr: string, result: readonly Inline[], dirty = false): Inline[] {
  return [...fieldBegin(instr, dirty), ...result, ...FIELD_END];
}
