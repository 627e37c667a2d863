// `--format md`: the redline as CriticMarkup in Markdown. Each printed block is its canonical source line with
// the marks inline — {--deleted--}, {++inserted++}, {~~old~>new~~} — so rejecting every mark on a line gives
// the old line and accepting every mark gives the new one (a whole inserted or deleted block is one mark
// around its whole line). Document headings, clause IDs and notes ('renumbered from G3.7') are comments
// {>> <<} on lines of their own, never inside a source line.

import type { BlockRedline, Redline } from '../redline/types.js';
import { docDisplayName } from '../model/doc-ref.js';
import { blockLineChanges, clauseHeadline, joinedLines, shownBlocks, shownDocuments, versionLine } from './diff-view.js';
import { diffStats, summaryLine } from './stat.js';
import { criticMarkup } from './critic-spans.js';
import { escapeCritic } from './critic-escape.js';

/** A comment line; its text (file names, row keys in IDs, titles) escaped so it cannot close or open a mark. */
const comment = (text: string): string => `{>> ${escapeCritic(text).text} <<}`;

export interface CriticOptions {
  context: number;
}

export function renderCriticMarkdown(redline: Redline, options: CriticOptions): string {
  const out: string[] = [];
  for (const { doc, clauses } of shownDocuments(redline, options.context)) {
    out.push(`# ${escapeCritic(docDisplayName(doc.meta)).text}`, '');
    out.push(comment(`${doc.file}: ${versionLine(doc)}`), '');
    for (const { clause } of clauses) {
      out.push(comment(clauseHeadline(clause)), '');
      let prev: BlockRedline | 'note' | null = null;
      for (const shown of shownBlocks(clause)) {
        if (shown.kind === 'elided-rows') {
          if (prev) out.push('');
          out.push(comment(`${shown.count} unchanged row${shown.count === 1 ? '' : 's'} not shown`));
          prev = 'note';
          continue;
        }
        const b = shown.block;
        if (prev && (prev === 'note' || !joinedLines(prev, b))) out.push('');
        for (const l of blockLineChanges(b)) out.push(criticMarkup(l.spans));
        prev = b;
      }
      out.push('');
    }
  }
  out.push(comment(summaryLine(diffStats(redline))));
  return `${out.join('\n')}\n`;
}
