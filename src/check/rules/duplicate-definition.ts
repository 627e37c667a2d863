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
import { locate } from '../position.js';

const name = 'duplicate-definition';

interface Occurrence {
  doc: SecDocument;
  /** The row, or the block that defines the term inline. */
  row: Block;
  term: string;
  line: number;
  column: number;
  /** The scope within the document ('' or 'Appendix A'). */
  scope: string;
}

export const duplicateDefinition: Rule = {
  name,
  severity: 'error',
  description: "a term defined twice in one document's definitions tables (error) or in several documents (warning)",
  scope: 'documents',
  check(ctx) {
    const out: Problem[] = [];
    const all: Occurrence[] = [];
    for (const doc of ctx.docs) {
      const id = docId(doc.meta);
      for (const { rows } of definitionTables(doc)) {
        for (const row of rows) {
          if (!row.key || isPointer(row.cells?.[1] ?? '')) continue;
          for (const term of termsOf(row.key)) all.push({ doc, row, term, line: row.line, column: row.column, scope: scopeOfId(id, row.id) });
        }
      }
      const src = ctx.lines(doc);
      for (const b of doc.blocks) {
        if (b.kind === 'row' || b.kind === 'table') continue;
        for (const d of inlineDefinitions(b.text)) {
          const at = locate(src, b, d.offset, b.text.slice(d.offset, b.text.indexOf(')', d.offset) + 1));
          all.push({ doc, row: b, term: d.term, line: at.line, column: at.column, scope: scopeOfId(id, b.id) });
        }
      }
    }
    const group = (key: (o: Occurrence) => string): [string, Occurrence[]][] => {
      const map = new Map<string, Occurrence[]>();
      for (const o of all) map.set(key(o), [...(map.get(key(o)) ?? []), o]);
      return [...map];
    };
    // In one document: the exact term.
    for (const [, occurrences] of group((o) => normalise(o.term))) {
      if (occurrences.length < 2) continue;
      for (const doc of new Set(occurrences.map((o) => o.doc))) {
        for (const scope of new Set(occurrences.filter((o) => o.doc === doc).map((o) => o.scope))) {
          const here = occurrences.filter((o) => o.doc === doc && o.scope === scope);
          if (here.length < 2) continue;
          for (const o of here) {
            const others = here.filter((x) => x !== o).map((x) => `line ${x.line}`);
            out.push(finding(doc.file, o.line, o.column, 'error', name,
              `'${o.term}' is defined more than once in ${doc.file}: also at ${listPlaces(others)}`));
          }
        }
      }
    }
    // Across documents: the term, or the acronym it spells out where that acronym is defined too.
    const acronyms = new Set(all.filter((o) => isAcronym(o.term)).map((o) => normalise(o.term)));
    const crossKey = (o: Occurrence): string => {
      const a = acronymOf(o.term);
      return a !== null && acronyms.has(normalise(a)) ? normalise(a) : normalise(o.term);
    };
    for (const [key, occurrences] of group(crossKey)) {
      const docs = [...new Set(occurrences.map((o) => o.doc))];
      if (docs.length < 2) continue;
      // One warning per document, at its first definition of the term (the acronym itself where it has one).
      const first = (doc: SecDocument): Occurrence =>
        occurrences.find((x) => x.doc === doc && normalise(x.term) === key) ?? occurrences.find((x) => x.doc === doc)!;
      for (const doc of docs) {
        const o = first(doc);
        const others = docs.filter((d) => d !== doc).map((d) => placeOf(d, first(d).row));
        const as = crossKey(o) !== normalise(o.term) ? ` (${acronymOf(o.term)})` : '';
        out.push(finding(doc.file, o.line, o.column, 'warning', name,
          `'${o.term}'${as} is also defined in ${others.length === 1 ? 'another document' : `${others.length} other documents`}: ${listPlaces(others)}`));
      }
    }
    return out;
  },
};
