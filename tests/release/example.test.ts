// The example releases of the repository, end to end: releases/example.yaml (MP250 housekeeping with MP260
// and MP261, which compose with it) and releases/conflict-example.yaml (MP262, which collides with MP250).
// The impact matrix is checked against the change logs read here independently; the consolidated output
// against `check`, `fmt --check` and, through pandoc, the tracked redline's accept-all and reject-all.

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { requireTool } from '../helpers/tools.js';
import { parseDocument } from '../../src/model/parse.js';
import { compareDocRefs, docId, parseDocId, parseId, plainText } from '../../src/model/index.js';
import type { Block, SecDocument } from '../../src/model/types.js';
import { pandocUnits } from '../docx/pandoc.js';
import { actualLines, norm } from '../docx/oracle.js';
import { parseCsv } from './csv.js';

const REPO = join(import.meta.dirname, '..', '..');
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'release-example-'));
  temps.push(d);
  return d;
}

// ---------------------------------------------------------------------------------------------------------
// The matrix, derived here from the YAML alone: every ID an edit names, reduced to its document.

interface YamlEdit {
  [field: string]: unknown;
}
interface YamlLog {
  modification: { id: string };
  items: { id: string; edits: YamlEdit[] }[];
}

const TARGET_FIELDS = ['in', 'target', 'table', 'after', 'before'];

function editDocuments(edit: YamlEdit): string[] {
  const docs = new Set<string>();
  for (const f of TARGET_FIELDS) {
    const v = edit[f];
    // insert-row's after/before name a row key, insert-text's a phrase: neither is a clause.
    if ((edit['kind'] === 'insert-row' || edit['kind'] === 'insert-text') && (f === 'after' || f === 'before')) continue;
    for (const s of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
      const p = parseId(String(s));
      if (!p) throw new Error(`cannot read target ${String(s)}`);
      docs.add(docId(p.doc));
    }
  }
  return [...docs];
}

function expectedMatrix(logs: readonly string[]): { header: string[]; rows: string[][] } {
  const parsed = logs.map((f) => parseYaml(readFileSync(join(REPO, f), 'utf8')) as YamlLog);
  const cells = new Map<string, string[][]>();
  parsed.forEach((log, col) => {
    for (const item of log.items) {
      for (const edit of item.edits) {
        for (const d of editDocuments(edit)) {
          const row = cells.get(d) ?? cells.set(d, parsed.map(() => [])).get(d)!;
          if (!row[col]!.includes(item.id)) row[col]!.push(item.id);
        }
      }
    }
  });
  const docs = [...cells.keys()].sort((a, b) => compareDocRefs(parseDocId(a)!, parseDocId(b)!));
  return { header: parsed.map((l) => l.modification.id), rows: docs.map((d) => [d, ...cells.get(d)!.map((items) => items.join(', '))]) };
}

const ALL = ['annexes/housekeeping-2024/changes.yaml', 'annexes/mp260-service-desk-hours/changes.yaml', 'annexes/mp261-comms-failure-reports/changes.yaml'];

