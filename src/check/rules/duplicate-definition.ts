// duplicate-definition: a term defined twice. Twice in one document's definitions tables is an error (which
// meaning applies?); the same term defined in several documents is a warning, because the SEC does this on
// purpose at times (an Appendix defining a term for its own use) — each place is reported, naming the others.
// Terms are compared case-insensitively; 'X (Y)' defines both X and Y; pointers such as "has the meaning given
// to that expression in Section A" define nothing (see definitions.ts).

import type { Block, Problem, SecDocument } from '../../model/types.js';
import type { Rule } from '../types.js';
import { definitionTables, isPointer, normalise, termsOf } from '../definitions.js';
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
    const byTerm = new Map<string, Occurrence[]>();
    for (const doc of ctx.docs) {
      for (const { rows } of definitionTables(doc)) {
        for (const row of rows) {
          if (!row.key || isPointer(row.cells?.[1] ?? '')) continue;
          for (const term of termsOf(row.key)) {
            const k = normalise(term);
            byTerm.set(k, [...(byTerm.get(k) ?? []), { doc, row, term }]);
          }
        }
      }
    }
    for (const occurrences of byTerm.values()) {
      if (occurrences.length < 2) continue;
      const docs = [...new Set(occurrences.map((o) => o.doc))];
      for (const doc of docs) {
        const here = occurrences.filter((o) => o.doc === doc);
        if (here.length > 1) {
          for (const o of here) {
            const others = here.filter((x) => x !== o).map((x) => `line ${x.row.line}`);
            out.push(finding(doc.file, o.row.line, o.row.column, 'error', name,
              `'${o.term}' is defined more than once in ${doc.file}: also at ${listPlaces(others)}`));
          }
        }
      }
      if (docs.length < 2) continue;
      // Across documents: one warning per document, at its first definition of the term.
      for (const doc of docs) {
        const o = occurrences.find((x) => x.doc === doc)!;
        const others = docs.filter((d) => d !== doc).map((d) => placeOf(d, occurrences.find((x) => x.doc === d)!.row));
        out.push(finding(doc.file, o.row.line, o.row.column, 'warning', name,
          `'${o.term}' is also defined in ${others.length === 1 ? 'another document' : `${others.length} other documents`}: ${listPlaces(others)}`));
      }
    }
    return out;
  },
};
