// SEC drafting conventions the model recognises, shared by check, apply and the Annex A so that all three
// agree on what counts as 'Not used' and as a definitions table.

import { plainText } from './plain-text.js';

/** The canonical text of a deleted clause: the number stays and the text reads exactly this. */
export const NOT_USED = 'Not used';

// Every spelling of 'Not used' the SEC has: [Not used], Not Used, Not used., (Not used), Intentionally blank.
const NOT_USED_ANY = /^[[(]?\s*(?:not\s+used|intentionally\s+(?:left\s+)?blank)\s*[.;]?\s*[\])]?\s*[.;]?$/i;

/** Whether a block's text (inline Markdown) says 'Not used', in any accepted spelling. */
export function isNotUsed(text: string): boolean {
  const t = text.trim();
  // Cheap test first: plainText may run a Markdown parser, too slow for every block of a large document.
  if (t === NOT_USED) return true;
  if (t.length > 40 || !/used|blank/i.test(t)) return false;
  return NOT_USED_ANY.test(plainText(t).trim());
}

const TERM_HEADINGS = new Set(['expression', 'term', 'defined term', 'defined expression']);

/**
 * Whether a table is a definitions table (Section A1.1, Section G12, an appendix's own): its first column
 * heading names the defined expression. Its rows are definitions keyed by term.
 */
export function isDefinitionsHeader(cells: readonly string[]): boolean {
  const first = cells[0];
  return first !== undefined && TERM_HEADINGS.has(plainText(first).trim().replace(/\s+/g, ' ').toLowerCase());
}
