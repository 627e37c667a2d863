// AnnexDocument → Markdown with CriticMarkup: {++inserted++}, {--deleted--}, {~~old~>new~~}. The clause text
// stays Markdown source (spans are cut on the source), furniture is escaped so it never reads as syntax.
// Deterministic: the same annex always gives the same string.

import type { AnnexAnchor, AnnexDocument, AnnexNote, AnnexRow, AnnexTable, AnnexTextBlock } from '../annex/types.js';
import type { Span, TextChange } from '../redline/types.js';
import type { Align } from '../model/types.js';
import { legendLines, sentenceCase } from './annex-legend.js';
import { criticMarkup } from './critic-spans.js';
import { pushAll } from '../util/arrays.js';

/**
 * Escapes furniture text so it shows literally. Braces become character references: a CriticMarkup processor
 * reads the raw text before Markdown, so a backslash would not stop '\\{++' from opening a mark.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~{}#]/g, (c) => (c === '{' ? '&#123;' : c === '}' ? '&#125;' : `\\${c}`));
}

/**
 * The notes ending at a block, as CriticMarkup comments: ' {>>Item 8: …<<}'. A comment is not part of the
 * text, so accepting or rejecting every mark leaves the clause exactly as amended or as current.
 */
function notesAt(anchor: AnnexAnchor | undefined, notes: readonly AnnexNote[]): string {
  return (anchor?.end ?? []).map((i) => ` {>>${escapeMarkdown(notes[i]?.text ?? '')}<<}`).join('');
}

/** Label, a space (on the sides that have a label), then the text, as one span list. */
function blockSpans(b: AnnexTextBlock): Span[] {
  const oldLabel = (b.label.old ?? '') !== '';
  const newLabel = (b.label.new ?? '') !== '';
  const spans: Span[] = [...b.label.spans];
  if (oldLabel || newLabel) spans.push({ op: oldLabel && newLabel ? 'equal' : newLabel ? 'insert' : 'delete', text: ' ' });
  pushAll(spans, b.text.spans);
  return spans;
}

function textBlock(b: AnnexTextBlock, notes: readonly AnnexNote[]): string {
  const body = criticMarkup(blockSpans(b)) + notesAt(b.anchor, notes);
  if (b.kind === 'heading') return `${'#'.repeat(Math.min(6, 2 + b.level))} ${body}`;
  if (b.kind === 'subpara') return `${'  '.repeat(Math.max(0, b.indent - 1))}- ${body}`;
  return `${'  '.repeat(b.indent)}${body}`; // a continuation paragraph sits under its item's text
}

function cell(c: TextChange): string {
  const s = criticMarkup(c.spans);
  return s === '' ? ' ' : s;
}

function delimiter(a: Align): string {
  return a === 'left' ? ':--' : a === 'right' ? '--:' : a === 'center' ? ':-:' : '---';
}

function rowLine(r: AnnexRow, notes: readonly AnnexNote[]): string {
  const cells = r.cells.map(cell);
  const lastIndex = cells.length - 1;
  cells[lastIndex] = `${cells[lastIndex]}${notesAt(r.anchor, notes)}`;
  return `| ${cells.join(' | ')} |`;
}

function table(t: AnnexTable, notes: readonly AnnexNote[]): string {
  const lines = [rowLine(t.header, notes), `| ${t.align.map(delimiter).join(' | ')} |`];
  for (const r of t.rows) {
    if (r.type === 'row') lines.push(rowLine(r, notes));
    else lines.push(`| … |${' |'.repeat(Math.max(0, t.columns - 1))}`);
  }
  return lines.join('\n');
}

export function renderAnnexMarkdown(annex: AnnexDocument): string {
  const out: string[] = [];
  const t = annex.title;
  out.push(`# ${escapeMarkdown(t.heading)}`);
  out.push(`**${escapeMarkdown(t.annex)} — ${escapeMarkdown(t.subtitle)}**`);
  const meta = [t.version, t.date, t.release, `Prepared by ${t.drafter}`].filter((x): x is string => !!x).map(escapeMarkdown);
  out.push(meta.join('<br>\n'));
  out.push('## About this document');
  for (const p of annex.about) out.push(escapeMarkdown(p));
  out.push(annex.basis.map((b) => `- ${escapeMarkdown(`${b.document}: ${b.version}`)}`).join('\n'));
  out.push('## How changes are shown');
  for (const line of legendLines('critic', annex.hasItems, 'comment')) {
    out.push(line.map((p) => (p.sample === 'delete' ? `{--${p.text}--}` : p.sample === 'insert' ? `{++${p.text}++}` : escapeMarkdown(p.text))).join(''));
  }
  for (const part of annex.parts) {
    out.push(`## ${escapeMarkdown(part.heading)}`);
    out.push(`*${escapeMarkdown(sentenceCase(part.against))}*`);
    for (const item of part.content) {
      if (item.type === 'instruction') out.push(`**${escapeMarkdown(item.text)}**${notesAt(item.anchor, annex.notes)}`);
      else if (item.type === 'gap') out.push('…');
      else for (const b of item.blocks) out.push(b.type === 'text' ? textBlock(b, annex.notes) : table(b, annex.notes));
    }
  }
  out.push(`*This document has a Classification of ${escapeMarkdown(annex.meta.classification)}.*`);
  return `${out.join('\n\n')}\n`;
}
