// Word fields (begin / instruction / separate / result / end) for the whole-document renderer: PAGE and
// NUMPAGES in the footer, the TOC field and its PAGEREF entries. The result written between 'separate' and
// 'end' is what a reader sees before anything updates the field, so it must already be right or empty.

import { escapeText } from '../docx/xml.js';

export function fieldBegin(instr: string, dirty = false): string {
  return (
    `<w:r><w:fldChar w:fldCharType="begin"${dirty ? ' w:dirty="true"' : ''}/></w:r>` +
    `<w:r><w:instrText xml:space="preserve"> ${escapeText(instr)} </w:instrText></w:r>` +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
  );
}

export const FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

/** A complete field whose shown result is `result` (plain runs XML). */
export function field(instr: string, result: string, dirty = false): string {
  return `${fieldBegin(instr, dirty)}${result}${FIELD_END}`;
}
