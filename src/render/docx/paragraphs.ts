// Paragraph and table XML for the Annex A's clause text.
//
// Tracked mode follows what Word needs to accept and reject cleanly: a wholly inserted or deleted paragraph
// marks its paragraph mark too (w:pPr/w:rPr/w:ins|w:del), so accepting a deletion leaves no empty paragraph;
// an inserted or deleted table row carries w:trPr/w:ins|w:del and every run in it is marked as well.

import type { BlockStatus } from '../../redline/types.js';
import type { AnnexGapRow, AnnexRow, AnnexTable, AnnexTextBlock } from '../../annex/types.js';
import type { Align } from '../../model/types.js';
import { plainText } from '../inline-markdown.js';
import { literalRuns, richRuns, type RichRun } from '../rich-runs.js';
import { itemTag } from '../annex-legend.js';
import { runXml, type RunContext } from './runs.js';
import { escapeAttr } from './xml.js';
import { LEVEL_INDENT, NUMBER_COLUMN, TEXT_WIDTH } from './layout.js';

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
}

/** A w:p with its properties in schema order (pStyle, keepNext, pageBreakBefore, tabs, ind, jc, rPr). */
export function paragraph(o: ParaOptions, content: string, ctx: RunContext): string {
  let p = `<w:pStyle w:val="${escapeAttr(o.style)}"/>`;
  if (o.keepNext) p += '<w:keepNext/>';
  if (o.pageBreakBefore) p += '<w:pageBreakBefore/>';
  if (o.tabs && o.tabs.length > 0) p += `<w:tabs>${o.tabs.map((t) => `<w:tab w:val="left" w:pos="${t}"/>`).join('')}</w:tabs>`;
  if (o.spaceBefore !== undefined) p += `<w:spacing w:before="${o.spaceBefore}"/>`;
  if (o.ind) p += `<w:ind w:left="${o.ind.left}"${o.ind.hanging ? ` w:hanging="${o.ind.hanging}"` : ''}/>`;
  if (o.jc) p += `<w:jc w:val="${o.jc}"/>`;
  if (o.mark && ctx.mode === 'tracked') p += `<w:rPr><w:${o.mark}${ctx.rev.attrs()}/></w:rPr>`;
  return `<w:p><w:pPr>${p}</w:pPr>${content}</w:p>`;
}

function runsXml(runs: readonly RichRun[], ctx: RunContext): string {
  return runs.map((r) => runXml({ op: r.op, text: r.text, fmt: r.fmt }, ctx)).join('');
}

/** The op furniture inside a block takes so that accept/reject remove it with a wholly changed block. */
function wholeOp(status: BlockStatus): 'insert' | 'delete' | 'equal' {
  return status === 'inserted' ? 'insert' : status === 'deleted' ? 'delete' : 'equal';
}

function tagXml(items: readonly string[], status: BlockStatus, ctx: RunContext): string {
  const tag = itemTag(items);
  if (tag === '' || ctx.mode === 'clean') return '';
  return runXml({ op: wholeOp(status), text: ` ${tag}`, style: 'ItemTag', furniture: true }, ctx);
}

/** Label, a tab, then the text; the tab exists on a side only when that side has a label. */
function labelledContent(b: AnnexTextBlock, ctx: RunContext): string {
  const oldLabel = (b.label.old ?? '') !== '';
  const newLabel = (b.label.new ?? '') !== '';
  let out = runsXml(literalRuns(b.label), ctx);
  if (oldLabel || newLabel) out += runXml({ op: oldLabel && newLabel ? 'equal' : newLabel ? 'insert' : 'delete', text: '\t' }, ctx);
  out += runsXml(richRuns(b.text), ctx);
  return out + tagXml(b.items, b.status, ctx);
}

export function textBlockXml(b: AnnexTextBlock, ctx: RunContext, afterTable = false): string {
  if (ctx.mode === 'clean' && b.status === 'deleted') return '';
  const labelled = (b.label.old ?? '') !== '' || (b.label.new ?? '') !== '';
  const base = NUMBER_COLUMN + (b.kind === 'subpara' || b.kind === 'paragraph' ? LEVEL_INDENT * b.indent : 0);
  const hang = b.kind === 'subpara' ? LEVEL_INDENT : NUMBER_COLUMN;
  const o: ParaOptions = {
    style: b.kind === 'heading' ? 'ClauseHeading' : 'ClauseText',
    ind: labelled ? { left: base, hanging: hang } : { left: base },
  };
  if (labelled) o.tabs = [base];
  if (afterTable) o.spaceBefore = 120;
  if (b.status === 'inserted') o.mark = 'ins';
  if (b.status === 'deleted') o.mark = 'del';
  return paragraph(o, labelledContent(b, ctx), ctx);
}

// ---------------------------------------------------------------------------------------------------------
// Tables

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"';
const HEADER_FILL = 'DCE3EC';

