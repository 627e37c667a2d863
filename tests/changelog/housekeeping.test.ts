// The worked example: annexes/housekeeping-2024/changes.yaml (the 27 items of the housekeeping Modification
// Report) applied to sections/ through the CLI, and the API's Redline for it.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { loadChangeLog, applyChangeLog } from '../../src/changelog/index.js';
import { plainText } from '../../src/model/index.js';
import { redlineErrors } from '../../src/redline/invariant.js';
import { docMap, parseOrThrow } from './helpers.js';

const CWD = process.cwd();
const CHANGES = 'annexes/housekeeping-2024/changes.yaml';
let tmp: string;
let out: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'sec-apply-'));
  out = join(tmp, 'x');
  const r = await runCli(['apply', CHANGES, '--out', out], CWD);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (name: string): string => readFileSync(join(out, name), 'utf8');
const parsed = (name: string) => parseOrThrow(read(name), name);

describe('apply annexes/housekeeping-2024/changes.yaml --out DIR', () => {
  it('writes every document of sections/, amended or not, under its own name', () => {
    expect(readdirSync(out).sort()).toEqual(readdirSync('sections').filter((f) => f.endsWith('.md')).sort());
  });

  it("leaves no 'Fax' in Section M or Appendix P", () => {
    expect(read('section-M.md')).not.toMatch(/Fax/);
    expect(read('appendix-P.md')).not.toMatch(/Fax/);
  });

  it('inserts G3.5A after G3.5 and the SM WAN definition in A1.1', () => {
    const g = parsed('section-G.md').blocks.map((b) => b.id);
    expect(g.indexOf('G3.5A')).toBe(g.indexOf('G3.5') + 1);
    expect(parsed('section-A.md').blocks.map((b) => b.id)).toContain('A1.1[SM WAN]');
  });

  it('puts E64 between E63 and E65 in AD 3.5.10', () => {
    const rows = parsed('appendix-AD.md').blocks.filter((b) => b.table === 'Appendix AD 3.5.10/table1').map((b) => b.key);
    expect(rows.indexOf('E64')).toBe(rows.indexOf('E63') + 1);
    expect(rows.indexOf('E65')).toBe(rows.indexOf('E64') + 1);
  });

  it('keeps each channel entry of AD 3.8.82.2 once', () => {
    const keys = parsed('appendix-AD.md').blocks.filter((b) => b.table === 'Appendix AD 3.8.82.2/table1').map((b) => b.key!);
    for (const k of ['LowerBandSubGHzChannels0To26', 'LowerBandSubGHzChannels27To34', 'LowerBandSubGHzChannels35To61', 'UpperBandSubGHzChannels0To26']) {
      expect(keys.filter((x) => x === k)).toHaveLength(1);
    }
  });

  it('names sr:FirmwareVersionActivation in AD 3.9.1, keeping the code formatting', () => {
    const b = parsed('appendix-AD.md').blocks.find((x) => x.id === 'Appendix AD 3.9.1')!;
    expect(b.text).toContain('`sr:FirmwareVersionActivation`');
    expect(plainText(b.text)).not.toContain('FirmwareVersionUpdate');
  });

  it('produces output that passes check (no errors) and fmt --check', async () => {
    // sections/ has errors the modification fixes (a missing E64, duplicated channel rows); the result has none.
    expect((await runCli(['check', 'sections'], CWD)).code).toBe(1);
    const check = await runCli(['check', out], CWD);
    expect(check.stderr + check.stdout).toMatch(/\b0 errors\b/);
    expect(check.code).toBe(0);
    const fmt = await runCli(['fmt', '--check', out], CWD);
    expect(fmt.code).toBe(0);
  });

  it('refuses to apply the same change log twice, and writes nothing', async () => {
    const again = join(tmp, 'again');
    const r = await runCli(['apply', CHANGES, '--sections', out, '--out', again], CWD);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already applied: G3.5A exists with the same text');
    expect(r.stderr).toMatch(/already applied: 2\d of 27 items find their change already made/);
    expect(existsSync(again)).toBe(false);
  });
});

