// Limbs inside a table cell: a definition whose meaning is "(a) …; and<br>(b) …" (a cell holds a list as
// items separated by '<br>', docs/format.md). Each limb is addressed after the row's ID, like a sub-paragraph
// after a clause's: 'A1.1[Term](a)', 'A1.1[Term](a)(i)', '…[Key]{Column}(a)'. Levels follow the labels: a
// label that continues an open level's sequence stays at that level, one that starts a sequence ((a), (i), (A),
// (I)) opens a deeper level — so '(i)' after '(h)' is the letter i.

import { LEVEL_STYLES, labelIndex, leadingLabel, styleForDepth, type LabelStyle } from './numbering.js';

export interface Limb {
  /** The label path: '(a)', '(a)(i)'. */
  path: string;
  /** The piece's text as written in the cell, its label included: '(a) the DCC; and'. */
  text: string;
  /** Offsets of the piece in the cell's text. */
  start: number;
  end: number;
}

const BREAK = /<br\s*\/?>/gi;

export function cellLimbs(cell: string): Limb[] {
  if (!cell.includes('(')) return [];
  const pieces: { text: string; start: number; end: number }[] = [];
  let from = 0;
  for (const m of cell.matchAll(BREAK)) {
    pieces.push({ text: cell.slice(from, m.index), start: from, end: m.index });
    from = m.index + m[0].length;
  }
  pieces.push({ text: cell.slice(from), start: from, end: cell.length });
  const out: Limb[] = [];
  const open: { style: LabelStyle; index: number; label: string }[] = [];
  for (const piece of pieces) {
    const lead = piece.text.length - piece.text.trimStart().length;
    const label = leadingLabel(piece.text.trimStart());
    if (!label) continue;
    let placed = false;
    for (let d = open.length - 1; d >= 0 && !placed; d--) {
      const level = open[d]!;
      if (labelIndex(level.style, label) === level.index + 1) {
        open.length = d + 1;
        open[d] = { style: level.style, index: level.index + 1, label };
        placed = true;
      }
    }
    if (!placed) {
      const preferred = styleForDepth(open.length + 1);
      const style = labelIndex(preferred, label) === 1 ? preferred : LEVEL_STYLES.find((s) => labelIndex(s, label) === 1 && !open.some((o) => o.style === s));
      if (!style) continue;
      open.push({ style, index: 1, label });
    }
    const start = piece.start + lead;
    out.push({ path: open.map((o) => o.label).join(''), text: cell.slice(start, piece.end).trimEnd(), start, end: start + cell.slice(start, piece.end).trimEnd().length });
  }
  return out;
}
