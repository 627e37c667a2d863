// `--format md`: the redline as CriticMarkup in Markdown. Each printed block is its canonical source line with
// the marks inline — {--deleted--}, {++inserted++}, {~~old~>new~~} — so rejecting every mark on a line gives
// the old line and accepting every mark gives the new one (a whole inserted or deleted block is one mark
// around its whole line). Document headings, clause IDs and notes ('renumbered from G3.7') are comments
// {>> <<} on lines of their own, never inside a source line.

import type { BlockRedline, Redline, Span } from '../redline/types.js';
import { docDisplayName } from '../model/doc-ref.js';
import { blockLineChanges, clauseHeadline, joinedLines, shownBlocks, shownDocuments, versionLine } from './diff-view.js';
import { diffStats, summaryLine } from './stat.js';

export interface CriticOptions {
  context: number;
}

/** CriticMarkup for spans; a deletion directly followed by an insertion is one substitution. */
export function criticSpans(spans: readonly Span[]): string {
  let out = '';
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    const next = spans[i + 1];
    if (s.op === 'equal') out += s.text;
    else if (s.op === 'delete' && next?.op === 'insert') {
      out += `{~~${s.text}~>${next.text}~~}`;
      i++;
    } else if (s.op === 'delete') out += `{--${s.text}--}`;
    else out += `{++${s.text}++}`;
  }
  return out;
}

export function renderCriticMarkdown(redline: Redline, options: CriticOptions): string {
  const out: string[] = [];
  for (const { doc, clauses } of shownDocuments(redline, options.context)) {
    out.push(`# ${docDisplayName(doc.meta)}`, '');
    out.push(`{>> ${doc.file}: ${versionLine(doc)} <<}`, '');
    for (const { clause } of clauses) {
      out.push(`{>> ${clauseHeadline(clause)} <<}`, '');
      let prev: BlockRedline | 'note' | null = null;
      for (const shown of shownBlocks(clause)) {
        if (shown.kind === 'elided-rows') {
          if (prev) out.push('');
          out.push(`{>> ${shown.count} unchanged row${shown.count === 1 ? '' : 's'} not shown <<}`);
          prev = 'note';
          continue;
        }
        const b = shown.block;
        if (prev && (prev === 'note' || !joinedLines(prev, b))) out.push('');
        for (const l of blockLineChanges(b)) out.push(criticSpans(l.spans));
        prev = b;
      }
      out.push('');
    }
  }
  out.push(`{>> ${summaryLine(diffStats(redline))} <<}`);
  return `${out.join('\n')}\n`;
}
