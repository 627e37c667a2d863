// `diff` between sections/ and a copy with the housekeeping modification applied shows every change of every
// item and nothing else; its JSON round-trips to the files' clauses; the marks are word-sized.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { runChangeLog } from '../../src/cli/run-change-log.js';
import type { CliContext } from '../../src/cli/context.js';
import type { Redline } from '../../src/redline/types.js';

const repo = join(import.meta.dirname, '../..');
const CHANGES = 'annexes/housekeeping-2024/changes.yaml';
let amended: string;
let applied: Redline;

interface JsonChange { old: string | null; new: string | null; spans: { op: string; text: string }[] }
interface JsonBlock { id: string; status: string; text: JsonChange; cells: JsonChange[] | null }
interface JsonClause { id: string; status: string; old: string | null; new: string | null; spans: { op: string; text: string }[]; blocks: JsonBlock[] }
interface JsonDoc { file: string; clauses: JsonClause[] }

beforeAll(async () => {
  amended = join(mkdtempSync(join(tmpdir(), 'hk-diff-')), 'amended');
  expect((await runCli(['apply', CHANGES, '--out', amended], repo)).code).toBe(0);
  const ctx: CliContext = { argv: [], cwd: repo, env: {}, stdout: { write: () => true }, stderr: { write: () => true } };
  applied = runChangeLog(CHANGES, 'sections', false, ctx).result.redline;
});

/** Changed block IDs (document file + block ID) of a Redline built by apply. */
function changedBlocks(redline: Redline): string[] {
  return redline.documents.flatMap((d) => d.clauses.flatMap((c) => c.blocks.filter((b) => b.status !== 'unchanged').map((b) => `${d.file} ${b.id}`))).sort();
}

describe('diff of the housekeeping modification', () => {
  it('shows exactly the blocks the 27 items change, and nothing else', async () => {
    const r = await runCli(['diff', 'sections', amended, '--format', 'json'], repo);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { documents: JsonDoc[] };
    const fromDiff = json.documents.flatMap((d) => d.clauses.flatMap((c) => c.blocks.filter((b) => b.status !== 'unchanged').map((b) => `${d.file} ${b.id}`))).sort();
    expect(fromDiff).toEqual(changedBlocks(applied));
    // Every item changed something the diff shows.
    const items = new Set(applied.documents.flatMap((d) => d.clauses.flatMap((c) => c.items)));
    expect([...items].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 27 }, (_, i) => String(i + 1)));
  });

  it('--format json round-trips: each clause rebuilt from its spans equals the files', async () => {
    const r = await runCli(['diff', 'sections', amended, '--format', 'json'], repo);
    const json = JSON.parse(r.stdout) as { documents: JsonDoc[] };
    let clauses = 0;
    for (const d of json.documents) {
      for (const c of d.clauses) {
        const reject = c.spans.filter((s) => s.op !== 'insert').map((s) => s.text).join('');
        const accept = c.spans.filter((s) => s.op !== 'delete').map((s) => s.text).join('');
        expect(reject).toBe(c.old ?? '');
        expect(accept).toBe(c.new ?? '');
        clauses++;
      }
    }
    expect(clauses).toBeGreaterThanOrEqual(27);
  });

  it('marks are word-sized: Fax → Email one token each side; the firmware element as one substitution', async () => {
    const r = await runCli(['diff', 'sections', amended, '--format', 'md'], repo);
    expect(r.stdout).toContain('{~~sr:FirmwareVersionUpdate~>sr:FirmwareVersionActivation~~}');
    expect(r.stdout).toContain('Where a notice is sent by {~~Fax~>Email~~}, the sender');
  });
});
