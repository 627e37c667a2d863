// The fast path (line scan, trusted only when the file is canonical) must give exactly what the remark
// parse gives — on canonical documents and on every kind of damage we can think of.
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { parseDocument, readDocument, scanIfCanonical } from '../../src/model/index.js';
import { generatedDoc } from './generated-docs.js';

const mutations: ((lines: string[], i: number) => string[])[] = [
  (l, i) => l.filter((_, j) => j !== i || l[j] !== ''), // drop a blank line
  (l, i) => l.map((s, j) => (j === i ? `${s}  ` : s)), // trailing spaces (a hard break)
  (l, i) => l.map((s, j) => (j === i ? s.replace(/^- /, '* ') : s)), // another bullet
  (l, i) => [...l.slice(0, i), '> a quotation', ...l.slice(i)],
  (l, i) => [...l.slice(0, i), '', '1. an ordered item', '', ...l.slice(i)],
  (l, i) => l.map((s, j) => (j === i ? `    ${s}` : s)), // indented code
  (l, i) => l.map((s, j) => (j === i ? s.replace(/ (\S+)$/, '\n$1') : s)), // a wrapped line
  (l, i) => l.map((s, j) => (j === i ? s.replace(/ the /, ' _the_ ') : s)),
  (l, i) => l.map((s, j) => (j === i ? s.replace(/ /, ' www.example.org ') : s)),
  (l, i) => l.map((s, j) => (j === i ? s.replace(/ /, ' 1 < 2 & ') : s)),
  (l, i) => l.map((s, j) => (j === i ? `#${s}` : s)),
  (l, i) => l.map((s, j) => (j === i ? s.replace(/\|/, '\\|') : s)),
];

describe('readDocument: fast path agrees with the remark parse', () => {
  it('takes the fast path on canonical documents, with identical blocks', () => {
    fc.assert(
      fc.property(generatedDoc, ({ text }) => {
        const fast = scanIfCanonical(text, 'gen.md');
        expect(fast).not.toBeNull();
        expect(fast!.blocks).toEqual(parseDocument(text, 'gen.md').doc!.blocks);
      }),
      { numRuns: runs(100) },
    );
  });

  it('gives what the parser gives on damaged documents', () => {
    fc.assert(
      fc.property(generatedDoc, fc.nat(), fc.nat({ max: mutations.length - 1 }), ({ text }, at, m) => {
        const lines = text.split('\n');
        const body = lines.indexOf('---', 1) + 1;
        const i = body + (at % (lines.length - body));
        const damaged = mutations[m]!(lines, i).join('\n');
        expect(readDocument(damaged, 'gen.md')).toEqual(parseDocument(damaged, 'gen.md'));
      }),
      { numRuns: runs(250) },
    );
  });
});
