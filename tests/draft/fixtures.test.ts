// One fixture per case where renumbering meets editing (tests/fixtures/draft/<case>/): old.md, new.md, the
// expected `diff --format md` (expected-diff.md) and the expected drafted change log (expected-changes.yaml),
// which must apply to old.md and give new.md byte for byte. UPDATE_FIXTURES=1 rewrites the expected files
// (review them!).
//   inserted-clause        a new G3.6; the old G3.6, now G3.7, has E64 → E65
//   removed-clause         G3.6 removed; G3.7, now G3.6, has 'shall' → 'may'
//   inserted-subparagraph  a new (c); the old (c), now (d), edited
//   nested-subparagraph    the first sub-paragraphs (i), (ii) under an existing (b)
//   reordered-rows         E64 inserted between E63 and E65; E65 and E66 swapped

import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(process.cwd(), 'tests', 'fixtures', 'draft');
const update = process.env['UPDATE_FIXTURES'] === '1';

function expectFile(file: string, got: string): void {
  if (update) writeFileSync(file, got);
  expect(existsSync(file), `${file} is missing (UPDATE_FIXTURES=1 writes it)`).toBe(true);
  expect(got).toBe(readFileSync(file, 'utf8'));
}

describe('renumbering with edits: diff and drafted change log', () => {
  for (const name of readdirSync(ROOT).sort()) {
    const dir = join(ROOT, name);
    it(`${name}: diff --format md`, async () => {
      const r = await runCli(['diff', 'old.md', 'new.md', '--format', 'md'], dir);
      expect(r.code).toBe(1);
      expectFile(join(dir, 'expected-diff.md'), r.stdout);
    });
    it(`${name}: changelog, applied, gives new.md`, async () => {
      const r = await runCli(['changelog', 'old.md', 'new.md', '--mod', 'MP270', '--title', 'Renumbering fixture', '--date', '2026-01-05'], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expectFile(join(dir, 'expected-changes.yaml'), r.stdout);
      expect(r.stdout).not.toMatch(/blocks:/);
      // apply works on a directory of documents: put old.md there under its canonical name.
      const tmp = mkdtempSync(join(tmpdir(), 'sec-draft-fx-'));
      try {
        const fileName = readFileSync(join(dir, 'old.md'), 'utf8').match(/^kind: (\w+)\ncode: (\w+)$/m)!.slice(1).join('-') + '.md';
        mkdirSync(join(tmp, 'sections'));
        copyFileSync(join(dir, 'old.md'), join(tmp, 'sections', fileName));
        writeFileSync(join(tmp, 'changes.yaml'), r.stdout);
        const a = await runCli(['apply', join(tmp, 'changes.yaml'), '--sections', join(tmp, 'sections'), '--out', join(tmp, 'out')], dir);
        expect(a.stderr).toBe('');
        expect(readFileSync(join(tmp, 'out', fileName), 'utf8')).toBe(readFileSync(join(dir, 'new.md'), 'utf8'));
        // Its Annex A shows the same clause text as the annex of the two versions (renumbered, not rewritten).
        const fromLog = await runCli(['annex', join(tmp, 'changes.yaml'), '--sections', join(tmp, 'sections'), '--format', 'md'], dir);
        expect(fromLog.stderr).toBe('');
        const compared = await runCli(['annex', 'old.md', 'new.md', '--format', 'md', '--date', '2026-01-05'], dir);
        const clauseLines = (md: string): string[] =>
          md
            .split('\n')
            .filter((l) => /\{(\+\+|--|~~)/.test(l) && !l.startsWith('Deleted text'))
            // The annex of a change log carries its items' notes as CriticMarkup comments; a comparison has no items.
            .map((l) => l.replace(/ \{>>(?:(?!<<\}).)*<<\}/g, ''));
        expect(clauseLines(fromLog.stdout)).toEqual(clauseLines(compared.stdout));
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });
  }
});
