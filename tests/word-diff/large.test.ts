// Long blocks: two 5,000-word paragraphs with 1% of the words changed must diff (the test asserts no timing,
// only that the diff returns, stays exact and keeps the changes local), and so must two unrelated ones.
import { describe, expect, it } from 'vitest';
import { diffText } from '../../src/diff/word-diff.js';
import { spanContractErrors } from './critic.js';

const VOCABULARY = (
  'the DCC shall notify Panel User Party Security Incident Major of and in a to by with for each any such ' +
  'Services Code Section Working Days £35,000,000 30 G3.5 H17.5(a) 3.8.17.1 Device GUID SMETS2 report within ' +
  'provided that subject accordance requirements Authority may must not Email Fax sr:FirmwareVersionUpdate'
).split(' ');

/** A small deterministic generator, so the test is the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function paragraph(words: number, rnd: () => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    let w = VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]!;
    if (rnd() < 0.06) w += rnd() < 0.5 ? ',' : ';';
    out.push(w);
  }
  return out;
}

function changedChars(spans: { op: string; text: string }[]): number {
  return spans.filter((s) => s.op !== 'equal').reduce((n, s) => n + s.text.length, 0);
}

describe('long paragraphs', () => {
  it('diffs two 5,000-word paragraphs with 1% changes', () => {
    const rnd = random(20240627);
    const oldWords = paragraph(5000, rnd);
    const newWords = [...oldWords];
    for (let k = 0; k < 50; k++) {
      const at = Math.floor(rnd() * newWords.length);
      const r = rnd();
      if (r < 0.4) newWords[at] = `changed${k}`;
      else if (r < 0.7) newWords.splice(at, 0, `inserted${k}`);
      else newWords.splice(at, 1);
    }
    const oldText = oldWords.join(' ');
    const newText = newWords.join(' ');
    for (const cleanup of [true, false]) {
      const spans = diffText(oldText, newText, { cleanup });
      expect(spanContractErrors(oldText, newText, spans)).toEqual([]);
      // 50 edits of a word each: the changes stay local and the bulk of the text stays equal.
      const regions = spans.filter((s, i) => s.op !== 'equal' && (i === 0 || spans[i - 1]!.op === 'equal')).length;
      expect(regions).toBeLessThanOrEqual(50);
      expect(changedChars(spans)).toBeLessThan(oldText.length * 0.05);
    }
  });

  it('diffs two unrelated 5,000-word paragraphs', () => {
    const rnd = random(7);
    const oldText = paragraph(5000, rnd).join(' ');
    const newText = paragraph(5000, rnd).join(' ');
    const spans = diffText(oldText, newText);
    expect(spanContractErrors(oldText, newText, spans)).toEqual([]);
  });

  it('bounds the search on two unrelated 20,000-word paragraphs and stays exact', () => {
    // Beyond the Myers work budget (src/diff/myers.ts) the unsolved middle is replaced whole.
    const rnd = random(11);
    const oldText = paragraph(20000, rnd).join(' ');
    const newText = paragraph(20000, rnd).join(' ');
    const spans = diffText(oldText, newText);
    expect(spanContractErrors(oldText, newText, spans)).toEqual([]);
  });
});