describe('releases/example.yaml: the impact matrix', () => {
  for (const targeted of [true, false]) {
    it(`matches the change logs ${targeted ? 'with' : 'without'} --include-targeted`, async () => {
      const r = await runCli(['release', 'releases/example.yaml', '--matrix', '--format', 'csv', ...(targeted ? ['--include-targeted'] : [])], REPO);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const csv = parseCsv(r.stdout);
      const expected = expectedMatrix(targeted ? ALL : ALL.slice(0, 2));
      const header = csv[0]!;
      expect(header.slice(0, 2)).toEqual(['Document', 'Version']);
      expect(header.slice(2).map((h) => h.replace(' (targeted)', ''))).toEqual(expected.header);
      // Compare without the version column, which the change logs do not hold.
      expect(csv.slice(1).map((row) => [row[0]!, ...row.slice(2)])).toEqual(expected.rows);
      // The matrix is not vacuous: several documents, and G3's section touched by two modifications.
      expect(expected.rows.length).toBe(9);
      expect(expected.rows.find((row) => row[0] === 'Section G')!.slice(1)).toEqual(['3, 4, 5', '2, 3', ...(targeted ? [''] : [])]);
    });
  }

  it('gives each document its current and new version label', async () => {
    const r = await runCli(['release', 'releases/example.yaml', '--matrix', '--format', 'csv'], REPO);
    const rows = parseCsv(r.stdout);
    expect(rows.find((row) => row[0] === 'Appendix AD')![1]).toBe('DUIS 5.2 → DUIS 5.3');
    expect(rows.find((row) => row[0] === 'Section G')![1]).toBe('SEC 2024-02 → SEC 2024-06');
  });

  it('by clause: each row is a clause, and the clauses of a document add up to its row of the matrix', async () => {
    const byDoc = parseCsv((await runCli(['release', 'releases/example.yaml', '--matrix', '--format', 'csv', '--include-targeted'], REPO)).stdout);
    const r = await runCli(['release', 'releases/example.yaml', '--matrix', '--by-clause', '--format', 'csv', '--include-targeted'], REPO);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['Document', 'Clause', 'MP250', 'MP260', 'MP261 (targeted)']);
    const find = (clause: string): string[] => rows.find((row) => row[1] === clause)!.slice(2);
    expect(find('G3.5')).toEqual(['3', '2', '']);
    expect(find('G3.5A')).toEqual(['4', '', '']);
    expect(find('H8.1A')).toEqual(['', '1', '']);
    expect(find('H17.5')).toEqual(['6, 7', '', '1']);
    expect(find('M10.3')).toEqual(['8', '', '']);
    // G3.5 comes before G3.5A, which comes before G3.7: document order, new clauses where they will stand.
    const g = rows.filter((row) => row[0] === 'Section G').map((row) => row[1]);
    expect(g).toEqual(['G3.5', 'G3.5A', 'G3.7', 'G12.1']);
    for (const docRow of byDoc.slice(1)) {
      const clauses = rows.filter((row) => row[0] === docRow[0]);
      expect(clauses.length).toBeGreaterThan(0);
      docRow.slice(2).forEach((cell, k) => {
        const union = new Set(clauses.flatMap((row) => (row[k + 2] === '' ? [] : row[k + 2]!.split(', '))));
        expect(new Set(cell === '' ? [] : cell.split(', '))).toEqual(union);
      });
    }
  });

  it('prints Markdown by default, with a key to the modifications', async () => {
    const r = await runCli(['release', 'releases/example.yaml', '--matrix'], REPO);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('| Document | Version | MP250 | MP260 |');
    expect(lines[1]).toBe('| --- | --- | --- | --- |');
    expect(lines).toContain('| Section G | SEC 2024-02 → SEC 2024-06 | 3, 4, 5 | 2, 3 |');
    expect(r.stdout).toContain("- MP260 'Service Desk availability and incident notification times' (approved): annexes/mp260-service-desk-hours/changes.yaml");
  });
});

// ---------------------------------------------------------------------------------------------------------
// The consolidated release.

function load(dir: string): Map<string, SecDocument> {
  const out = new Map<string, SecDocument>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const { doc } = parseDocument(readFileSync(join(dir, f), 'utf8'), f);
    if (!doc) throw new Error(`${f} does not parse`);
    out.set(docId(doc.meta), doc);
  }
  return out;
}

function blockKey(b: Block): string {
  return `${b.kind}\u0000${b.label}\u0000${b.text}`;
}

function byClause(doc: SecDocument): Map<string, Block[]> {
  const m = new Map<string, Block[]>();
  for (const b of doc.blocks) (m.get(b.clause) ?? m.set(b.clause, []).get(b.clause)!).push(b);
  return m;
}

/** The clauses whose blocks differ between the two versions, in the new document's order (then deleted ones). */
function changedClauses(oldDoc: SecDocument, newDoc: SecDocument): string[] {
  const o = byClause(oldDoc);
  const n = byClause(newDoc);
  const out: string[] = [];
  for (const [id, blocks] of n) if ((o.get(id) ?? []).map(blockKey).join('\n') !== blocks.map(blockKey).join('\n')) out.push(id);
  for (const id of o.keys()) if (!n.has(id)) out.push(id);
  return out;
}

function textLine(b: Block): string {
  return `${b.kind === 'heading' ? 'H' : 'P'} ${norm([b.label, plainText(b.text)].filter((x) => x !== '').join(' '))}`;
}

