// Test helpers for the word diff: a tiny CriticMarkup renderer of spans, a structural check of the word diff's
// span contract, and the fixture loader. The renderer deliberately does not reuse src/render/critic-spans.ts: it
// renders spans as they are (no merging), so the word-diff fixtures test the diff alone, and a bug in the
// product renderer cannot hide one in the diff.
//
// Rendering: equal text as is, a deletion as {--x--}, an insertion as {++y++}, and a deletion immediately
// followed by an insertion as one substitution {~~x~>y~~}.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../src/redline/types.js';
import { textChangeError } from '../../src/redline/invariant.js';

export function renderCritic(spans: readonly Span[]): string {
  let out = '';
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const next = spans[i + 1];
    if (span.op === 'equal') out += span.text;
    else if (span.op === 'delete' && next?.op === 'insert') {
      out += `{~~${span.text}~>${next.text}~~}`;
      i++;
    } else if (span.op === 'delete') out += `{--${span.text}--}`;
    else out += `{++${span.text}++}`;
  }
  return out;
}

/**
 * Every way `spans` breaks the word diff's contract for oldText → newText: the exactness invariant, no empty
 * span, no `items`, no two adjacent spans with one op, no insertion directly before a deletion.
 */
export function spanContractErrors(oldText: string, newText: string, spans: readonly Span[]): string[] {
  const errors: string[] = [];
  const exact = textChangeError({ old: oldText, new: newText, spans: [...spans] });
  if (exact) errors.push(exact);
  spans.forEach((s, i) => {
    if (s.text === '') errors.push(`span ${i} is empty`);
    if (s.items !== undefined) errors.push(`span ${i} has items`);
    const next = spans[i + 1];
    if (next && next.op === s.op) errors.push(`spans ${i} and ${i + 1} are both ${s.op}`);
    if (next && s.op === 'insert' && next.op === 'delete') errors.push(`insertion ${i} comes before deletion ${i + 1}`);
  });
  return errors;
}

export interface WordDiffFixture {
  name: string;
  oldText: string;
  newText: string;
  /** CriticMarkup of diffText(old, new) (cleanup on). */
  expected: string;
  /** CriticMarkup of diffText(old, new, { cleanup: false }), for the fixtures that show what cleanup does. */
  expectedRaw: string | null;
}

export const fixturesRoot = join(import.meta.dirname, '../fixtures/word-diff');

/** Fixture files end with one newline for editors' sake; it is not part of the text. */
function readText(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

export function loadFixtures(): WordDiffFixture[] {
  return readdirSync(fixturesRoot)
    .sort()
    .map((name) => {
      const dir = join(fixturesRoot, name);
      const raw = join(dir, 'expected-raw.txt');
      return {
        name,
        oldText: readText(join(dir, 'old.txt')),
        newText: readText(join(dir, 'new.txt')),
        expected: readText(join(dir, 'expected.txt')),
        expectedRaw: existsSync(raw) ? readText(raw) : null,
      };
    });
}
