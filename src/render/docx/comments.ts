// Word comments (word/comments.xml) for the Annex A's item notes: the note text in the comment, its range
// marked in the body with w:commentRangeStart / w:commentRangeEnd and a run holding w:commentReference. The
// comment is not part of the document's text, so accepting or rejecting every revision never touches it.

import type { AnnexAnchor, AnnexNote } from '../../annex/types.js';
import { W_NS, el, type XmlElement } from './xml.js';
import { plainRuns, type RunContext } from './runs.js';
import { paragraph, run, toXml, type Inline } from './records.js';

/** The comment author: the role, qualified by the note's modification in a release ('SECAS (MP250)'). */
export function noteAuthor(base: string, note: AnnexNote): string {
  return note.modification ? `${base} (${note.modification})` : base;
}

function initials(author: string): string {
  const letters = author.replace(/\(.*\)/, '').trim();
  return letters === '' ? 'A' : letters.slice(0, 8);
}

/** word/comments.xml's root. Comment ids are the note indexes: unique, and the same for every mode that shows them. */
export function commentsPart(notes: readonly AnnexNote[], author: string, date: string | null): XmlElement {
  const comments = notes.map((n, id) => {
    const who = noteAuthor(author, n);
    const content = paragraph({ style: 'CommentText' }, [run([{ kind: 'annotationRef' }], { style: 'CommentReference' }), ...plainRuns(n.text)]);
    return el('w:comment', { 'w:id': id, 'w:author': who, 'w:date': date ?? undefined, 'w:initials': initials(who) }, toXml([content]));
  });
  return el('w:comments', { 'xmlns:w': W_NS }, comments);
}

/**
 * What goes at the start and at the end of a paragraph's content for its anchor. The reference run takes the
 * revision of a wholly inserted or deleted block (`op`), so rejecting an inserted paragraph leaves nothing of
 * it behind, not even an empty run.
 */
export function anchorMarks(anchor: AnnexAnchor | undefined, ctx: RunContext, op: 'insert' | 'delete' | 'equal', items: readonly string[]): { start: Inline[]; end: Inline[] } {
  if (!anchor || ctx.mode === 'clean') return { start: [], end: [] };
  const start: Inline[] = anchor.start.map((id) => ({ type: 'commentRangeStart', id }));
  const end: Inline[] = [];
  for (const id of anchor.end) {
    const revision = ctx.mode === 'tracked' && op !== 'equal' ? ctx.rev.revision(op === 'insert' ? 'ins' : 'del', items) : undefined;
    end.push({ type: 'commentRangeEnd', id }, run([{ kind: 'commentReference', id }], { style: 'CommentReference' }, revision));
  }
  return { start, end };
}
