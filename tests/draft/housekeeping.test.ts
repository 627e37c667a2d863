// The housekeeping example both ways: MP250 applied to sections/, a change log drafted from sections/ to the
// result (through the CLI), applied again → the same bytes in every document; and the Annex A built from the
// drafted log has the same legal text as the one built from the committed log (every clause, block, label and
// cell, old and new side), only the items and instructions may differ.

import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { applyChangeLog, loadChangeLog } from '../../src/changelog/index.js';
import { buildAnnex } from '../../src/annex/build.js';
import type { AnnexDocument } from '../../src/annex/types.js';
import { docId, readDocument } from '../../src/model/index.js';
import type { SecDocument } from '../../src/model/types.js';

const CWD = process.cwd();
const CHANGES = 'annexes/housekeeping-2024/changes.yaml';
let tmp: string;
let drafted: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'sec-draft-'));
  expect((await runCli(['apply', CHANGES, '--out', join(tmp, 'amended')], CWD)).code).toBe(0);
  const r = await runCli(['changelog', 'sections', join(tmp, 'amended'), '--mod', 'MP250', '--title', 'SEC Housekeeping 2024', '--date', '2024-05-22', '-o', join(tmp, 'drafted.yaml')], CWD);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/^MP250: wrote .*drafted\.yaml: \d+ items over 9 documents \(/);
  drafted = readFileSync(join(tmp, 'drafted.yaml'), 'utf8');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sections(): Map<string, SecDocument> {
  const out = new Map<string, SecDocument>();
  for (const f of readdirSync('sections').filter((n) => n.endsWith('.md'))) {
    const { doc } = readDocument(readFileSync(join('sections', f), 'utf8'), join('sections', f));
    out.set(docId(doc!.meta), doc!);
  }
  return out;
}

/** The legal text of an annex: per part, each clause's blocks, old and new side, without items. */
function legalText(a: AnnexDocument): unknown {
  return a.parts.map((p) => ({
    doc: p.docId,
    content: p.content.flatMap((c) =>
      c.type !== 'clause'
        ? []
        : c.blocks.map((b) =>
            b.type === 'text'
              ? [b.id, b.label.old, b.label.new, b.text.old, b.text.new]
              : [b.id, ...[b.header, ...b.rows].map((r) => (r.type === 'row' ? r.cells.map((x) => [x.old, x.new]) : r.count))],
          ),
    ),
  }));
}

describe('changelog on the housekeeping example (MP250)', () => {
  it('applies to sections/ and gives the amended documents byte for byte', async () => {
    const r = await runCli(['apply', join(tmp, 'drafted.yaml'), '--out', join(tmp, 'again')], CWD);
    expect(r.code).toBe(0);
    const names = readdirSync(join(tmp, 'amended')).sort();
    expect(readdirSync(join(tmp, 'again')).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(join(tmp, 'again', n), 'utf8'), n).toBe(readFileSync(join(tmp, 'amended', n), 'utf8'));
  });

  it('writes the narrowest edits: word edits, no rewrite of whole clauses', () => {
    expect(drafted).toContain("- { kind: replace, in: G3.5, find: teh, with: the }");
    expect(drafted).toContain('kind: insert-clause');
    expect(drafted).toContain("- { kind: delete-row, target: 'M10.3[By Fax]' }");
    expect(drafted).not.toMatch(/blocks:/);
  });

  it('gives an Annex A with the same legal text as the committed change log', () => {
    const docs = sections();
    const meta = { modId: 'MP250', title: 'SEC Housekeeping 2024', drafter: 'SECAS', date: '2024-05-22' };
    const committed = loadChangeLog(readFileSync(CHANGES, 'utf8'), CHANGES);
    const ours = loadChangeLog(drafted, 'drafted.yaml');
    expect(ours.problems).toEqual([]);
    const a = applyChangeLog(committed.log!, docs);
    const b = applyChangeLog(ours.log!, docs);
    expect(b.problems).toEqual([]);
    expect(legalText(buildAnnex(b.redline, meta))).toEqual(legalText(buildAnnex(a.redline, meta)));
  });

  it('gives the same Annex A legal text as `annex OLD NEW` (a comparison of the two versions)', async () => {
    const fromLog = await runCli(['annex', join(tmp, 'drafted.yaml'), '--format', 'md'], CWD);
    const compared = await runCli(['annex', 'sections', join(tmp, 'amended'), '--format', 'md', '--id', 'MP250', '--title', 'SEC Housekeeping 2024', '--date', '2024-05-22'], CWD);
    expect(fromLog.code).toBe(0);
    expect(compared.code).toBe(0);
    // The clause lines (CriticMarkup included), without the instructions, item tags and title block.
    const clauseLines = (md: string): string[] =>
      md
        .split('\n')
        .filter((l) => /\{(\+\+|--|~~)/.test(l))
        // Item notes are CriticMarkup comments in the annex of a change log; a comparison has none.
        .map((l) => l.replace(/ \{>>(?:(?!<<\}).)*<<\}/g, ''));
    expect(clauseLines(fromLog.stdout)).toEqual(clauseLines(compared.stdout));
  });
});
