// Parse → serialize is a fixed point on canonical documents, and the line scan agrees with the remark parse.
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { parseDocument, scanDocument, serializeDocument } from '../../src/model/index.js';
import { generatedDoc } from './generated-docs.js';

describe('round trip on generated documents', () => {
  it('parse → serialize reproduces the canonical text byte for byte', () => {
    fc.assert(
      fc.property(generatedDoc, ({ text }) => {
        const parsed = parseDocument(text, 'gen.md');
        expect(parsed.problems).toEqual([]);
        expect(serializeDocument(parsed.doc!)).toBe(text);
      }),
      { numRuns: runs(200) },
    );
  });

  it('finds exactly the IDs the generator wrote, in order', () => {
    fc.assert(
      fc.property(generatedDoc, ({ text, ids }) => {
        expect(parseDocument(text, 'gen.md').doc!.blocks.map((b) => b.id)).toEqual(ids);
      }),
      { numRuns: runs(200) },
    );
  });

  it('the line scan and the remark parse agree on every block (kind, ID, clause, line, text, cells)', () => {
    fc.assert(
      fc.property(generatedDoc, ({ text }) => {
        const scanned = scanDocument(text, 'gen.md');
        const parsed = parseDocument(text, 'gen.md');
        expect(scanned.problems).toEqual([]);
        expect(scanned.doc!.blocks).toEqual(parsed.doc!.blocks);
      }),
      { numRuns: runs(200) },
    );
  });
});
