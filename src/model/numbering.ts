// Clause numbers and sub-paragraph labels: recognising them at the start of a line, and comparing them.

import type { DocRef } from './types.js';

const SEGMENT = String.raw`\d+[A-Z]*`;

/**
 * The number at the start of a heading's text or a paragraph, or null. Section numbers carry the section's
 * letter ('G3.5A'); appendix and schedule numbers do not ('3.8.17.1'). A numbered paragraph needs at least two
 * components ('G3.5', '1.3'); a heading may carry a part number alone ('G3', '2').
 */
const numberPatterns = new Map<string, RegExp>();

export function leadingNumber(ref: DocRef, text: string, inHeading: boolean): string | null {
  const prefix = ref.kind === 'section' ? ref.code : '';
  const key = `${prefix}|${inHeading}`;
  let re = numberPatterns.get(key);
  if (!re) {
    re = new RegExp(`^(${prefix}${SEGMENT}(?:\\.${SEGMENT})${inHeading ? '*' : '+'})(?= |$)`);
    numberPatterns.set(key, re);
  }
  const m = re.exec(text);
  return m ? m[1]! : null;
}

/** The label of a sub-paragraph at the start of a list item's text: '(a)', '(iv)', '(B)'. */
export function leadingLabel(text: string): string | null {
  const m = /^(\([A-Za-z0-9]{1,8}\))(?= |$)/.exec(text);
  return m ? m[1]! : null;
}

export type LabelStyle = 'lower-alpha' | 'lower-roman' | 'upper-alpha' | 'upper-roman';

/** SEC nesting: (a) → (i) → (A) → (I). */
export const LEVEL_STYLES: readonly LabelStyle[] = ['lower-alpha', 'lower-roman', 'upper-alpha', 'upper-roman'];

const ROMAN: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

export function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) { out += s; n -= v; }
  return out;
}

/** a, b, … z, aa, ab … (spreadsheet style, which is how long SEC lists continue). */
export function toAlpha(n: number): string {
  let out = '';
  while (n > 0) { n -= 1; out = String.fromCharCode(97 + (n % 26)) + out; n = Math.floor(n / 26); }
  return out;
}

/** The n-th label (1-based) in a style: labelAt('lower-roman', 4) === '(iv)'. */
export function labelAt(style: LabelStyle, n: number): string {
  const body = style.endsWith('roman') ? toRoman(n) : toAlpha(n);
  return `(${style.startsWith('upper') ? body.toUpperCase() : body})`;
}

/** The 1-based position of a label in a style, or null when the label is not of that style. */
export function labelIndex(style: LabelStyle, label: string): number | null {
  const m = /^\(([A-Za-z]+)\)$/.exec(label);
  if (!m) return null;
  const body = m[1]!;
  const upper = style.startsWith('upper');
  if (upper ? body !== body.toUpperCase() : body !== body.toLowerCase()) return null;
  const lower = body.toLowerCase();
  return (style.endsWith('roman') ? labelIndexes().roman : labelIndexes().alpha).get(lower) ?? null;
}

// Labels to positions, roman up to 60 and letters up to 'zz' (702): one lookup per label instead of a search
// that writes up to 702 labels (check reads every sub-paragraph label of the Code).
let indexes: { roman: Map<string, number>; alpha: Map<string, number> } | null = null;
function labelIndexes(): { roman: Map<string, number>; alpha: Map<string, number> } {
  if (!indexes) {
    const roman = new Map<string, number>();
    const alpha = new Map<string, number>();
    for (let n = 60; n >= 1; n--) roman.set(toRoman(n), n); // lowest n last, so it wins (the old search's answer)
    for (let n = 702; n >= 1; n--) alpha.set(toAlpha(n), n);
    indexes = { roman, alpha };
  }
  return indexes;
}

/** Style of a level (1-based depth), cycling after four levels. */
export function styleForDepth(depth: number): LabelStyle {
  return LEVEL_STYLES[(depth - 1) % LEVEL_STYLES.length]!;
}

/** The label that follows `label` at `depth` ('(g)' → '(h)'), or null when `label` is not of that level's style. */
export function nextLabel(label: string, depth: number): string | null {
  const style = styleForDepth(depth);
  const i = labelIndex(style, label);
  return i === null ? null : labelAt(style, i + 1);
}

/** Splits a clause number into segments: 'G3.5A' → [{n:3,s:''},{n:5,s:'A'}] (section letter dropped). */
export function numberSegments(ref: DocRef, number: string): { n: number; suffix: string }[] {
  const body = ref.kind === 'section' ? number.slice(ref.code.length) : number;
  // Read character by character (digits, then capitals, nothing else): check splits every number of the Code.
  return body.split('.').map((seg) => {
    let digits = 0;
    while (digits < seg.length && seg.charCodeAt(digits) >= 48 && seg.charCodeAt(digits) <= 57) digits++;
    let end = digits;
    while (end < seg.length && seg.charCodeAt(end) >= 65 && seg.charCodeAt(end) <= 90) end++;
    const ok = digits > 0 && end === seg.length;
    return { n: ok ? Number(seg.slice(0, digits)) : NaN, suffix: ok ? seg.slice(digits) : seg };
  });
}

/** Next inserted-clause number after `number` under SEC convention: G3.5 → G3.5A, G3.5A → G3.5B. */
export function nextInsertedNumber(number: string): string {
  const m = /^(.*?)([A-Z]*)$/.exec(number)!;
  const stem = m[1]!;
  const suffix = m[2]!;
  // Section numbers start with the letter; only a suffix after the last digit counts.
  if (!/\d$/.test(stem)) return `${number}A`;
  if (suffix === '') return `${stem}A`;
  const last = suffix.charCodeAt(suffix.length - 1);
  if (last < 90) return stem + suffix.slice(0, -1) + String.fromCharCode(last + 1);
  return `${stem}${suffix}A`;
}
