// duplicate-key: a key (the plain text of a row's first cell) that occurs twice in one table. The model still
// gives the second row an ID ('…[Key#2]'), but a change log or reader naming the key cannot tell them apart.
// Definitions tables are left to duplicate-definition; rows with an empty first cell have no key to clash.

import type { Block, Problem } from '../../model/types.js';
import type { Rule } from '../types.js';
import { definitionTables } from '../definitions.js';
import { finding, placeOf } from '../where.js';

const name = 'duplicate-key';

export const duplicateKey: Rule = {
  name,
  severity: 'error',
  description: "a row key that occurs twice in one table (the second row's ID becomes '…[Key#2]')",
  scope: 'document',
  checkDocument(doc) {
    const out: Problem[] = [];
    const definitions = new Set(definitionTables(doc).map((t) => t.table.id));
    const seen = new Map<string, Block>(); // table ID + key → first row
    for (const b of doc.blocks) {
      if (b.kind !== 'row' || !b.key || !b.table || definitions.has(b.table)) continue;
      const k = `${b.table}\u0000${b.key}`;
      const first = seen.get(k);
      if (!first) {
        seen.set(k, b);
        continue;
      }
      out.push(finding(doc.file, b.line, b.column, 'error', name,
        `Duplicate key '${b.key}' in table ${b.table}: first at ${placeOf(doc, first)} (this row's ID is ${b.id})`));
    }
    return out;
  },
};
