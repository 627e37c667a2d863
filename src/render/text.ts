// `--format text`: a redline for the terminal. With colour, deletions are red and struck through and
// insertions green and underlined (the legal convention, and no brackets to misread); without colour (NO_COLOR,
// not a terminal, -o), git word-diff's `[-old-]{+new+}` so the output survives a pipe or an e-mail.

import type { BlockRedline, Redline, Span } from '../redline/types.js';
import { docDisplayName } from '../model/doc-ref.js';
import { blockLineChanges, clauseHeadline, joinedLines, shownBlocks, shownDocuments, versionLine } from './diff-view.js';
import { diffStats, summaryLine } from './stat.js';

export interface TextOptions {
  /** ANSI colour instead of brackets. */
  color: boolean;
  /** Unchanged clauses shown around each changed one. */
  context: number;
}

const ESC = '\u001b[';
const RESET = `${ESC}0m`;
const style = {
  deleted: `${ESC}31;9m`, // red, struck through
  inserted: `${ESC}32;4m`, // green, underlined
  heading: `${ESC}1m`,
  hunk: `${ESC}36m`,
  dim: `${ESC}2m`,
};

function paint(color: boolean, code: string, text: string): string {
  return color && text ? `${code}${text}${RESET}` : text;
}

export function renderSpans(spans: readonly Span[], color: boolean): string {
  let out = '';
  for (const s of spans) {
    if (s.op === 'equal') out += s.text;
    else if (color) out += paint(true, s.op === 'delete' ? style.deleted : style.inserted, s.text);
    else out += s.op === 'delete' ? `[-${s.text}-]` : `{+${s.text}+}`;
  }
  return out;
}

export function renderText(redline: Redline, options: TextOptions): string {
  const { color } = options;
  const out: string[] = [];
  for (const { doc, clauses } of shownDocuments(redline, options.context)) {
    out.push(paint(color, style.heading, `=== ${docDisplayName(doc.meta)} · ${doc.file} · ${versionLine(doc)} ===`));
    out.push('');
    for (const { clause, context } of clauses) {
      out.push(paint(color, context ? style.dim : style.hunk, `@@ ${clauseHeadline(clause)} @@`));
      let prev: BlockRedline | 'note' | null = null;
      for (const shown of shownBlocks(clause)) {
        if (shown.kind === 'elided-rows') {
          if (prev) out.push('');
          out.push(paint(color, style.dim, `(${shown.count} unchanged row${shown.count === 1 ? '' : 's'} not shown)`));
          prev = 'note';
          continue;
        }
        const b = shown.block;
        if (prev && (prev === 'note' || !joinedLines(prev, b))) out.push('');
        for (const l of blockLineChanges(b)) out.push(renderSpans(l.spans, color));
        prev = b;
      }
      out.push('');
    }
  }
  out.push(summaryLine(diffStats(redline)));
  return `${out.join('\n')}\n`;
}
