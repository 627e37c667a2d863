// The word diff on hand-written cases: tests/fixtures/word-diff/<case>/{old,new,expected}.txt, expected being
// the CriticMarkup rendering of diffText(old, new); expected-raw.txt, where present, the rendering without
// cleanup (to show that cleanup is what produced the expected reading).
import { describe, expect, it } from 'vitest';
import { diffText } from '../../src/diff/word-diff.js';
import { loadFixtures, renderCritic, spanContractErrors } from './critic.js';

const fixtures = loadFixtures();

describe('word-diff fixtures', () => {
  it('has the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });

  for (const f of fixtures) {
    it(f.name, () => {
      const spans = diffText(f.oldText, f.newText);
      expect(spanContractErrors(f.oldText, f.newText, spans)).toEqual([]);
      expect(renderCritic(spans)).toBe(f.expected);
      if (f.expectedRaw !== null) {
        const raw = diffText(f.oldText, f.newText, { cleanup: false });
        expect(spanContractErrors(f.oldText, f.newText, raw)).toEqual([]);
        expect(renderCritic(raw)).toBe(f.expectedRaw);
        expect(f.expectedRaw).not.toBe(f.expected);
      }
    });
  }
});
