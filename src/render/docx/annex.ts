// AnnexDocument → DOCX. The title block, about text, legend, part headings, instructions and ellipses are
// plain furniture in every mode; only the clause text carries changes (formatting in visual mode, revisions in
// tracked mode). So in tracked mode accept-all gives the amended clauses plus the furniture and reject-all the
// current clauses plus the same furniture.

import type { AnnexDocument, AnnexPart } from '../../annex/types.js';
import { UsageError } from '../../util/errors.js';
import { legendLines, sentenceCase } from '../annex-legend.js';
import { docxPackage, isIsoUtc } from './package.js';
import { paragraph, tableXml, textBlockXml } from './paragraphs.js';
import { plainRun, Revisions, runXml, type DocxMode, type RunContext } from './runs.js';
import { escapeText } from './xml.js';
import { pushAll } from '../../util/arrays.js';

export interface AnnexDocxOptions {
  mode?: DocxMode;
  /** The author of revisions and of the file: a role, never a person. Default 'SECAS'. */
  author?: string;
  /** ISO 8601 UTC ('2024-05-22T00:00:00Z'): revision dates and document properties. */
  date: string;
}

function para(style: string, text: string, ctx: RunContext, extra: { keepNext?: boolean; pageBreakBefore?: boolean } = {}): string {
  return paragraph({ style, ...extra }, plainRun(text), ctx);
}

function frontMatter(annex: AnnexDocument, ctx: RunContext): string[] {
  const t = annex.title;
  const out = [para('Title', t.heading, ctx), para('Subtitle', t.annex, ctx), para('Subtitle', t.subtitle, ctx)];
  if (t.version) out.push(para('TitleMeta', t.version, ctx));
  out.push(para('TitleMeta', t.date, ctx));
  if (t.release) out.push(para('TitleMeta', t.release, ctx));
  out.push(para('TitleMeta', `Prepared by ${t.drafter}`, ctx));
  out.push(para('Heading2', 'About this document', ctx));
  for (const p of annex.about) out.push(para('AboutText', p, ctx));
  for (const b of annex.basis) out.push(para('BasisItem', `${b.document}: ${b.version}`, ctx));
  out.push(para('Heading2', 'How changes are shown', ctx));
  for (const line of legendLines(ctx.mode, annex.hasItems)) {
    // Legend samples look like changes in visual mode but are never revisions.
    const sampleCtx: RunContext = { mode: ctx.mode === 'visual' ? 'visual' : 'clean', rev: ctx.rev };
    const content = line.map((part) => (part.sample ? runXml({ op: part.sample, text: part.text }, sampleCtx) : plainRun(part.text))).join('');
    out.push(paragraph({ style: 'Legend' }, content, ctx));
  }
  return out;
}

type Element = { kind: 'p' | 'tbl'; xml: string };

function partElements(part: AnnexPart, first: boolean, ctx: RunContext): Element[] {
  const els: Element[] = [];
  const p = (xml: string): void => {
    if (xml !== '') els.push({ kind: 'p', xml });
  };
  p(para('Heading1', part.heading, ctx, { keepNext: true, pageBreakBefore: first }));
  p(para('PartNote', sentenceCase(part.against), ctx));
  for (const item of part.content) {
    if (item.type === 'instruction') p(para('Instruction', item.text, ctx));
    else if (item.type === 'gap') p(para('Ellipsis', '…', ctx));
    else {
      for (const b of item.blocks) {
        if (b.type === 'text') p(textBlockXml(b, ctx, els[els.length - 1]?.kind === 'tbl'));
        else {
          const xml = tableXml(b, ctx);
          if (xml !== '') els.push({ kind: 'tbl', xml });
        }
      }
    }
  }
  return els;
}

/** The body's children: two tables never touch (Word would merge them) and the body ends with a paragraph. */
function joinElements(els: Element[], ctx: RunContext): string {
  let out = '';
  els.forEach((e, i) => {
    out += e.xml;
    const next = els[i + 1];
    if (e.kind === 'tbl' && (!next || next.kind === 'tbl')) out += paragraph({ style: 'ClauseText' }, '', ctx);
  });
  // A final paragraph whose mark is a revision cannot be removed by accept/reject: end on a plain one.
  if (els.length > 0 && /<w:rPr><w:(ins|del) [^>]*\/><\/w:rPr><\/w:pPr>/.test(els[els.length - 1]!.xml)) out += paragraph({ style: 'ClauseText' }, '', ctx);
  return out;
}

function headerXml(annex: AnnexDocument): string {
  return `<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>${plainRun(`${annex.meta.modId} Annex A`)}${plainRun('\t\t')}${plainRun(annex.title.subtitle)}</w:p>`;
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

function footerXml(annex: AnnexDocument): string {
  return (
    '<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>' +
    plainRun(`This document has a Classification of ${annex.meta.classification}`) +
    plainRun('\t\tPage ') +
    field('PAGE', '1') +
    plainRun(' of ') +
    field('NUMPAGES', '1') +
    '</w:p>'
  );
}

export function renderAnnexDocx(annex: AnnexDocument, options: AnnexDocxOptions): Uint8Array {
  const mode = options.mode ?? 'visual';
  const author = options.author ?? 'SECAS';
  if (!isIsoUtc(options.date)) throw new UsageError(`DOCX date must be ISO 8601 UTC such as 2024-05-22T00:00:00Z, got '${options.date}'`);
  if (author.trim() === '') throw new UsageError('the DOCX author must be a role such as SECAS, not empty');
  const ctx: RunContext = { mode, rev: new Revisions(author, options.date) };
  const els: Element[] = frontMatter(annex, ctx).map((xml) => ({ kind: 'p', xml }));
  annex.parts.forEach((part, i) => pushAll(els, partElements(part, i === 0, ctx)));
  return docxPackage({
    body: joinElements(els, ctx),
    header: headerXml(annex),
    footer: footerXml(annex),
    title: `${annex.meta.modId} Annex A`,
    creator: author,
    date: options.date,
  });
}
