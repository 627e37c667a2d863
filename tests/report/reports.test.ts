// The reports computed from change logs: Modification Report, Release Implementation Document tables and the
// Change Status Report. Expected outputs are committed fixtures; the matrices are also derived here, straight
// from the YAML with the yaml package, so a bug shared by the loader and the report cannot hide.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { canValidateDocx, validateDocx } from '../helpers/validate-docx.js';

const root = resolve(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'fixtures', 'report');
const expected = (name: string): string => readFileSync(join(fixtures, 'expected', name), 'utf8');

describe('life-cycle facts are validated with positions', () => {
  const cases = readdirSync(join(fixtures, 'lifecycle-errors')).sort();
  it.each(cases)('%s', async (name) => {
    const dir = join(fixtures, 'lifecycle-errors', name);
    const r = await runCli(['report', 'modification', 'changes.yaml', '--sections', join(root, 'sections')], dir);
    expect(r.stderr).toBe(readFileSync(join(dir, 'expected-stderr.txt'), 'utf8'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });
});

describe('report modification', () => {
  it("MP250's Modification Report matches the committed one", async () => {
    const r = await runCli(['report', 'modification', 'annexes/housekeeping-2024/changes.yaml'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected('modification-MP250.md'));
  });

  it('a Draft Proposal shows what it does not yet state, and warns', async () => {
    const r = await runCli(['report', 'modification', 'annexes/dp270-incident-contacts/changes.yaml'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected('modification-DP270.md'));
    expect(r.stderr).toBe(expected('modification-DP270.stderr.txt'));
  });

  it('JSON names the documents impacted in SEC order, derived from the edits', async () => {
    const r = await runCli(['report', 'modification', 'annexes/housekeeping-2024/changes.yaml', '--format', 'json'], root);
    const data = JSON.parse(r.stdout) as { documents: { id: string; name: string }[]; specifications: unknown; route: string };
    expect(data.documents.map((d) => d.id)).toEqual(['Section A', 'Section F', 'Section G', 'Section H', 'Section M', 'Appendix P', 'Appendix R', 'Appendix AD', 'Appendix AG']);
    expect(data.documents.find((d) => d.id === 'Section G')?.name).toBe("Section G 'Security'");
    expect(data.specifications).toEqual([{ name: 'DUIS', from: '5.2', to: '5.3' }]);
    expect(data.route).toBe('Self-Governance');
  });

  it('refuses DOCX to stdout and an unknown format', async () => {
    const a = await runCli(['report', 'modification', 'annexes/housekeeping-2024/changes.yaml', '--format', 'docx'], root);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('DOCX output needs -o FILE.docx');
    const b = await runCli(['report', 'modification', 'annexes/housekeeping-2024/changes.yaml', '-o', 'report.pdf'], root);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("written as md, docx, json, not 'pdf'");
  });
});

interface YamlLog {
  modification: { id: string };
  lifecycle?: { parties?: string[]; specifications?: { name: string; from: string; to: string }[]; cutOff?: string };
}

describe('release --report', () => {
  it('matches the committed tables (Markdown and CSV)', async () => {
    const md = await runCli(['release', 'releases/example.yaml', '--report'], root);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe(expected('release-example.md'));
    const csv = await runCli(['release', 'releases/example.yaml', '--report', '--format', 'csv'], root);
    expect(csv.stdout).toBe(expected('release-example.csv'));
  });

  it('participant and technical specification matrices equal those derived independently from the YAML', async () => {
    const release = parse(readFileSync(join(root, 'releases', 'example.yaml'), 'utf8')) as { modifications: { changes: string }[] };
    const logs = release.modifications.map((m) => parse(readFileSync(join(root, m.changes), 'utf8')) as YamlLog);
    const columns: [string, string[]][] = [
      ['Suppliers', ['Large Suppliers', 'Small Suppliers']],
      ['Electricity Networks', ['Electricity Network Operators']],
      ['Gas Networks', ['Gas Network Operators']],
      ['Other SEC Parties', ['Other SEC Parties']],
      ['DCC', ['DCC']],
    ];
    const participants = logs.map((l) => ({
      id: l.modification.id,
      impacts: Object.fromEntries(columns.map(([c, cats]) => [c, (l.lifecycle?.parties ?? []).some((p) => cats.includes(p))])),
    }));
    const specs: { name: string; from: string[]; to: string; modifications: string[] }[] = [];
    for (const l of logs) {
      for (const s of l.lifecycle?.specifications ?? []) {
        const row = specs.find((x) => x.name === s.name && x.to === s.to);
        if (row) {
          row.modifications.push(l.modification.id);
          if (!row.from.includes(s.from)) row.from.push(s.from);
        } else specs.push({ name: s.name, from: [s.from], to: s.to, modifications: [l.modification.id] });
      }
    }
    const r = await runCli(['release', 'releases/example.yaml', '--report', '--format', 'json'], root);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { participants: unknown; specifications: unknown };
    expect(data.participants).toEqual(participants);
    expect(data.specifications).toEqual(specs);
    // The seed's DUIS uplift: MP250 takes DUIS from 5.2 to 5.3.
    expect(specs).toEqual([{ name: 'DUIS', from: ['5.2'], to: '5.3', modifications: ['MP250'] }]);
  });

  it('a modification missing a fact a table needs is reported, not guessed, and nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rid-'));
    try {
      const out = join(dir, 'rid.md');
      const r = await runCli(['release', 'tests/fixtures/report/missing-facts/release.yaml', '--report', '-o', out], root);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(readFileSync(join(fixtures, 'missing-facts', 'expected-stderr.txt'), 'utf8'));
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('status', () => {
  it('groups the modifications by stage, lists decisions since a date and the releases', async () => {
    const r = await runCli(['status', '--since', '2024-05-01'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected('status-since-2024-05-01.md'));
  });

  it('every stage group of the JSON holds exactly the change logs that state that stage', async () => {
    const dirs = readdirSync(join(root, 'annexes')).sort();
    const byStage = new Map<string | null, string[]>();
    for (const d of dirs) {
      const y = parse(readFileSync(join(root, 'annexes', d, 'changes.yaml'), 'utf8')) as YamlLog & { lifecycle?: { stage?: string } };
      const stage = y.lifecycle?.stage ?? null;
      byStage.set(stage, [...(byStage.get(stage) ?? []), y.modification.id].sort());
    }
    const r = await runCli(['status', '--format', 'json'], root);
    const data = JSON.parse(r.stdout) as { stages: { stage: string | null; modifications: { id: string }[] }[] };
    expect(new Map(data.stages.map((s) => [s.stage, s.modifications.map((m) => m.id).sort()]))).toEqual(byStage);
    // The examples make the report non-trivial: a Draft Proposal in Define and one awaiting the Authority.
    expect(byStage.get('Define')).toEqual(['DP270']);
    expect(byStage.get('Authority determination')).toEqual(['MP266']);
  });

  it('refuses a date that is not a real date', async () => {
    const r = await runCli(['status', '--since', '2024-02-30'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("sec-redline: --since must be a real date written YYYY-MM-DD, not '2024-02-30'\n");
  });
});

describe('every report DOCX passes ECMA-376 schema validation', () => {
  const run = canValidateDocx();
  it.runIf(run)('modification report, release tables and status report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reports-'));
    try {
      const files = [join(dir, 'mr.docx'), join(dir, 'rid.docx'), join(dir, 'status.docx')];
      expect((await runCli(['report', 'modification', 'annexes/housekeeping-2024/changes.yaml', '-o', files[0]!], root)).code).toBe(0);
      expect((await runCli(['release', 'releases/example.yaml', '--report', '-o', files[1]!], root)).code).toBe(0);
      expect((await runCli(['status', '-o', files[2]!], root)).code).toBe(0);
      expect(validateDocx(...files)).toEqual([]);
      // Deterministic: the same inputs give the same bytes.
      const again = join(dir, 'again.docx');
      await runCli(['status', '-o', again], root);
      expect(readFileSync(again).equals(readFileSync(files[2]!))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
