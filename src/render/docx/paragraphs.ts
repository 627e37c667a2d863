// Paragraph and table records for the Annex A's clause text (written by records.ts).
//
// Tracked mode follows what Word needs to accept and reject cleanly: a wholly inserted or deleted paragraph
// marks its paragraph mark too (w:pPr/w:rPr/w:ins|w:del), so accepting a deletion leaves no empty paragraph;
// an inserted or deleted table row carries w:trPr/w:ins|w:del and every run in it is marked as well.

import type { BlockStatus, TextChange } from '../../redline/types.js';
import type { AnnexGapRow, AnnexRow, AnnexTable, AnnexTextBlock } from '../../annex/types.js';
import type { Align } from '../../model/types.js';
import { literalRuns, richRuns, type RichRun } from '../rich-runs.js';
import { anchorMarks } from './comments.js';
import { textRuns, type RunContext } from './runs.js';
import { paragraph as paragraphRecord, type Cell, type Inline, type Paragraph, type ParagraphProps, type Row, type Table } from './records.js';
import { LEVEL_INDENT, NUMBER_COLUMN, SUBPARA_STYLES, TEXT_WIDTH } from './layout.js';

export interface ParaOptions {
  style: string;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  tabs?: number[];
  /** Space before in twips (a paragraph right under a table needs some; styles give none). */
  spaceBefore?: number;
  ind?: { left: number; hanging?: number };
  jc?: 'left' | 'center' | 'right' | 'both';
  /** Revision on the paragraph mark (tracked mode only). */
  mark?: 'ins' | 'del';
  /** The items behind the mark's revision (its author in a release). */
  markItems?: readonly string[];
}

/** A w:p: the options as paragraph properties; the mark's revision only in tracked mode. */
export function paragraph(o: ParaOptions, content: readonly Inline[], ctx: RunContext): Paragraph {
  const p: ParagraphProps = { style: o.style };
  if (o.keepNext) p.keepNext = true;
  if (o.pageBreakBefore) p.pageBreakBefore = true;
  if (o.tabs) p.tabs = o.tabs.map((pos) => ({ val: 'left', pos }));
  if (o.spaceBefore !== undefined) p.spacing = { before: o.spaceBefore };
  if (o.ind) p.ind = o.ind;
  if (o.jc) p.jc = o.jc;
  if (o.mark && ctx.mode === 'tracked') p.mark = ctx.rev.revision(o.mark, o.markItems);
  return paragraphRecord(p, content);
}

function spanRuns(runs: readonly RichRun[], ctx: RunContext): Inline[] {
  return runs.flatMap((r) => textRuns({ op: r.op, text: r.text, fmt: r.fmt, items: r.items }, ctx));
}

/** The op furniture inside a block takes so that accept/reject remove it with a wholly changed block. */
export function wholeOp(status: BlockStatus): 'insert' | 'delete' | 'equal' {
  return status === 'inserted' ? 'insert' : status === 'deleted' ? 'delete' : 'equal';
}

/** Label, a tab, then the text; the tab exists on a side only when that side has a label. */
function labelledContent(b: AnnexTextBlock, ctx: RunContext): Inline[] {
  const oldLabel = (b.label.old ?? '') !== '';
  const newLabel = (b.label.new ?? '') !== '';
  const out = spanRuns(literalRuns(b.label), ctx);
  // The tab is never underlined or struck in visual mode (furniture), but is a revision in tracked mode.
  if (oldLabel || newLabel) out.push(...textRuns({ op: oldLabel && newLabel ? 'equal' : newLabel ? 'insert' : 'delete', text: '\t', furniture: true, items: b.items }, ctx));
  out.push(...spanRuns(richRuns(b.text), ctx));
  return out;
}

/**
 * A word too long to break (an XML name, a long code; in visual mode a struck name glued to its replacement,
 * 'sr:FirmwareVersionUpdatesr:FirmwareVersionActivated') next to justified text stretches the line's spaces:
 * such paragraphs are set ragged right instead.
 */
const LONG_WORD = 28;
function hasLongWord(b: AnnexTextBlock): boolean {
  const shown = richRuns(b.text).map((r) => r.text).join('');
  return shown.split(/\s+/).some((w) => w.length >= LONG_WORD);
}

/** Paragraph style of a clause block: labelled clause, sub-paragraph level, unlabelled paragraph or heading. */
export function clauseStyle(b: AnnexTextBlock, labelled: boolean): string {
  if (b.kind === 'heading') return labelled ? 'ClauseHeading' : 'ClauseHeadingPlain';
  if (b.kind === 'subpara') return `SubPara${Math.min(Math.max(1, b.indent), SUBPARA_STYLES)}`;
  return labelled ? 'ClauseText' : 'ClausePara';
}

export interface TextBlockOptions {
  /** The paragraph follows a table (it needs space before). */
  afterTable?: boolean;
  /** The paragraph mark's revision, when it differs from the block's own (Word's pattern before a table). */
  mark?: 'ins' | 'del' | null;
  markItems?: readonly string[];
}

