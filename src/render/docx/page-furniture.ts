// Running header and footer shared by every DOCX the tool writes (Annex A, release redline, items table,
// impact matrix): what the document is on the left of the header, the classification and 'Page n of m' in
// the footer, as SEC documents carry them.

import { plainRun } from './runs.js';
import { escapeText } from './xml.js';

/** The children of w:hdr: `left` at the margin, `right` at the right tab. */
export function runningHeader(left: string, right: string): string {
  return `<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>${plainRun(left)}${plainRun('\t\t')}${plainRun(right)}</w:p>`;
}

function field(instr: string, placeholder: string): string {
  return (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
    `<w:r><w:instrText xml:space="preserve"> ${instr} </w:instrText></w:r>` +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
    `<w:r><w:t>${escapeText(placeholder)}</w:t></w:r>` +
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
  );
}

/** The children of w:ftr: the classification, then 'Page n of m' at the right tab. */
export function classificationFooter(classification: string): string {
  return (
    '<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>' +
    plainRun(`This document has a Classification of ${classification}`) +
    plainRun('\t\tPage ') +
    field('PAGE', '1') +
    plainRun(' of ') +
    field('NUMPAGES', '1') +
    '</w:p>'
  );
}
