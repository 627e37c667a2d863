// Properties of the word diff over random texts built from a realistic alphabet (words, numbers, £-amounts,
// clause references, punctuation, Markdown syntax, whitespace, any Unicode) and random edit scripts applied to
// them: exactness with and without cleanup, whole tokens, and the tokenizer's lossless split.
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/diff/tokenize.js';
import { diffText, diffTokens } from '../../src/diff/word-diff.js';
import type { Span } from '../../src/redline/types.js';
import { spanContractErrors } from './critic.js';

const word = fc.constantFrom(
  'the', 'DCC', 'Panel', 'shall', 'notify', 'User', 'Users', "DCC's", 'non-SMETS2', 'Security', 'Incident', 'Major',
  'of', 'and', 'a', 'in', 'Fax', 'Email', 'sr:FirmwareVersionUpdate', 'sr:FirmwareVersionActivation', 'Device',
  'GUID', 'Working', 'Days', 'thirty', 'sixty', 'Not', 'used', 'SM', 'WAN',
);
const number = fc.oneof(
  fc.nat({ max: 100 }).map(String),
  fc.nat({ max: 99_999_999 }).map((n) => `£${n.toLocaleString('en-GB')}`),
  fc.tuple(fc.nat({ max: 999_999 }), fc.nat({ max: 99 })).map(([n, p]) => `£${n.toLocaleString('en-GB')}.${String(p).padStart(2, '0')}`),
  fc.tuple(fc.nat({ max: 9 }), fc.nat({ max: 9 })).map(([a, b]) => `${a}.${b}%`),
  fc.constantFrom('2024-06-27', '27/06/2024', '27', 'June', '2024'),
);
const reference = fc.constantFrom('G3.5', 'G3.5A', 'H17.5(a)', 'H17.5(a)(i)', '3.8.17.1', 'A1.1', 'F4.17', 'E64', 'M2.4');
const punctuation = fc.constantFrom(
  '.', ',', ';', ':', '(', ')', "'", '‘', '’', '"', '-', '—', '*', '**', '_', '`', '[', ']', '|', '<br>', '\\|',
  '&amp;', '£', '%', '/', '#', '<', '>',
);
const space = fc.constantFrom(' ', ' ', ' ', ' ', '  ', '\t', '\u00a0', '\n');
const unicode = fc.oneof(
  fc.constantFrom('café', 'cafe\u0301', '日本語', '👍', '👨‍👩‍👧', 'Ω', '\u200b', '\ud800', '\udfff'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
);
const piece = fc.oneof(
  { arbitrary: word, weight: 6 },
  { arbitrary: space, weight: 6 },
  { arbitrary: number, weight: 2 },
  { arbitrary: reference, weight: 1 },
  { arbitrary: punctuation, weight: 3 },
  { arbitrary: unicode, weight: 1 },
);
const pieces = fc.array(piece, { maxLength: 60 });
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), add: fc.array(piece, { maxLength: 6 }) });

/** A tiny alphabet: repeated tokens make ties, slides and folds (the cleanup's harder paths) common. */
const tinyPieces = fc.array(fc.constantFrom('the', 'a', 'DCC', ' ', ' ', '  ', '.', ',', '(', ')', '*', '£5'), { maxLength: 24 });

/** An old text and a new text made from it by a random edit script (or an unrelated one, now and then). */
const textPair = fc.oneof(
  { arbitrary: fc.tuple(tinyPieces, tinyPieces).map(([p, q]) => [p.join(''), q.join('')] as const), weight: 2 },
  { arbitrary: fc.tuple(pieces, fc.array(edit, { maxLength: 6 })).map(([p, edits]) => {
      const q = [...p];
      for (const e of edits) q.splice(q.length ? e.at % (q.length + 1) : 0, e.remove, ...e.add);
      return [p.join(''), q.join('')] as const;
    }), weight: 5 },
  { arbitrary: fc.tuple(pieces, pieces).map(([p, q]) => [p.join(''), q.join('')] as const), weight: 1 },
);

/** Offsets in the old (or new) text where one span ends and the next begins, on that side. */
function boundaries(spans: readonly Span[], side: 'old' | 'new'): number[] {
  const skip = side === 'old' ? 'insert' : 'delete';
  const out: number[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.op === skip) continue;
    pos += s.text.length;
    out.push(pos);
  }
  return out;
}

function tokenOffsets(text: string): Set<number> {
  const out = new Set<number>([0]);
  let pos = 0;
  for (const t of tokenize(text)) out.add((pos += t.length));
  return out;
}

/** Maximal runs of changed spans. */
const changedRegions = (spans: readonly Span[]): number =>
  spans.filter((s, i) => s.op !== 'equal' && (i === 0 || spans[i - 1]!.op === 'equal')).length;

describe('word diff properties', () => {
  it('tokenize(x).join("") === x for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (x) => tokenize(x).join('') === x),
      { numRuns: runs(2000) },
    );
    // Any UTF-16 code units, lone surrogates included.
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(fc.property(fc.string({ unit: codeUnit, maxLength: 80 }), (x) => tokenize(x).join('') === x), { numRuns: runs(2000) });
    fc.assert(fc.property(pieces, (p) => tokenize(p.join('')).join('') === p.join('')), { numRuns: runs(2000) });
  });

  it('exactness holds with and without cleanup', () => {
    fc.assert(
      fc.property(textPair, ([oldText, newText]) => {
        for (const cleanup of [true, false]) {
          const spans = diffText(oldText, newText, { cleanup });
          const errors = spanContractErrors(oldText, newText, spans);
          if (errors.length) throw new Error(`cleanup=${cleanup}: ${errors.join('; ')}`);
        }
      }),
      { numRuns: runs(5000) },
    );
  });

  it('never splits a token, and cleanup never adds changed regions', () => {
    fc.assert(
      fc.property(textPair, ([oldText, newText]) => {
        const cleaned = diffText(oldText, newText);
        const raw = diffText(oldText, newText, { cleanup: false });
        for (const spans of [cleaned, raw]) {
          expect(spanContractErrors(oldText, newText, spans)).toEqual([]);
          const oldTokens = tokenOffsets(oldText);
          const newTokens = tokenOffsets(newText);
          for (const b of boundaries(spans, 'old')) expect(oldTokens.has(b)).toBe(true);
          for (const b of boundaries(spans, 'new')) expect(newTokens.has(b)).toBe(true);
        }
        // Cleanup only folds, except that an insertion running past an old full stop (';', ':') splits at it:
        // at most one more region for each such mark followed by a space in the new text.
        const splits = (newText.match(/[.;:](?=\s)/g) ?? []).length;
        expect(changedRegions(cleaned)).toBeLessThanOrEqual(changedRegions(raw) + splits);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('identical inputs give one equal span, or none when empty', () => {
    fc.assert(
      fc.property(pieces, (p) => {
        const text = p.join('');
        for (const cleanup of [true, false]) {
          expect(diffText(text, text, { cleanup })).toEqual(text === '' ? [] : [{ op: 'equal', text }]);
        }
        expect(diffTokens(tokenize(text), tokenize(text))).toEqual(text === '' ? [] : [{ op: 'equal', text }]);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('diffTokens is exact over arbitrary token arrays', () => {
    const token = fc.oneof(piece, fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), fc.array(token, { maxLength: 30 }), (a, b) => {
        const spans = diffTokens(a, b);
        expect(spanContractErrors(a.join(''), b.join(''), spans)).toEqual([]);
      }),
      { numRuns: runs(2000) },
    );
  });
});