export function textBlock(b: AnnexTextBlock, ctx: RunContext, opts: TextBlockOptions = {}): Paragraph[] {
  if (ctx.mode === 'clean' && b.status === 'deleted') return [];
  const labelled = (b.label.old ?? '') !== '' || (b.label.new ?? '') !== '';
  const o: ParaOptions = { style: clauseStyle(b, labelled) };
  if (b.kind === 'subpara' && b.indent > SUBPARA_STYLES) {
    // Deeper than the styles go: the indent is set on the paragraph.
    const base = NUMBER_COLUMN + LEVEL_INDENT * b.indent;
    o.ind = { left: base, hanging: LEVEL_INDENT };
    o.tabs = [base];
  }
  if (b.kind === 'paragraph' && b.indent > 0) {
    // A continuation paragraph of a sub-paragraph: at its text's indent, unlabelled.
    o.ind = { left: NUMBER_COLUMN + LEVEL_INDENT * b.indent };
  }
  if (opts.afterTable) o.spaceBefore = 120;
  if (b.kind !== 'heading' && hasLongWord(b)) o.jc = 'left';
  const own = b.status === 'inserted' ? 'ins' : b.status === 'deleted' ? 'del' : undefined;
  const mark = opts.mark === undefined ? own : opts.mark ?? undefined;
  if (mark) {
    o.mark = mark;
    o.markItems = opts.markItems ?? b.items;
  }
  const anchors = anchorMarks(b.anchor, ctx, wholeOp(b.status), b.items);
  const content = [...anchors.start, ...labelledContent(b, ctx), ...anchors.end];
  return [paragraph(o, content, ctx)];
}

// ---------------------------------------------------------------------------------------------------------
// Tables

/** The table look every DOCX table of the tool shares: thin grey borders, fixed layout, 85-twip cell margins. */
export const TABLE_BORDER = { val: 'single', sz: 4, space: 0, color: '7F7F7F' } as const;
export const TABLE_CELL_MARGIN = { left: 85, right: 85 } as const;
export const TABLE_LOOK = '04A0';
const HEADER_FILL = 'DCE3EC';

/** What a cell shows in visual mode: every run, struck and underlined side by side ('sr:Mask2627'). */
function shownText(c: TextChange, runsOf: RunsOf): string {
  return runsOf(c).map((r) => r.text).join('');
}

/** How a table gets a cell's runs: richRuns, or the same remembered per cell (annexTable). */
type RunsOf = (c: TextChange) => RichRun[];

/** Twips per character of 9 pt Arial, generous (capitals and bold), and the cell's own margins. */
const CHAR = 115;
const CELL_MARGIN = 170 + 60;

/**
 * Column widths in twips. Each column first gets room for its longest word (an identifier such as
 * 'LowerBandSubGHzChannels0To26' cannot break, and Word would split it mid-word), then the rest of the width
 * goes to the columns by how much more their longest line wants (capped, so one long description does not
 * starve the others); definitions tables lean 30/70. Only when the longest words alone do not fit are they
 * scaled down together.
 */
export function columnWidths(t: AnnexTable, width: number, runsOf: RunsOf = richRuns): number[] {
  const n = t.columns;
  const minimum = Array.from({ length: n }, () => 4 * CHAR + CELL_MARGIN);
  const wanted = Array.from({ length: n }, () => 6 * CHAR + CELL_MARGIN);
  const rows = [t.header, ...t.rows.filter((r): r is AnnexRow => r.type === 'row')];
  for (const r of rows) {
    r.cells.forEach((c, i) => {
      const text = shownText(c, runsOf);
      const bold = r === t.header ? 1.1 : 1;
      const longestLine = Math.max(0, ...text.split('\n').map((l) => l.length));
      const longestWord = Math.max(0, ...text.split(/\s+/).map((w) => w.length));
      minimum[i] = Math.max(minimum[i]!, Math.ceil(longestWord * CHAR * bold) + CELL_MARGIN);
      wanted[i] = Math.max(wanted[i]!, Math.min(40, longestLine) * CHAR + CELL_MARGIN);
    });
  }
  if (t.definitions && n === 2) {
    wanted[0] = Math.max(minimum[0]!, Math.round(width * 0.3));
    wanted[1] = Math.max(minimum[1]!, width - wanted[0]!);
  }
  // A short column ('Page 28', '0 to 26') gets its whole line first when that leaves room for the others.
  const SHORT = 12 * CHAR + CELL_MARGIN;
  const short = minimum.map((m, i) => (wanted[i]! <= SHORT ? Math.max(m, wanted[i]!) : m));
  if (short.reduce((a, b) => a + b, 0) < width) short.forEach((s, i) => (minimum[i] = s));
  const need = minimum.reduce((a, b) => a + b, 0);
  let out: number[];
  if (need >= width) out = minimum.map((m) => Math.floor((width * m) / need));
  else {
    const extra = wanted.map((w, i) => Math.max(0, w - minimum[i]!));
    const extraSum = extra.reduce((a, b) => a + b, 0);
    const spare = width - need;
    out = minimum.map((m, i) => m + (extraSum === 0 ? Math.floor(spare / n) : Math.floor((spare * extra[i]!) / extraSum)));
  }
  out[n - 1] = width - out.slice(0, -1).reduce((a, b) => a + b, 0);
  return out;
}

