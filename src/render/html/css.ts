// The style sheet every HTML page of the tool shares (annex and review page): typography, the marks, the clause
// layout and a print style sheet. Marks never rely on colour alone (insertions underlined twice, deletions struck
// through) and their colours pass WCAG AA against white (blue 8.6:1, dark red 6.5:1, grey tags 7:1).
//
// Clause layout: the number and the text are two boxes side by side (flex), so a long number
// ('3.8.117.2') pushes the text along rather than running into it, and a space between the two elements keeps
// them apart for readers that take the text only (pandoc, LibreOffice, copy and paste). Tables start where the
// clause text starts (--text-indent).

export const BASE_CSS = `
:root { --num: 4em; --gap: 0.6em; --text-indent: calc(var(--num) + var(--gap)); --ins: #0000ff; --del: #c00000; --muted: #595959; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #000; background: #fff; }
h1 { font-size: 20pt; margin-bottom: 0.2em; } h2 { font-size: 14pt; border-bottom: 1px solid #000; margin-top: 2em; }
ins { text-decoration: underline double; text-decoration-skip-ink: none; color: var(--ins); }
del { text-decoration: line-through; color: var(--del); }
ins, del { text-decoration-thickness: 1px; }
.blk { display: flex; gap: var(--gap); margin: 0.4em 0; }
.blk > .num { flex: 0 0 auto; min-width: var(--num); }
.blk > .text { flex: 1 1 auto; min-width: 0; overflow-wrap: break-word; }
.blk.subpara { margin-left: calc(var(--text-indent) + (var(--level, 1) - 1) * 2.5em); }
.blk.subpara > .num { min-width: 2em; }
.blk.heading { font-weight: bold; }
.item { color: var(--muted); font-size: 8pt; white-space: nowrap; }
table.sec { border-collapse: collapse; margin: 0.5em 0 0.5em var(--text-indent); }
/* The smaller type on the cells, not the table, so the table's em (its indent) is the clause text's. */
table.sec th, table.sec td { font-size: 9pt; border: 1px solid #7f7f7f; padding: 0.2em 0.4em; vertical-align: top; overflow-wrap: break-word; }
table.sec th { background: #dce3ec; text-align: left; }
table.sec tr.gap td { text-align: center; }
.gap { margin-left: var(--text-indent); }
`;

/** For paper: no navigation, black text, marks that read in black and white (double underline, strike). */
export const PRINT_CSS = `
@media print {
  body { font-size: 10pt; max-width: none; margin: 0; padding: 0; }
  nav, .toolbar, .no-print { display: none !important; }
  ins, del, .item, a { color: #000 !important; }
  ins { text-decoration: underline double !important; }
  del { text-decoration: line-through !important; }
  h2, .instruction { break-after: avoid; }
  .blk, tr { break-inside: avoid; }
  table.sec th { background: none; }
}
`;
