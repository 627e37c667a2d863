// The worked example end to end: annexes/housekeeping-2024/changes.yaml applied to sections/ through the
// `annex` and `table` commands, and the tracked DOCX checked against pandoc clause by clause.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChangeLog } from '../../src/cli/run-change-log.js';
import { runCli } from '../helpers/run-cli.js';
import type { CliContext } from '../../src/cli/context.js';
import { buildAnnex } from '../../src/annex/build.js';
import { redlineErrors } from '../../src/redline/invariant.js';
import { requireTool } from '../helpers/tools.js';
import { pandocUnits } from '../docx/pandoc.js';
import { actualLines, expectedLines } from '../docx/oracle.js';

const CWD = process.cwd();
const CHANGES = 'annexes/housekeeping-2024/changes.yaml';

const run = (argv: string[]) => runCli(argv, CWD);

// No skip on a missing file: the worked example is committed, and a test that could vanish could never fail.
describe('annex and table commands on the housekeeping example', () => {
  it('the worked example is present', () => {
    expect(existsSync(join(CWD, CHANGES))).toBe(true);
  });
  let tmp = '';
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'annex-cli-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const ctx: CliContext = { argv: [], cwd: CWD, env: {}, stdout: { write: () => true }, stderr: { write: () => true } };

  it('writes every format and mode, deterministically', async () => {
    for (const mode of ['visual', 'tracked', 'clean']) {
      const a = join(tmp, `a-${mode}.docx`);
      const b = join(tmp, `b-${mode}.docx`);
      const r = await run(['annex', CHANGES, '-o', a, '--mode', mode]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/wrote Annex A to .*\(docx, /);
      if (mode === 'tracked') {
        await run(['annex', CHANGES, '-o', b, '--mode', mode]);
        expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
      }
    }
    const md = await run(['annex', CHANGES]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('**Insert new Section G3.5A after Section G3.5 as follows:**');
    expect(md.stdout).toContain("**Amend Sections M6.2, M10.1 and M10.2 as follows, where each reference to 'Fax' is replaced or removed as shown:**");
    expect(md.stdout).toContain("**Delete the row 'By Fax' from the table in Section M10.3:**");
    expect(md.stdout).toContain("**Amend Sections M10.4 and M10.5 as follows, where each reference to 'Fax' is replaced as shown:**");
    expect(md.stdout).toContain("**Insert a new paragraph after the fourth paragraph of the part headed 'Annex to Section F4' (after Section F4.17) as follows:**");
    const html = await run(['annex', CHANGES, '--format', 'html']);
    expect(html.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('refuses bad usage with exit 2', async () => {
    expect((await run(['annex', CHANGES, '--mode', 'tracked'])).code).toBe(2);
    expect((await run(['annex', CHANGES, '--format', 'docx'])).code).toBe(2);
    expect((await run(['annex', CHANGES, '-o', join(tmp, 'x.pdf')])).code).toBe(2);
    expect((await run(['annex', CHANGES, '-o', join(tmp, 'x.docx'), '--mode', 'shiny'])).code).toBe(2);
  });

  it('writes the items table, one row per item', async () => {
    const r = await run(['table', CHANGES]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('| Item | Summary of error | Sections affected | Proposed change |');
    expect(lines.length - 2).toBe(27);
    const docx = await run(['table', CHANGES, '-o', join(tmp, 'items.docx')]);
    expect(docx.code).toBe(0);
  });

  it('tracked DOCX: pandoc accept/reject give the new/old clauses', ({ skip }) => {
    // requireTool fails this test in CI when pandoc is missing, and skips it loudly elsewhere.
    if (!requireTool('pandoc')) return skip();
    const { log, result: { redline } } = runChangeLog(CHANGES, 'sections', false, ctx);
    expect(redlineErrors(redline)).toEqual([]);
    const annex = buildAnnex(redline, { modId: log.modification.id, title: log.modification.title, drafter: log.drafter, date: log.date, release: log.release });
    const docx = readFileSync(join(tmp, 'a-tracked.docx'));
    for (const side of ['accept', 'reject'] as const) {
      expect(actualLines(pandocUnits(docx, side))).toEqual(expectedLines(annex, side));
    }
  });
});
