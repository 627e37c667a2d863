// Golden fixtures: tests/fixtures/diff/<case>/old.md + new.md → expected.md (`diff --format md`) and, where
// present, expected.json (`diff --format json`). UPDATE_FIXTURES=1 rewrites the expected files (review them!).
// Independently of the golden text, every source line of the Markdown redline must give a line of old.md
// when every mark is rejected and a line of new.md when every mark is accepted.

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { acceptCritic, isCommentLine, rejectCritic } from './critic.js';

const root = join(import.meta.dirname, '..', 'fixtures', 'diff');
const cases = readdirSync(root).filter((d) => existsSync(join(root, d, 'old.md'))).sort();
const update = process.env['UPDATE_FIXTURES'] === '1';

function bodyLines(file: string): Set<string> {
  return new Set(readFileSync(file, 'utf8').split('\n'));
}

describe('diff fixtures', () => {
  it('has the cases the issue asks for', () => {
    for (const c of ['amounts-and-numbers', 'rewritten-sentence', 'inserted-clause', 'not-used-clause', 'moved-clause', 'renumbered-clause', 'table-rows', 'whitespace-only', 'punctuation-only', 'identical']) {
      expect(cases).toContain(c);
    }
  });

  for (const name of cases) {
    const dir = join(root, name);
    it(`${name}: Markdown redline`, async () => {
      const r = await runCli(['diff', 'old.md', 'new.md', '--format', 'md'], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(name === 'identical' ? 0 : 1);
      const expectedFile = join(dir, 'expected.md');
      if (update) writeFileSync(expectedFile, r.stdout);
      expect(existsSync(expectedFile), `${expectedFile} is missing (UPDATE_FIXTURES=1 writes it)`).toBe(true);
      expect(r.stdout).toBe(readFileSync(expectedFile, 'utf8'));

      const oldLines = bodyLines(join(dir, 'old.md'));
      const newLines = bodyLines(join(dir, 'new.md'));
      for (const line of r.stdout.split('\n')) {
        if (line === '' || isCommentLine(line) || line.startsWith('# ')) continue;
        const rejected = rejectCritic(line);
        const accepted = acceptCritic(line);
        // A whole inserted line rejects to nothing, a whole deleted line accepts to nothing.
        if (rejected !== '') expect(oldLines, `reject: ${line}`).toContain(rejected);
        if (accepted !== '') expect(newLines, `accept: ${line}`).toContain(accepted);
      }
    });

    if (existsSync(join(dir, 'expected.json')) || (update && name !== 'identical')) {
      it(`${name}: JSON`, async () => {
        const r = await runCli(['diff', 'old.md', 'new.md', '--format', 'json'], dir);
        expect(r.code).toBe(name === 'identical' ? 0 : 1);
        const expectedFile = join(dir, 'expected.json');
        if (update) writeFileSync(expectedFile, r.stdout);
        expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
      });
    }
  }
});
