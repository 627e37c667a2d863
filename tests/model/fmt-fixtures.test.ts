// fmt turns non-canonical spellings into the canonical form, and the canonical form is a fixed point.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, serializeDocument } from '../../src/model/index.js';

const root = join(import.meta.dirname, '../fixtures/fmt');

describe('fmt fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, () => {
      const input = readFileSync(join(root, name, 'input.md'), 'utf8');
      const expected = readFileSync(join(root, name, 'expected.md'), 'utf8');
      const parsed = parseDocument(input, 'input.md');
      expect(parsed.problems).toEqual([]);
      const out = serializeDocument(parsed.doc!);
      expect(out).toBe(expected);
      // And the expected text is itself canonical.
      expect(serializeDocument(parseDocument(expected, 'expected.md').doc!)).toBe(expected);
      expect(input === expected).toBe(false); // each fixture must exercise a change
    });
  }
});
