// The import benchmark's Word document: deterministic, and imported without a warning (so the bench times the
// ordinary path: Word numbering, styles, a definitions table).

import { describe, expect, it } from 'vitest';
import { generateWordDocument } from '../../bench/word-corpus.js';
import { importDocx } from '../../src/import/index.js';

describe('bench/word-corpus.js', () => {
  it('gives the same bytes for the same seed, and imports cleanly', () => {
    const a = generateWordDocument({ pages: 120 });
    const b = generateWordDocument({ pages: 120 });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const res = importDocx(a.bytes, 'word.docx');
    expect(res.problems).toEqual([]);
    expect(res.doc.meta).toMatchObject({ kind: 'section', code: 'X' });
    expect(res.summary.clauses).toBeGreaterThan(500);
    expect(res.summary.subparagraphs).toBeGreaterThan(300);
    expect(res.summary.definitions).toBeGreaterThan(0);
  });
});
