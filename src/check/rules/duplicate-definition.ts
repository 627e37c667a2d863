// duplicate-definition: a term defined twice. Twice in one document's definitions tables is an error (which
// meaning applies?); the same term defined in several documents is a warning, because the SEC does this on
// purpose at times (an Appendix defining a term for its own use) — each place is reported, naming the others.
// Terms are compared case-insensitively; 'X (Y)' defines both X and Y; pointers such as "has the meaning given
// to that expression in Section A" define nothing (see definitions.ts). Across documents a spelled-out term also
// meets its acronym ('Transport Layer Security' in one document, 'TLS' in another) — but only where the acronym
// is itself defined somewhere, so two unrelated terms that share initials never meet.

import type { Block, Problem, SecDocument } from '../../model/types.js';
import type { Rule } from '../types.js';
import { acronymOf, definitionTables, isAcronym, isPointer, normalise, termsOf } from '../definitions.js';
import { finding, listPlaces, placeOf } from '../where.js';

const name = 'duplicate-definition';

interface Occurrence {
  doc: SecDocument;
  row: Block;
  term: string;
}

export const duplicateDefinition: Rule = {
  name,
  severity: 'error',
  description: "a term defined twice in one document's definitions tables (error) or in several documents (warning)",
  check(ctx) {
    const out: Problem[] = [];
    const all: Occurrence[] = [];
    for (const doc of ctx.docs) {
      for (const { rows } of definitionTables(doc)) {
        for (const row of rows) {
          if (!row.key || isPointer(row.cells?.[1] ?? '')) continue;
          for (const term of termsOf(row.key)) all.push({ doc, row, term });
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
        const here = occurrences.filter((o) => o.doc === doc);
        if (here.length > 1) {
          for (const o of here) {
            const others = here.filter((x) => x !== o).map((x) => `line ${x.row.line}`);
            out.push(finding(doc.file, o.row.line, o.row.column, 'error', name,
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
        out.push(finding(doc.file, o.row.line, o.row.column, 'warning', name,
          `'${o.term}'${as} is also defined in ${others.length === 1 ? 'another document' : `${others.length} other documents`}: ${listPlaces(others)}`));
      }
    }
    return out;
  },
};
