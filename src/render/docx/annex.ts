// AnnexDocument → DOCX. The title block, about text, legend, part headings, instructions and ellipses are
// plain furniture in every mode; only the clause text carries changes (formatting in visual mode, revisions in
// tracked mode). So in tracked mode accept-all gives the amended clauses plus the furniture and reject-all the
// current clauses plus the same furniture.

import type { AnnexDocument, AnnexInstruction, AnnexPart, AnnexTable, AnnexTextBlock } from '../../annex/types.js';
import { UsageError } from '../../util/errors.js';
import { legendLines, sentenceCase } from '../annex-legend.js';
import { docxPackage, isIsoUtc } from './package.js';
import { annexTable, paragraph, textBlock, type TextBlockOptions } from './paragraphs.js';
import { plainRuns, Revisions, textRuns, type DocxMode, type RunContext } from './runs.js';
import { pushAll } from '../../util/arrays.js';
import { anchorMarks, commentsPart } from './comments.js';
import type { Block, Paragraph } from './records.js';
import { classificationFooter, runningHeader } from './page-furniture.js';

export interface AnnexDocxOptions {
  mode?: DocxMode;
  /** The author of revisions and of the file: a role, never a person. Default 'SECAS'. */
  author?: string;
  /** ISO 8601 UTC ('2024-05-22T00:00:00Z'): revision dates and document properties; null for none (undated). */
  date: string | null;
}

function para(style: string, text: string, ctx: RunContext, extra: { keepNext?: boolean; pageBreakBefore?: boolean } = {}): Paragraph {
  return paragraph({ style, ...extra }, plainRuns(text), ctx);
}

function frontMatter(annex: AnnexDocument, ctx: RunContext): Paragraph[] {
  const t = annex.title;
  const out = [para('Title', t.heading, ctx), para('Subtitle', t.annex, ctx), para('Subtitle', t.subtitle, ctx)];
  if (t.version) out.push(para('TitleMeta', t.version, ctx));
  if (t.date) out.push(para('TitleMeta', t.date, ctx));
  if (t.release) out.push(para('TitleMeta', t.release, ctx));
  out.push(para('TitleMeta', `Prepared by ${t.drafter}`, ctx));
  // Heading 1 like the parts: the navigation pane shows one level, in order.
  out.push(para('Heading1', 'About this document', ctx));
  for (const p of annex.about) out.push(para('AboutText', p, ctx));
  for (const b of annex.basis) out.push(para('BasisItem', `${b.document}: ${b.version}`, ctx));
  out.push(para('Heading1', 'How changes are shown', ctx));
  // The example is the annex's own first note ('Item 1', or a release's 'MP250 item 1'): one convention throughout.
  for (const line of legendLines(ctx.mode, annex.hasItems, 'comment', annex.notes[0]?.label ?? 'Item 3')) {
    // Legend samples look like changes in visual mode but are never revisions.
    const sampleCtx: RunContext = { mode: ctx.mode === 'visual' ? 'visual' : 'clean', rev: ctx.rev };
    const content = line.flatMap((part) => (part.sample ? textRuns({ op: part.sample, text: part.text }, sampleCtx) : plainRuns(part.text)));
    out.push(paragraph({ style: 'Legend' }, content, ctx));
  }
  return out;
}

/** A body element, rendered once every paragraph mark is settled (see settleMarks); para null is an empty clause paragraph. */
type Element =
  | { kind: 'p'; para: Paragraph | null }
  | { kind: 'block'; block: AnnexTextBlock; opts: TextBlockOptions }
  | { kind: 'tbl'; table: AnnexTable };

function instruction(item: AnnexInstruction, ctx: RunContext): Paragraph {
  const anchors = anchorMarks(item.anchor, ctx, 'equal', []);
  return paragraph({ style: 'Instruction' }, [...anchors.start, ...plainRuns(item.text), ...anchors.end], ctx);
}

/** 'Redlined against SEC 2024-02'; a clean copy shows no redline: 'Shown as amended; drafted against …'. */
function partNote(part: AnnexPart, mode: DocxMode): string {
  const note = sentenceCase(part.against);
  if (mode !== 'clean') return note;
  const m = /^Redlined against (.*)$/.exec(note);
  return m ? `Shown as amended; drafted against ${m[1]}` : note;
}

