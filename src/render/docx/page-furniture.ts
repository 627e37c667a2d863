// Running header and footer shared by every DOCX the tool writes (Annex A, release redline, items table,
// impact matrix): what the document is on the left of the header, the classification and 'Page n of m' in
// the footer, as SEC documents carry them.

import { plainRuns } from './runs.js';
import { paragraph, run, type Inline, type Paragraph } from './records.js';

/** The paragraphs of w:hdr: `left` at the margin, `right` at the right tab. */
export function runningHeader(left: string, right: string): Paragraph[] {
  return [paragraph({ style: 'Header' }, [...plainRuns(left), ...plainRuns('\t\t'), ...plainRuns(right)])];
}

/** A field whose result reads `placeholder` until the reader updates it. */
function field(instr: string, placeholder: string): Inline[] {
  return [
    run([{ kind: 'fldChar', type: 'begin' }]),
    run([{ kind: 'instrText', text: ` ${instr} ` }]),
    run([{ kind: 'fldChar', type: 'separate' }]),
    run([{ kind: 'text', text: placeholder, preserve: false }]),
    run([{ kind: 'fldChar', type: 'end' }]),
  ];
}

/** The paragraphs of w:ftr: the classification, then 'Page n of m' at the right tab. */
export function classificationFooter(classification: string): Paragraph[] {
  return [
    paragraph({ style: 'Footer' }, [
      ...plainRuns(`This document has a Classification of ${classification}`),
      ...plainRuns('\t\tPage '),
      ...field('PAGE', '1'),
      ...plainRuns(' of '),
      ...field('NUMPAGES', '1'),
    ]),
  ];
}
