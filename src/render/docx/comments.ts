// Word comments (word/comments.xml) for the Annex A's item notes: the note text in the comment, its range
// marked in the body with w:commentRangeStart / w:commentRangeEnd and a run holding w:commentReference. The
// comment is not part of the document's text, so accepting or rejecting every revision never touches it.

import type { AnnexAnchor, AnnexNote } from '../../annex/types.js';
import { W_NS, XML_DECLARATION, escapeAttr } from './xml.js';
import { plainRun, type RunContext } from './runs.js';

/** The comment author: the role, qualified by the note's modification in a release ('SECAS (MP250)'). */
export function noteAuthor(base: string, note: AnnexNote): string {
  return note.modification ? `${base} (${note.modification})` : base;
}

function initials(author: string): string {
  const letters = author.replace(/\(.*\)/, '').trim();
  return letters === '' ? 'A' : letters.slice(0, 8);
}

/** Comment ids are the note indexes: unique, and the same for every mode that shows them. */
export function commentsXml(notes: readonly AnnexNote[], author: string, date: string | null): string {
  const comments = notes.map((n, id) => {
    const who = noteAuthor(author, n);
    return (
      `<w:comment w:id="${id}" w:author="${escapeAttr(who)}"${date === null ? '' : ` w:date="${escapeAttr(date)}"`} w:initials="${escapeAttr(initials(who))}">` +
      '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>' +
      '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' +
      `${plainRun(n.text)}</w:p></w:comment>`
    );
  });
  return `${XML_DECLARATION}<w:comments xmlns:w="${W_NS}">${comments.join('')}</w:comments>`;
}

/**
 * What goes at the start and at the end of a paragraph's content for its anchor. The reference run takes the
 * revision of a wholly inserted or deleted block (`op`), so rejecting an inserted paragraph leaves nothing of
 * it behind, not even an empty run.
 */
export function anchorXml(anchor: AnnexAnchor | undefined, ctx: RunContext, op: 'insert' | 'delete' | 'equal', items: readonly string[]): { start: string; end: string } {
  if (!anchor || ctx.mode === 'clean') return { start: '', end: '' };
  const start = anchor.start.map((id) => `<w:commentRangeStart w:id="${id}"/>`).join('');
  let end = '';
  for (const id of anchor.end) {
    const run = `<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`;
    const wrapped =
      ctx.mode === 'tracked' && op !== 'equal' ? `<w:${op === 'insert' ? 'ins' : 'del'}${ctx.rev.attrs(items)}>${run}</w:${op === 'insert' ? 'ins' : 'del'}>` : run;
    end += `<w:commentRangeEnd w:id="${id}"/>${wrapped}`;
  }
  return { start, end };
}