describe('releases/example.yaml --out', () => {
  let out: string;
  let run: { code: number; stdout: string; stderr: string };
  const baseline = load(join(REPO, 'sections'));
  beforeAll(async () => {
    out = join(tempDir(), 'june-2024');
    run = await runCli(['release', 'releases/example.yaml', '--include-targeted', '--out', out], REPO);
  });

  it('writes every document and both redlines', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const labels = (parseYaml(readFileSync(join(REPO, 'releases/example.yaml'), 'utf8')) as { versions: Record<string, string> }).versions;
    // The conformed copy of each changed document, named with its new version label: section-G-SEC-2024-06.docx.
    const conformed = Object.entries(labels).map(([id, label]) => `${id.toLowerCase().replace(/^(\w+) (\w+)$/, (_m, k: string, c: string) => `${k}-${c.toUpperCase()}`)}-${label.replace(/ /g, '-')}.docx`);
    expect(readdirSync(out).sort()).toEqual([...readdirSync(join(REPO, 'sections')), 'release-redline-tracked.docx', 'release-redline.docx', ...conformed].sort());
    expect(conformed).toContain('section-G-SEC-2024-06.docx');
    expect(run.stdout).toBe(`June 2024 SEC Release: applied 3 modifications (MP250, MP260, MP261), changing 9 documents; wrote 9 documents, release-redline.docx, release-redline-tracked.docx and the conformed copies of the 9 changed (DOCX) to ${out}\n`);
  });

  it('gives each changed document the version label of the release', () => {
    const docs = load(out);
    const labels = (parseYaml(readFileSync(join(REPO, 'releases/example.yaml'), 'utf8')) as { versions: Record<string, string> }).versions;
    for (const [id, doc] of docs) expect(doc.meta.version, id).toBe(labels[id]);
  });

  it('composes MP260 with MP250 in G3.5 and MP261 with MP250 in H17.5', () => {
    const docs = load(out);
    const g35 = docs.get('Section G')!.blocks.find((b) => b.id === 'G3.5')!;
    expect(g35.text).toBe(
      'Without prejudice to Section G3.4, where the DCC becomes aware of any DCC Major Security Incident in relation to the DCC Total System, it shall notify the Panel, the Security Sub-Committee and the Authority as soon as reasonably practicable (and in any event within four hours after becoming aware of it) and shall keep each of them informed of the steps being taken to resolve it.',
    );
    const h = docs.get('Section H')!.blocks;
    expect(h.find((b) => b.id === 'H17.5')!.text).toBe('Each Communications Failure Report shall include at least the following information:');
    expect(h.find((b) => b.id === 'H17.5(a)')!.text).toBe('the Smart Meter ID or GUID of each Smart Meter to which the report relates;');
    expect(h.find((b) => b.id === 'H17.5(h)')!.text).toBe('the date by which the DCC expects communication with that Smart Meter to be restored.');
  });

  it('passes fmt --check', async () => {
    const r = await runCli(['fmt', '--check', out], REPO);
    expect(r.stderr + r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('passes check, except findings that the baseline has by design', async () => {
    const after = await runCli(['check', out, '--format', 'json'], REPO);
    const before = await runCli(['check', 'sections', '--format', 'json'], REPO);
    type Finding = { file: string; message: string; rule: string; severity: string };
    // A finding is known when the baseline has one of the same rule about the same thing (the first quoted
    // term): TLS stays defined in Section A and Appendix P by design, in one document fewer after MP250.
    const strip = (f: Finding): string => `${f.rule}: ${/'[^']*'/.exec(f.message)?.[0] ?? f.message}`;
    const found = JSON.parse(after.stdout) as Finding[];
    const known = new Set((JSON.parse(before.stdout) as Finding[]).map(strip));
    expect(found.filter((f) => f.severity === 'error')).toEqual([]);
    expect(found.map(strip).filter((f) => !known.has(f))).toEqual([]);
    // The release fixes findings of the baseline (the missing E64, the duplicated rows).
    expect(known.size).toBeGreaterThan(found.length);
  });

  const havePandoc = requireTool('pandoc');
  it.skipIf(!havePandoc)('tracked redline: accept-all gives the changed clauses of the consolidated documents, reject-all those of the baseline', () => {
    const consolidated = load(out);
    const docx = readFileSync(join(out, 'release-redline-tracked.docx'));
    const expected = { accept: [] as string[], reject: [] as string[] };
    const rows = { accept: [] as string[], reject: [] as string[] };
    for (const id of [...consolidated.keys()].sort((a, b) => compareDocRefs(parseDocId(a)!, parseDocId(b)!))) {
      const oldDoc = baseline.get(id)!;
      const newDoc = consolidated.get(id)!;
      const changed = changedClauses(oldDoc, newDoc);
      for (const [side, doc] of [
        ['accept', newDoc],
        ['reject', oldDoc],
      ] as const) {
        const clauses = byClause(doc);
        for (const c of changed) {
          for (const b of clauses.get(c) ?? []) {
            if (b.kind === 'row' || b.kind === 'table') rows[side].push(`ROW ${(b.cells ?? []).map((x) => norm(plainText(x))).join(' ‖ ')}`);
            else expected[side].push(textLine(b));
          }
        }
      }
    }
    for (const side of ['accept', 'reject'] as const) {
      const lines = actualLines(pandocUnits(docx, side));
      expect(lines.filter((l) => l.startsWith('P ') || l.startsWith('H '))).toEqual(expected[side]);
      // Tables show their changed rows (unchanged ones are elided): every row shown is a row of that side.
      const shown = lines.filter((l) => l.startsWith('ROW ') && l !== 'ROW …');
      const allRows = new Set(rows[side]);
      for (const r of shown) expect(allRows.has(r), r).toBe(true);
      expect(shown.length).toBeGreaterThan(10);
    }
    // Not vacuous: the two sides differ, and the new clauses are only on the accept side.
    expect(expected.accept).not.toEqual(expected.reject);
    expect(expected.accept.some((l) => l.startsWith('P G3.5A '))).toBe(true);
    expect(expected.reject.some((l) => l.startsWith('P G3.5A '))).toBe(false);
  });

  it.skipIf(!havePandoc)('tags every change with the modification and item it comes from', () => {
    const units = pandocUnits(readFileSync(join(out, 'release-redline.docx')), 'all');
    const text = units.map((u) => u.text).join('\n');
    expect(text).toContain('MP250 item 4');
    expect(text).toContain('MP260 item 2');
    expect(text).toContain('MP261 item 1');
  });
});

describe('releases/conflict-example.yaml', () => {
  it('reports every conflict with both sides, exits 1 and writes nothing', async () => {
    const out = join(tempDir(), 'never');
    const r = await runCli(['release', 'releases/conflict-example.yaml', '--out', out], REPO);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    for (const rule of ['release-overlap', 'release-rewrite', 'release-anchor', 'release-id-collision']) {
      const lines = r.stderr.split('\n').filter((l) => l.endsWith(`[${rule}]`));
      expect(lines.length, rule).toBe(2);
      expect(lines.some((l) => l.startsWith('annexes/housekeeping-2024/changes.yaml:'))).toBe(true);
      expect(lines.some((l) => l.startsWith('annexes/mp262-incident-notification/changes.yaml:'))).toBe(true);
    }
    expect(r.stderr.endsWith('4 conflicts between the modifications; nothing written\n')).toBe(true);
  });

  it('--matrix still prints the matrix (it shows where the modifications meet), reports the conflicts and exits 1', async () => {
    const r = await runCli(['release', 'releases/conflict-example.yaml', '--matrix', '--by-clause'], REPO);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toContain('| Section G | G3.5 | 3 | 2 |');
    expect(r.stdout.split('\n')).toContain('| Section G | G3.5A | 4 | 1 |');
    expect(r.stderr.split('\n').filter((l) => / \[release-(overlap|rewrite|anchor|id-collision)\]$/.test(l)).length).toBe(8);
  });

  it('with --reletter, the G3.5A collision becomes a note, and the other conflicts remain', async () => {
    const r = await runCli(['release', 'releases/conflict-example.yaml', '--reletter'], REPO);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('annexes/mp262-incident-notification/changes.yaml:21:9  warning: MP262 item 1 (insert-clause) inserts new clause G3.5A, which MP250 item 4 (insert-clause) (annexes/housekeeping-2024/changes.yaml:61:9) also inserts: in this release it becomes G3.5B (--reletter)  [release-reletter]');
    expect(r.stderr).not.toContain('[release-id-collision]');
    expect(r.stderr.endsWith('3 conflicts between the modifications\n')).toBe(true);
  });
});
