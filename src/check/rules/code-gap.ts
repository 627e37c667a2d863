// code-gap: a gap in a run of codes in a table's first column (E63, E65 → E64 missing). A code is a key made
// of a letter prefix and a number ('E64', 'RC-05'); a run is the consecutive rows whose keys share the prefix
// (rows with an empty first cell are skipped, any other key ends the run). A retired code keeps its row with
// 'Not used', so a missing row is a mistake. Numbers without a letter prefix (priorities, years) are not codes,
// and definitions tables ('SMETS1', 'SMETS2') are not runs of codes. Only gaps inside a dense run are flagged:
// a gap is reported when it is at most DENSE_GAP codes wide or no wider than the run so far is long, so a
// deliberately sparse table (DUIS's I0 and I99) is not a run with 98 codes missing.

import type { Block, Problem } from '../../model/types.js';
import type { Rule } from '../types.js';
import { definitionTables } from '../definitions.js';
import { finding } from '../where.js';

const name = 'code-gap';
const CODE = /^([A-Za-z][A-Za-z_-]*?)(\d+)$/;
/** A gap this narrow is always a mistake, however short the run before it. */
export const DENSE_GAP = 3;

export const codeGap: Rule = {
  name,
  severity: 'error',
  description: 'a gap in a run of codes in the first column of a table (E63, E65 → E64 missing)',
  scope: 'document',
  checkDocument(doc) {
    const out: Problem[] = [];
    const definitions = new Set(definitionTables(doc).map((t) => t.table.id));
    let run: { table: string; prefix: string; n: number; digits: string; row: Block; length: number } | null = null;
    for (const b of doc.blocks) {
      if (b.kind !== 'row' || !b.table || definitions.has(b.table)) {
        run = null;
        continue;
      }
      if (run && run.table !== b.table) run = null;
      if (!b.key) continue;
      const m = CODE.exec(b.key);
      if (!m) {
        run = null;
        continue;
      }
      const prefix = m[1]!;
      const n = Number(m[2]!);
      const missingHere = run ? n - run.n - 1 : 0;
      if (run && run.prefix === prefix && n > run.n + 1 && (missingHere <= DENSE_GAP || missingHere <= run.length)) {
        const width = run.digits.length;
        const code = (k: number): string => `${prefix}${String(k).padStart(width, '0')}`;
        const missing = n - run.n - 1;
        const what = missing === 1 ? `${code(run.n + 1)} missing` : `${code(run.n + 1)} to ${code(n - 1)} missing (${missing} codes)`;
        out.push(finding(doc.file, b.line, b.column, 'error', name, `Gap in the codes of table ${b.table}: ${what} between '${run.row.key}' and '${b.key}'`));
      }
      run = { table: b.table, prefix, n, digits: m[2]!, row: b, length: run && run.prefix === prefix ? run.length + 1 : 1 };
    }
    return out;
  },
};