/** What a cell shows: both sides when it changed (struck old text and underlined new text stand side by side). */
function shownText(c: { old: string | null; new: string | null }): string {
  if (c.old !== null && c.new !== null && c.old !== c.new) return `${plainText(c.old)} ${plainText(c.new)}`;
  return plainText(c.new ?? c.old ?? '');
}

/**
 * Column widths in twips: definitions 30/70; otherwise by the longest line a column shows (capped, so one long
 * description does not starve the rest), and never narrower than its longest word, which Word would otherwise
 * break mid-word ('Cod|e').
 */
export function columnWidths(t: AnnexTable, width: number): number[] {
  const n = t.columns;
  let weights: number[];
  if (t.definitions && n === 2) weights = [3, 7];
  else {
    weights = Array.from({ length: n }, () => 6);
    const rows = [t.header, ...t.rows.filter((r): r is AnnexRow => r.type === 'row')];
    for (const r of rows) {
      r.cells.forEach((c, i) => {
        const text = shownText(c);
        const longestLine = Math.max(0, ...text.split('\n').map((l) => l.length));
        const longestWord = Math.max(0, ...text.split(/\s+/).map((w) => w.length));
        weights[i] = Math.max(weights[i]!, Math.min(40, longestLine), longestWord + 3);
      });
    }
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((width * w) / sum));
  out[n - 1] = width - out.slice(0, -1).reduce((a, b) => a + b, 0);
  return out;
}

function jcOf(a: Align | undefined): ParaOptions['jc'] | undefined {
  return a === 'right' ? 'right' : a === 'center' ? 'center' : undefined;
}

function cellXml(content: string, width: number, opts: { style: string; jc?: ParaOptions['jc']; fill?: string; span?: number }, ctx: RunContext): string {
  let tcPr = `<w:tcW w:w="${width}" w:type="dxa"/>`;
  if (opts.span && opts.span > 1) tcPr += `<w:gridSpan w:val="${opts.span}"/>`;
  if (opts.fill) tcPr += `<w:shd w:val="clear" w:color="auto" w:fill="${opts.fill}"/>`;
  const po: ParaOptions = { style: opts.style };
  if (opts.jc) po.jc = opts.jc;
  return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${paragraph(po, content, ctx)}</w:tc>`;
}

function rowXml(r: AnnexRow, t: AnnexTable, widths: number[], header: boolean, ctx: RunContext): string {
  if (ctx.mode === 'clean' && r.status === 'deleted') return '';
  let trPr = '<w:cantSplit/>';
  if (header) trPr += '<w:tblHeader/>';
  if (ctx.mode === 'tracked' && r.status === 'inserted') trPr += `<w:ins${ctx.rev.attrs()}/>`;
  if (ctx.mode === 'tracked' && r.status === 'deleted') trPr += `<w:del${ctx.rev.attrs()}/>`;
  const cells = r.cells.map((c, i) => {
    let content = runsXml(richRuns(c), ctx);
    if (i === r.cells.length - 1) content += tagXml(r.items, r.status, ctx);
    const o: { style: string; jc?: ParaOptions['jc']; fill?: string } = { style: header ? 'TableHeading' : 'TableText' };
    const jc = jcOf(t.align[i]);
    if (jc) o.jc = jc;
    if (header) o.fill = HEADER_FILL;
    return cellXml(content, widths[i]!, o, ctx);
  });
  return `<w:tr><w:trPr>${trPr}</w:trPr>${cells.join('')}</w:tr>`;
}

function gapRowXml(_g: AnnexGapRow, t: AnnexTable, widths: number[], ctx: RunContext): string {
  const total = widths.reduce((a, b) => a + b, 0);
  const content = runXml({ op: 'equal', text: '…' }, ctx);
  return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cellXml(content, total, { style: 'TableText', jc: 'center', span: t.columns }, ctx)}</w:tr>`;
}

export function tableXml(t: AnnexTable, ctx: RunContext): string {
  if (ctx.mode === 'clean' && t.status === 'deleted') return '';
  const indent = NUMBER_COLUMN;
  const width = TEXT_WIDTH - indent;
  const widths = columnWidths(t, width);
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} ${BORDER}/>`).join('');
  const tblPr =
    `<w:tblPr><w:tblW w:w="${width}" w:type="dxa"/><w:tblInd w:w="${indent}" w:type="dxa"/>` +
    `<w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>' +
    '<w:tblLook w:val="04A0"/></w:tblPr>';
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const rows = [rowXml(t.header, t, widths, true, ctx), ...t.rows.map((r) => (r.type === 'row' ? rowXml(r, t, widths, false, ctx) : gapRowXml(r, t, widths, ctx)))];
  return `<w:tbl>${tblPr}${grid}${rows.join('')}</w:tbl>`;
}
