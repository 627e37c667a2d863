// Small units of the change-log code: visible text and its source map, key order, suggestions, drafter names,
// range overlap.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/model/index.js';
import { visibleText, segmentOf, sourceRange } from '../../src/changelog/text-map.js';
import { compareKeys, keyPosition } from '../../src/changelog/key-order.js';
import { levenshtein, nearest } from '../../src/util/suggest.js';
import { personalNameReason } from '../../src/changelog/drafter.js';
import { rangesOverlap } from '../../src/changelog/overlap.js';
import { parseOrThrow } from './helpers.js';

describe('visibleText', () => {
  it('agrees with plainText on every block and cell of sections/', () => {
    let n = 0;
    for (const f of readdirSync('sections')) {
      const doc = parseOrThrow(readFileSync(`sections/${f}`, 'utf8'), f);
      for (const b of doc.blocks) {
        for (const s of b.cells ?? [b.text]) {
          expect(visibleText(s).text).toBe(plainText(s));
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(500);
  });

  it('maps visible characters back to source, keeping the syntax around them', () => {
    const src = 'an Alert with the `sr:FirmwareVersionUpdate` element and **the DCC** or a\\*b &amp; [link text](https://x.org)';
    const v = visibleText(src);
    expect(v.text).toBe(plainText(src));
    const find = (phrase: string): [number, number] => {
      const i = v.text.indexOf(phrase);
      return sourceRange(v, i, i + phrase.length);
    };
    const [s, e] = find('sr:FirmwareVersionUpdate');
    expect(src.slice(s, e)).toBe('sr:FirmwareVersionUpdate');
    const [s2, e2] = find('a*b');
    expect(src.slice(s2, e2)).toBe('a\\*b');
    const [s3, e3] = find('&');
    expect(src.slice(s3, e3)).toBe('&amp;');
    const [s4, e4] = find('link text');
    expect(src.slice(s4, e4)).toBe('link text');
    // 'and the DCC' crosses into the bold text: no single segment holds it.
    const i = v.text.indexOf('and the DCC');
    expect(segmentOf(v, i, i + 'and the DCC'.length)).toBeNull();
  });

  it('agrees with plainText on arbitrary inline Markdown', () => {
    const piece = fc.constantFrom('word', ' ', '*', '**', '`', '\\*', '&amp;', '[', '](u)', '<br>', '_', 'x|y', '\\|', '1.', '#', '- ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const src = parts.join('').trim();
        const v = visibleText(src);
        expect(v.text).toBe(plainText(src));
        expect(v.srcStart).toHaveLength(v.text.length);
        for (const seg of v.segments) {
          if (!seg.matchable) continue;
          // Inside a matchable segment, each visible character's source reads back as that character.
          for (let k = seg.start; k < seg.end; k++) {
            const raw = src.slice(v.srcStart[k], v.srcEnd[k]);
            expect([v.text[k], `\\${v.text[k]}`]).toContain(raw.startsWith('&') ? v.text[k] : raw);
          }
        }
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('key order', () => {
  it('orders codes naturally and definitions alphabetically ignoring case and quotes', () => {
    expect(['E100', 'E9', 'E64', 'E63', 'E65'].sort(compareKeys)).toEqual(['E9', 'E63', 'E64', 'E65', 'E100']);
    expect(compareKeys("'Panel'", 'panel')).toBe(0);
    expect(compareKeys('SM WAN', 'Smart Meter')).toBeLessThan(0);
    expect(keyPosition(['E63', 'E65'], 'E64')).toBe(1);
    expect(keyPosition(['E99'], 'E100')).toBe(1);
    expect(keyPosition(['B', 'A', 'C'], 'AB')).toBeNull();
  });
});

describe('suggestions', () => {
  it('finds the nearest name within a third of its length', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(nearest('replase', ['replace', 'rewrite'])).toBe('replace');
    expect(nearest('fnd', ['find', 'with'])).toBe('find');
    expect(nearest('zzzzzz', ['find', 'with'])).toBeNull();
  });
});

describe('drafter', () => {
  it('accepts roles and organisations, refuses what looks like a person', () => {
    for (const ok of ['SECAS', 'DCC', 'Change Sub-Committee', 'Smart Energy Code Administrator and Secretariat']) expect(personalNameReason(ok)).toBeNull();
    expect(personalNameReason('Jo Bloggs')).toMatch(/personal name/);
    expect(personalNameReason('someone@example.org')).toMatch(/e-mail/);
  });
});

describe('range overlap', () => {
  it('treats touching ranges as separate and an insertion inside a range as overlapping', () => {
    expect(rangesOverlap({ start: 0, end: 3 }, { start: 3, end: 5 })).toBe(false);
    expect(rangesOverlap({ start: 0, end: 3 }, { start: 2, end: 5 })).toBe(true);
    expect(rangesOverlap({ start: 2, end: 2 }, { start: 0, end: 3 })).toBe(true);
    expect(rangesOverlap({ start: 3, end: 3 }, { start: 0, end: 3 })).toBe(false);
    expect(rangesOverlap({ start: 3, end: 3 }, { start: 3, end: 3 })).toBe(true);
  });
});
