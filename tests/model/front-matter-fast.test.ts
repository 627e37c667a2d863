// Canonical front matter is read line by line, without the YAML library (front-matter.ts, canonicalValues); the
// result must be exactly what the YAML reader gives. A comment line after the four keys sends the same text down
// the YAML path, so the two readings can be compared on any value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFrontMatter, serializeFrontMatter } from '../../src/model/front-matter.js';
import { runs } from '../helpers/runs.js';

const read = (title: string, code: string, viaYaml: boolean) => {
  const lines = ['---', 'kind: schedule', `code: ${code}`, `title: ${title}`, 'version: SEC 2024-06', ...(viaYaml ? ['# read by YAML'] : []), '---', '', 'Text.'];
  const r = readFrontMatter(lines, 'x.md');
  // A syntax error's position is left out: an unclosed quote reaches the comment line, so YAML places it later.
  return { meta: r.meta, problems: r.problems.map((p) => (p.message.includes('not valid YAML') ? p.message : `${p.line}:${p.column} ${p.message}`)) };
};

describe('front matter read by line', () => {
  it('gives what the YAML reader gives, for any written value', () => {
    const value = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'Z', '0', '9', ' ', "'", ':', '#', '.', '-', '(', ')', '&', '/', '"', '\t', 'é', '\u2028'), maxLength: 12 }),
      fc.constantFrom('null', 'Null', '~', 'true', 'No', '5.10', '0x1F', "'It''s'", "'a'b'", "''", "'  '", 'SEC 2024-06', "DUIS 5.3", '8', '08'),
    );
    fc.assert(
      fc.property(value, fc.constantFrom('8', '11', "'8'", 'AB'), (title, code) => {
        expect(read(title, code, false)).toEqual(read(title, code, true));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('reads back every front matter fmt writes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 16 }).filter((t) => t.trim() === t && t.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(t)), (title) => {
        const meta = { kind: 'section' as const, code: 'G', title, version: 'SEC 2024-06' };
        const lines = `${serializeFrontMatter(meta)}\nG1.1 Text.\n`.split('\n');
        expect(readFrontMatter(lines, 'x.md').meta).toEqual(meta);
      }),
      { numRuns: runs(1000) },
    );
  });
});