function partElements(part: AnnexPart, first: boolean, ctx: RunContext): Element[] {
  const els: Element[] = [];
  els.push({ kind: 'p', para: para('Heading1', part.heading, ctx, { keepNext: true, pageBreakBefore: first }) });
  els.push({ kind: 'p', para: para('PartNote', partNote(part, ctx.mode), ctx) });
  for (const item of part.content) {
    if (item.type === 'instruction') els.push({ kind: 'p', para: instruction(item, ctx) });
    else if (item.type === 'gap') els.push({ kind: 'p', para: para('Ellipsis', '…', ctx) });
    else {
      for (const b of item.blocks) {
        if (b.type === 'text') els.push({ kind: 'block', block: b, opts: { afterTable: els[els.length - 1]?.kind === 'tbl' } });
        else els.push({ kind: 'tbl', table: b });
      }
    }
  }
  return els;
}

/**
 * Where the paragraph mark of a wholly inserted (or deleted) paragraph goes. Rejecting an inserted mark joins
 * its paragraph to the next one, and the joined paragraph keeps the first one's style in LibreOffice: joined
 * to an instruction, a heading or an ellipsis it would turn that furniture into clause text, and before a
 * table there is no paragraph to join at all (an empty one would be left above the table). So when the next
 * element is not clause text, Word's own pattern is used: the mark that is inserted is the one of the clause
 * paragraph before the run of inserted paragraphs, and the last inserted paragraph keeps a plain mark.
 * Where no clause paragraph precedes the run (it follows an instruction or a table), a plain empty paragraph
 * after it takes the join instead.
 */
function settleMarks(els: Element[], mode: DocxMode): Element[] {
  if (mode !== 'tracked') return els;
  const out: Element[] = [];
  els.forEach((e, i) => {
    out.push(e);
    if (e.kind !== 'block' || els[i + 1]?.kind === 'block') return;
    const status = e.block.status;
    if (status !== 'inserted' && status !== 'deleted') return;
    let k = i - 1;
    while (k >= 0) {
      const prev = els[k]!;
      if (prev.kind !== 'block' || prev.block.status !== status) break;
      k--;
    }
    const host = els[k];
    if (host && host.kind === 'block' && host.block.status !== 'inserted' && host.block.status !== 'deleted' && host.opts.mark === undefined) {
      host.opts = { ...host.opts, mark: status === 'inserted' ? 'ins' : 'del', markItems: e.block.items };
      e.opts = { ...e.opts, mark: null };
    } else {
      out.push({ kind: 'p', para: null });
    }
  });
  return out;
}

/** The body's children: two tables never touch (Word would merge them) and the body ends with a paragraph. */
function joinElements(all: Element[], ctx: RunContext): Block[] {
  const els = settleMarks(all, ctx.mode);
  const out: Block[] = [];
  els.forEach((e, i) => {
    if (e.kind === 'p') out.push(e.para ?? paragraph({ style: 'ClausePara' }, [], ctx));
    else if (e.kind === 'block') pushAll(out, textBlock(e.block, ctx, e.opts));
    else pushAll(out, annexTable(e.table, ctx));
    const next = els[i + 1];
    if (e.kind === 'tbl' && (!next || next.kind === 'tbl')) out.push(paragraph({ style: 'ClausePara' }, [], ctx));
  });
  return out;
}

export function renderAnnexDocx(annex: AnnexDocument, options: AnnexDocxOptions): Uint8Array {
  const mode = options.mode ?? 'visual';
  const author = options.author ?? 'SECAS';
  if (options.date !== null && !isIsoUtc(options.date)) throw new UsageError(`DOCX date must be ISO 8601 UTC such as 2024-05-22T00:00:00Z, got '${options.date}'`);
  if (author.trim() === '') throw new UsageError('the DOCX author must be a role such as SECAS, not empty');
  // In a release every revision is authored by its modification ('SECAS (MP250)'): Word filters by author.
  const modificationOf = new Map(annex.notes.filter((n) => n.modification !== null).map((n) => [n.item, n.modification!]));
  const ctx: RunContext = { mode, rev: new Revisions(author, options.date, (item) => modificationOf.get(item) ?? null) };
  const els: Element[] = frontMatter(annex, ctx).map((p) => ({ kind: 'p', para: p }));
  annex.parts.forEach((part, i) => pushAll(els, partElements(part, i === 0, ctx)));
  const footer = classificationFooter(annex.meta.classification);
  const comments = mode !== 'clean' && annex.notes.length > 0 ? commentsPart(annex.notes, author, options.date) : undefined;
  return docxPackage({
    body: joinElements(els, ctx),
    header: runningHeader(`${annex.meta.modId} Annex A`, annex.title.subtitle),
    footer,
    // The cover page carries the classification but not the running header.
    firstPage: { header: null, footer },
    ...(comments !== undefined ? { comments } : {}),
    trackRevisions: mode === 'tracked',
    title: `${annex.meta.modId} Annex A`,
    creator: author,
    date: options.date,
  });
}
