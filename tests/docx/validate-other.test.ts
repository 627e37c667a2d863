// ECMA-376 schema validation (../shared/ooxml/validate-docx) of every DOCX the project writes that is not an
// Annex A redline: the items table, the release's impact matrix (by document and by clause) and the conformed
// copies a release publishes. The annexes and release redlines are validated with their own tests; the
// rendered documents in tests/render.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { canValidateDocx, validateDocx } from '../helpers/validate-docx.js';

const REPO = join(import.meta.dirname, '..', '..');

describe.skipIf(!canValidateDocx())('every other DOCX the project writes is schema-valid', () => {
  it('the items table, the impact matrices and the conformed copies of a release', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-other-'));
    const files: string[] = [];
    const run = async (args: string[]): Promise<void> => {
      const r = await runCli(args, REPO);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    };
    await run(['table', 'annexes/housekeeping-2024/changes.yaml', '-o', join(dir, 'items.docx')]);
    await run(['release', 'releases/example.yaml', '--matrix', '--include-targeted', '-o', join(dir, 'matrix.docx')]);
    await run(['release', 'releases/example.yaml', '--matrix', '--by-clause', '-o', join(dir, 'matrix-by-clause.docx')]);
    files.push(join(dir, 'items.docx'), join(dir, 'matrix.docx'), join(dir, 'matrix-by-clause.docx'));
    await run(['release', 'releases/example.yaml', '--include-targeted', '--out', join(dir, 'release')]);
    // Two conformed copies stand for all nine (the renderer's own tests validate every sample document).
    const conformed = readdirSync(join(dir, 'release')).filter((f) => /^(section-G|appendix-AD)-.*\.docx$/.test(f));
    expect(conformed).toEqual(['appendix-AD-DUIS-5.3.docx', 'section-G-SEC-2024-06.docx']);
    files.push(...conformed.map((f) => join(dir, 'release', f)));
    expect(validateDocx(...files)).toEqual([]);
  }, 120_000);
});