function jcOf(a: Align | undefined): ParaOptions['jc'] | undefined {
  return a === 'right' ? 'right' : a === 'center' ? 'center' : undefined;
}

type CellOptions = { style: string; jc?: ParaOptions['jc']; fill?: string; span?: number; keepNext?: boolean; mark?: 'ins' | 'del'; markItems?: readonly string[] };

function cell(content: readonly Inline[], width: number, opts: CellOptions, ctx: RunContext): Cell {
  const po: ParaOptions = { style: opts.style };
  if (opts.keepNext) po.keepNext = true;
  if (opts.jc) po.jc = opts.jc;
  if (opts.mark) {
    po.mark = opts.mark;
    po.markItems = opts.markItems ?? [];
  }
  const c: { -readonly [K in keyof Cell]: Cell[K] } = { width, children: [paragraph(po, content, ctx)] };
  if (opts.span) c.span = opts.span;
  if (opts.fill) c.fill = opts.fill;
  return c;
}

/**
 * One row. A wholly inserted or deleted row marks the row (w:trPr), every run and every cell's paragraph
 * mark, as Word's own comparison does. `keepNext` holds the row on the page of the row after it (a header
 * or an ellipsis row is never left alone at the foot of a page).
 */
function row(r: AnnexRow, t: AnnexTable, widths: number[], header: boolean, ctx: RunContext, keepNext: boolean, runsOf: RunsOf): Row[] {
  if (ctx.mode === 'clean' && r.status === 'deleted') return [];
  const mark = r.status === 'inserted' ? 'ins' : r.status === 'deleted' ? 'del' : undefined;
  const revision = ctx.mode === 'tracked' && mark ? ctx.rev.revision(mark, r.items) : undefined;
  const anchors = anchorMarks(r.anchor, ctx, wholeOp(r.status), r.items);
  const cells = r.cells.map((c, i) => {
    let content = spanRuns(runsOf(c), ctx);
    if (i === 0) content = [...anchors.start, ...content];
    if (i === r.cells.length - 1) content = [...content, ...anchors.end];
    const o: CellOptions = { style: header ? 'TableHeading' : 'TableText' };
    const jc = jcOf(t.align[i]);
    if (jc) o.jc = jc;
    if (header) o.fill = HEADER_FILL;
    if (keepNext) o.keepNext = true;
    if (mark) {
      o.mark = mark;
      o.markItems = r.items;
    }
    return cell(content, widths[i]!, o, ctx);
  });
  return [{ type: 'row', cantSplit: true, header, ...(revision ? { revision } : {}), cells }];
}

function gapRow(_g: AnnexGapRow, t: AnnexTable, widths: number[], ctx: RunContext, keepNext: boolean): Row[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const content = textRuns({ op: 'equal', text: '…' }, ctx);
  const o: CellOptions = { style: 'TableText', jc: 'center', span: t.columns };
  if (keepNext) o.keepNext = true;
  return [{ type: 'row', cantSplit: true, cells: [cell(content, total, o, ctx)] }];
}

export function annexTable(t: AnnexTable, ctx: RunContext): Table[] {
  if (ctx.mode === 'clean' && t.status === 'deleted') return [];
  const indent = NUMBER_COLUMN;
  const width = TEXT_WIDTH - indent;
  // Each cell's runs are made once, for its width and for its row: a whole document's tables (every '<br>'
  // list, every definitions key) were lexed twice before.
  const runs = new Map<TextChange, RichRun[]>();
  const runsOf: RunsOf = (c) => runs.get(c) ?? runs.set(c, richRuns(c)).get(c)!;
  const widths = columnWidths(t, width, runsOf);
  // The header, an ellipsis row and the row before an ellipsis stay with the row that follows them.
  const keep = (i: number): boolean => {
    const r = t.rows[i];
    const next = t.rows[i + 1];
    return next !== undefined && (r?.type === 'gap-row' || next.type === 'gap-row');
  };
  const rows = [
    ...row(t.header, t, widths, true, ctx, t.rows.length > 0, runsOf),
    ...t.rows.flatMap((r, i) => (r.type === 'row' ? row(r, t, widths, false, ctx, keep(i), runsOf) : gapRow(r, t, widths, ctx, keep(i)))),
  ];
  return [{ type: 'table', props: { width, indent, border: TABLE_BORDER, cellMargin: TABLE_CELL_MARGIN, look: TABLE_LOOK }, grid: widths, rows }];
}


