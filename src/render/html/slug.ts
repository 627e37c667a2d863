// Element ids and URL fragments for clauses: 'Section G' + 'G3.5' → 'Section-G/G3.5', 'Appendix AD' +
// 'Appendix AD 3.5.10[E63]' → 'Appendix-AD/3.5.10[E63]'. An HTML id must be non-empty and contain no whitespace; it is
// also shared as a link (review.html#Section-G/G3.5), so characters that end or break a fragment ('#', '%',
// quotes, '<', '>') are spelled as '_' plus their code point. Readable for the common IDs, valid for any.

const KEEP = /[A-Za-z0-9\-._~/()[\]{}:,;@!*+=$]/;

/** A valid, readable id for one piece of text. Never empty, never with whitespace. */
export function idSlug(text: string): string {
  let out = '';
  let space = false;
  for (const ch of text) {
    if (/\s/u.test(ch)) {
      space = out !== '';
      continue;
    }
    if (space) out += '-';
    space = false;
    out += KEEP.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`;
  }
  return out === '' ? '_' : out;
}

/**
 * The id of a clause of a document: 'Section-G/G3.5'; an appendix's clause IDs carry the document
 * ('Appendix AD 3.5.10'), which the first part already says: 'Appendix-AD/3.5.10'.
 */
export function clauseSlug(docId: string, clauseId: string): string {
  const own = clauseId.startsWith(`${docId} `) ? clauseId.slice(docId.length + 1) : clauseId;
  return `${idSlug(docId)}/${idSlug(own)}`;
}

/** Hands out ids once each: a second request for the same id gets '-2', '-3' … so a page never repeats one. */
export class IdRegistry {
  private readonly used = new Map<string, number>();
  take(id: string): string {
    const n = this.used.get(id);
    if (n === undefined) {
      this.used.set(id, 1);
      return id;
    }
    let k = n + 1;
    while (this.used.has(`${id}-${k}`)) k++;
    this.used.set(id, k);
    this.used.set(`${id}-${k}`, 1);
    return `${id}-${k}`;
  }
}
