// duplicate-definition: a term defined twice. Twice in one document's definitions tables is an error (which
// meaning applies?); the same term defined in several documents is a warning, because the SEC does this on
// purpose at times (an Appendix defining a term for its own use) — each place is reported, naming the others.
// Terms are compared case-insensitively; 'X (Y)' defines both X and Y; pointers such as "has the meaning given
// to that expression in Section A" define nothing (see definitions.ts). Across documents a spelled-out term also
// meets its acronym ('Transport Layer Security' in one document, 'TLS' in another) — but only where the acronym
// is itself defined somewhere, so two unrelated terms that share initials never meet. Terms defined inline in a
// clause ("(an **Applicant**)") count like rows; an inner appendix's definitions are its own (scope.ts), so
// within a document only definitions of the same scope are compared.

import type { Block, Problem, SecDocument } from '../../model/types.js';
import type { Rule } from '../types.js';
import { acronymOf, definitionTables, isAcronym, isPointer, normalise, termsOf } from '../definitions.js';
import { finding, listPlaces, placeOf } from '../where.js';
import { inlineDefinitions } from '../../model/inline-definitions.js';
import { scopeOfId } from '../../model/scope.js';
import { docId } from '../../model/doc-ref.js';
import { locate, type SourceLines } from '../position.js';
import { pushAll } from '../../util/arrays.js';

const name = 'duplicate-definition';

interface Occurrence {
  doc: SecDocument;
  /** The row, or the block that defines the term inline. */
  row: Block;
  term: string;
  /** normalise(term), and the acronym the term spells out (normalised) or null: computed once per document. */
  norm: string;
  acronym: string | null;
  line: number;
  column: number;
  /** The scope within the document ('' or 'Appendix A'). */
  scope: string;
}

/** What one document contributes, computed once per document (ctx.memo): its definitions and its own errors. */
interface DocumentDefinitions {
  occurrences: Occurrence[];
  /** Normalised terms of this document written as acronyms ('tls'). */
  acronyms: string[];
  /** Terms defined more than once in one scope of this document. */
  errors: Problem[];
}

export const duplicateDefinition: Rule = {
  name,
  severity: 'error',
  description: "a term defined twice in one document's definitions tables (error) or in several documents (warning)",
  scope: 'documents',
  check(ctx) {
    const out: Problem[] = [];
    const copies = new Map<SecDocument, number>();
    for (const doc of ctx.docs) copies.set(doc, (copies.get(doc) ?? 0) + 1);
    const all: Occurrence[] = [];
    const acronyms = new Set<string>();
    for (const doc of ctx.docs) {
      const mine = ctx.memo('definitions', doc, () => documentDefinitions(doc, ctx.lines(doc)));
      // A document object given twice meets itself: every term is then defined 'more than once' in it.
      if (copies.get(doc) === 1) pushAll(out, mine.errors);
      else pushAll(out, ownErrors(doc, Array<Occurrence[]>(copies.get(doc)!).fill(mine.occurrences).flat()));
      pushAll(all, mine.occurrences);
      for (const a of mine.acronyms) acronyms.add(a);
    }
    // Across documents: the term, or the acronym it spells out where that acronym is defined too. One index
    // from key to occurrences (in document order), built in one pass.
    const crossKey = (o: Occurrence): string => (o.acronym !== null && acronyms.has(o.acronym) ? o.acronym : o.norm);
    const groups = new Map<string, Occurrence[]>();
    for (const o of all) {
      const k = crossKey(o);
      const list = groups.get(k);
      if (list) list.push(o);
      else groups.set(k, [o]);
    }
    for (const [key, occurrences] of groups) {
      if (occurrences.length < 2) continue;
      // Each document's first definition of the term (the acronym itself where it has one), in document order.
      const firsts = new Map<SecDocument, { any: Occurrence; exact?: Occurrence }>();
      for (const o of occurrences) {
        const f = firsts.get(o.doc);
        if (!f) firsts.set(o.doc, o.norm === key ? { any: o, exact: o } : { any: o });
        else if (!f.exact && o.norm === key) f.exact = o;
      }
      if (firsts.size < 2) continue;
      const docs = [...firsts.keys()];
      const first = (doc: SecDocument): Occurrence => firsts.get(doc)!.exact ?? firsts.get(doc)!.any;
      // One warning per document, at its first definition of the term.
      for (const doc of docs) {
        const o = first(doc);
        const others = docs.filter((d) => d !== doc).map((d) => placeOf(d, first(d).row));
        const as = crossKey(o) !== o.norm ? ` (${acronymOf(o.term)})` : '';
        out.push(finding(doc.file, o.line, o.column, 'warning', name,
          `'${o.term}'${as} is also defined in ${others.length === 1 ? 'another document' : `${others.length} other documents`}: ${listPlaces(others)}`));
      }
    }
    return out;
  },
};

function documentDefinitions(doc: SecDocument, src: SourceLines): DocumentDefinitions {
  const occurrences: Occurrence[] = [];
  const id = docId(doc.meta);
  const add = (row: Block, term: string, line: number, column: number): void => {
    const a = acronymOf(term);
    occurrences.push({ doc, row, term, norm: normalise(term), acronym: a === null ? null : normalise(a), line, column, scope: scopeOfId(id, row.id) });
  };
  for (const { rows } of definitionTables(doc)) {
    for (const row of rows) {
      if (!row.key || isPointer(row.cells?.[1] ?? '')) continue;
      for (const term of termsOf(row.key)) add(row, term, row.line, row.column);
    }
  }
  for (const b of doc.blocks) {
    if (b.kind === 'row' || b.kind === 'table') continue;
    for (const d of inlineDefinitions(b.text)) {
      const at = locate(src, b, d.offset, b.text.slice(d.offset, b.text.indexOf(')', d.offset) + 1));
      add(b, d.term, at.line, at.column);
    }
  }
  const acronyms = occurrences.filter((o) => isAcronym(o.term)).map((o) => o.norm);
  return { occurrences, acronyms, errors: ownErrors(doc, occurrences) };
}

/** In one document: the exact term defined twice in one scope; every place reported, naming the others. */
function ownErrors(doc: SecDocument, occurrences: readonly Occurrence[]): Problem[] {
  const out: Problem[] = [];
  const byTerm = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const k = `${o.scope}\u0000${o.norm}`;
    const list = byTerm.get(k);
    if (list) list.push(o);
    else byTerm.set(k, [o]);
  }
  for (const here of byTerm.values()) {
    if (here.length < 2) continue;
    for (const o of here) {
      const others = here.filter((x) => x !== o).map((x) => `line ${x.line}`);
      out.push(finding(doc.file, o.line, o.column, 'error', name,
        `'${o.term}' is defined more than once in ${doc.file}: also at ${listPlaces(others)}`));
    }
  }
  return out;
}
