// The shortcuts check's rules take on every block must answer exactly what the full computation answers:
// rowCellCount (table-shape) against splitRow's cells, isPointer's first-letter test (duplicate-definition)
// against reading the meaning's Markdown in full, labelIndex's lookup (subparagraph-order) against writing labels,
// numberSegments' character reading (numbering-order) against its pattern.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../helpers/runs.js';
import { rowCellCount, splitRow } from '../../src/model/table-syntax.js';
import { acronymOf, isPointer, readsAsPointer } from '../../src/check/definitions.js';
import { labelAt, labelIndex, LEVEL_STYLES, numberSegments, toAlpha, toRoman } from '../../src/model/numbering.js';

const pieces = (list: string[], max: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...list), { maxLength: max }).map((p) => p.join(''));

describe('rowCellCount', () => {
  const line = pieces(['|', '\\|', '\\', ' ', '\t', '\r', 'a', 'b c', '**x**', '`|`', '\u00a0', '\\\\'], 14);
  it('is the number of cells splitRow finds, or null where it finds none', () => {
    fc.assert(fc.property(line, (l) => {
      expect(rowCellCount(l)).toBe(splitRow(l)?.length ?? null);
    }), { numRuns: runs(3000) });
    for (const l of ['| a | b |', '| a | b', '|', '', 'a | b', '| a \\| b |', '| a |  ', '| a | b \\'])
      expect(rowCellCount(l)).toBe(splitRow(l)?.length ?? null);
  });
});

describe("isPointer's first-letter test", () => {
  const meaning = pieces([
    'has', 'Has', 'shall have', 'Shall', 'means', 'Means', ' the meaning', ' the meanings', ' given', ' to that expression',
    ' in', ' under', ' by', ' Section A', ' this Code', ' clause 3.2', '.', ';', ' ', '\u00a0', '\t', '*', '**', '`', '_',
    '\\', '&#104;', '&amp;', '<br>', '[', ']', '(', ')', 'www.', 'http://', 'mailto:', 'x@y.z', 'h', 's', 'a', '1', '#', '-',
  ], 10);
  it('answers what reading the Markdown in full answers', () => {
    fc.assert(fc.property(meaning, (m) => {
      expect(isPointer(m)).toBe(readsAsPointer(m));
    }), { numRuns: runs(500) });
    expect(isPointer('has the meaning given in Section A1.1.')).toBe(true);
    expect(isPointer('**has** the meaning given to that expression in Section A')).toBe(true);
    expect(isPointer('means the meaning given in Section A')).toBe(false);
  });
});

describe('labelIndex', () => {
  it('is the position labelAt writes, for every label up to (zz) and (lx)', () => {
    for (const style of LEVEL_STYLES) {
      const max = style.endsWith('roman') ? 60 : 702;
      for (let n = 1; n <= max; n++) expect(labelIndex(style, labelAt(style, n))).toBe(n);
      expect(labelIndex(style, labelAt(style, max + 1))).toBeNull();
    }
    expect(labelIndex('lower-alpha', '(A)')).toBeNull();
    expect(labelIndex('upper-roman', '(iv)')).toBeNull();
    expect(labelIndex('lower-roman', '(iiii)')).toBeNull();
    expect([toAlpha(27), toRoman(49)]).toEqual(['aa', 'xlix']);
  });
});

describe('numberSegments', () => {
  const number = pieces(['1', '2', '0', '17', '.', 'A', 'B', 'Z', 'a', ' ', '-', '(', 'G', '٣'], 8);
  it('reads each segment as /^(\\d+)([A-Z]*)$/ does', () => {
    fc.assert(fc.property(fc.constantFrom({ kind: 'section' as const, code: 'G' }, { kind: 'appendix' as const, code: 'AD' }), number, (ref, n) => {
      const body = ref.kind === 'section' ? n.slice(1) : n;
      const expected = body.split('.').map((seg) => {
        const m = /^(\d+)([A-Z]*)$/.exec(seg);
        return { n: m ? Number(m[1]) : NaN, suffix: m ? m[2]! : seg };
      });
      expect(numberSegments(ref, n)).toEqual(expected);
    }), { numRuns: runs(2000) });
  });
});

describe('acronymOf', () => {
  const term = pieces(['Transport', 'Layer', 'security', 'TLS', 'A', 'b', '1', ' ', '  ', '\t', '\u00a0', 'É'], 6);
  it("refuses cheaply exactly where the words' initials would not make one", () => {
    fc.assert(fc.property(term, (t) => {
      const words = t.trim().split(/\s+/);
      const expected = words.length < 2 || !words.every((w) => /^[A-Z]/.test(w)) ? null : words.map((w) => w[0]).join('');
      expect(acronymOf(t)).toBe(expected);
    }), { numRuns: runs(2000) });
  });
});
