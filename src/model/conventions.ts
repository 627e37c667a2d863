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

/**
 * A 'Not used' range: a clause 'G3.17 to G3.20 Not used' (any 'Not used' spelling) retires every number from
 * its own to the one it names. Returns the text after the range ('Not used') and every number in the range
 * ('G3.17', 'G3.18', 'G3.19', 'G3.20'), or null when the clause is not a range. The numbers share their parent
 * and differ only in their last component, which must go up.
 */
export function notUsedRange(label: string, text: string): { numbers: string[]; status: string } | null {
  if (!text.startsWith('to ')) return null;
  const m = /^to ([A-Z]?\d+(?:\.\d+)*) (.+)$/.exec(text);
  if (!m || !isNotUsed(m[2]!)) return null;
  const first = /^(.*?)(\d+)$/.exec(label);
  const endDigits = /(\d+)$/.exec(m[1]!);
  if (!first || !endDigits) return null;
  const stem = first[1]!;
  // The end is written in full ('G3.20'), or in a Section without its letter ('3.20').
  if (m[1] !== `${stem}${endDigits[1]}` && m[1] !== `${stem.replace(/^[A-Z]/, '')}${endDigits[1]}`) return null;
  const from = Number(first[2]);
  const to = Number(endDigits[1]);
  if (!(to > from) || to - from > 500) return null;
  const numbers: string[] = [];
  for (let n = from; n <= to; n++) numbers.push(`${stem}${n}`);
  return { numbers, status: m[2]! };
}