describe('apply --write, --dry-run and usage', () => {
  it('--write amends a copy of sections/ in place; a second run is refused and changes nothing', async () => {
    const dir = join(tmp, 'copy');
    cpSync('sections', join(dir, 'sections'), { recursive: true });
    cpSync('annexes', join(dir, 'annexes'), { recursive: true });
    const r = await runCli(['apply', CHANGES, '--write'], dir);
    expect(r.code).toBe(0);
    for (const f of readdirSync(out)) expect(readFileSync(join(dir, 'sections', f), 'utf8')).toBe(read(f));
    const twice = await runCli(['apply', CHANGES, '--write'], dir);
    expect(twice.code).toBe(1);
    for (const f of readdirSync(out)) expect(readFileSync(join(dir, 'sections', f), 'utf8')).toBe(read(f));
  });

  it('--dry-run prints a per-item summary and writes nothing', async () => {
    const r = await runCli(['apply', CHANGES, '--dry-run'], CWD);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("MP250 'SEC Housekeeping 2024': 27 items");
    expect(r.stdout).toContain('item 4 (Section G)');
    expect(r.stdout).toContain('G3.5A inserted');
    expect(r.stdout).toContain('would change 9 documents');
  });

  it('needs exactly one of --out, --write, --dry-run', async () => {
    expect((await runCli(['apply', CHANGES], CWD)).code).toBe(2);
    expect((await runCli(['apply', CHANGES, '--write', '--dry-run'], CWD)).code).toBe(2);
  });
});

describe('the Redline of the worked example', () => {
  const { log } = loadChangeLog(readFileSync(CHANGES, 'utf8'), CHANGES);
  const docs = docMap(...readdirSync('sections').map((f) => parseOrThrow(readFileSync(`sections/${f}`, 'utf8'), `sections/${f}`)));
  const result = applyChangeLog(log!, docs);

  it('applies without problems and reproduces both versions', () => {
    expect(result.problems).toEqual([]);
    expect(redlineErrors(result.redline)).toEqual([]);
  });

  it('attributes every change to the item that made it', () => {
    const byItem = new Map<string, string[]>();
    for (const d of result.redline.documents) {
      for (const c of d.clauses) {
        for (const b of c.blocks) {
          if (b.status === 'unchanged') expect(b.items).toEqual([]);
          else expect(b.items.length).toBeGreaterThan(0);
          for (const s of [...b.text.spans, ...(b.cells ?? []).flatMap((x) => x.spans)]) {
            if (s.op !== 'equal') expect(s.items?.length ?? 0).toBeGreaterThan(0);
          }
          for (const it of b.items) (byItem.get(it) ?? byItem.set(it, []).get(it)!).push(b.id);
        }
      }
    }
    expect([...byItem.keys()].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 27 }, (_, i) => String(i + 1)));
    expect(byItem.get('4')).toEqual(['G3.5A']);
    expect(byItem.get('15')).toEqual(['Appendix AD 3.5.10[E64]']);
    const g35 = result.redline.documents.find((d) => d.file === 'section-G.md')!.clauses.find((c) => c.id === 'G3.5')!;
    expect(g35.items).toEqual(['3']);
    expect(g35.edits.map((e) => e.kind)).toEqual(['insert-text', 'replace']);
  });

  it('uses the narrowest edit kinds, item by item', () => {
    const kinds = Object.fromEntries(log!.items.map((it) => [it.id, [...new Set(it.edits.map((e) => e.kind))].join('+')]));
    expect(kinds).toEqual({
      '1': 'insert-row',
      '2': 'insert-paragraph',
      '3': 'insert-text+replace',
      '4': 'insert-clause',
      '5': 'amend-row',
      '6': 'replace',
      '7': 'insert-text',
      '8': 'replace+delete-row',
      '9': 'insert-paragraph',
      '10': 'replace',
      '11': 'amend-row',
      '12': 'replace',
      '13': 'replace',
      '14': 'amend-row',
      '15': 'insert-row',
      '16': 'insert-text',
      '17': 'insert-text',
      '18': 'replace+insert-clause',
      '19': 'replace',
      '20': 'delete-row+amend-row',
      '21': 'delete-row+amend-row',
      '22': 'delete-row+amend-row',
      '23': 'delete-row+amend-row',
      '24': 'amend-row',
      '25': 'replace',
      '26': 'rename-heading',
      '27': 'rename-heading',
    });
    const fax = log!.items.find((it) => it.id === '8')!.edits[0]!;
    expect(fax.kind === 'replace' && fax.all && fax.expect).toBe(6);
    const p = log!.items.find((it) => it.id === '10')!.edits[0]!;
    expect(p.kind === 'replace' && p.all && p.expect).toBe(1);
    const amend24 = log!.items.find((it) => it.id === '24')!.edits[0]!;
    expect(amend24.kind === 'amend-row' && [...(amend24.cells ?? new Map()).keys()]).toEqual(['Mandatory']);
  });

  it('has the header the Annex needs', () => {
    expect(log!.modification).toEqual({ id: 'MP250', title: 'SEC Housekeeping 2024' });
    expect(log!.release).toBe('June 2024 SEC Release');
    expect(log!.drafter).toBe('SECAS');
    expect(log!.documents.find((d) => d.doc === 'Appendix AD')?.version).toBe('DUIS 5.2');
  });
});
