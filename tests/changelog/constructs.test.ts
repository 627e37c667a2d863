// Edits inside the real SEC constructs of issue 10 (tests/fixtures/changelog-constructs/<case>): a limb of a
// definition amended, a continuation paragraph inserted, a footnote corrected, a 'Not used' range split by
// re-using one of its numbers, a definition added to an inner appendix. Each case has the documents before
// (sections/), the change log, and what is expected: after/ (the amended documents), diff.md (`diff --format
// md`) and annex.md (the Markdown Annex A). The redline's exactness invariant must hold.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { redlineErrors } from '../../src/redline/invariant.js';
import { docMap, parseOrThrow, run } from './helpers.js';

const root = join(import.meta.dirname, '../fixtures/changelog-constructs');
const tmp = mkdtempSync(join(tmpdir(), 'constructs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('change-log edits inside real SEC constructs', () => {
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    const files = readdirSync(join(dir, 'sections')).sort();
    it(`${name}: apply gives after/ exactly, with an exact redline`, async () => {
      const out = join(tmp, name);
      const r = await runCli(['apply', 'changes.yaml', '--sections', 'sections', '--out', out], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      for (const f of files) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(dir, 'after', f), 'utf8'));
      const docs = docMap(...files.map((f) => parseOrThrow(readFileSync(join(dir, 'sections', f), 'utf8'), f)));
      const { problems, result } = run(readFileSync(join(dir, 'changes.yaml'), 'utf8'), docs);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(redlineErrors(result!.redline)).toEqual([]);
    });

    it(`${name}: diff and annex show each change`, async () => {
      const diff = await runCli(['diff', 'sections', 'after', '--format', 'md'], dir);
      expect(diff.code).toBe(1);
      expect(diff.stdout).toBe(readFileSync(join(dir, 'diff.md'), 'utf8'));
      const annex = await runCli(['annex', 'changes.yaml', '--sections', 'sections', '--format', 'md'], dir);
      expect(annex.code).toBe(0);
      expect(annex.stdout).toBe(readFileSync(join(dir, 'annex.md'), 'utf8'));
    });
  }
});
