// The worked example's Annex A in real clients: LibreOffice converts both modes to PDF, poppler renders the
// first pages and the PDF text holds every instruction; every one of the 27 items is tagged in the annex.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { requireTool } from '../helpers/tools.js';

const repo = join(import.meta.dirname, '../..');
const CHANGES = 'annexes/housekeeping-2024/changes.yaml';
const ready = requireTool('soffice') && requireTool('pdftotext') && requireTool('pdftoppm');
const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('the housekeeping Annex A', () => {
  it('notes every item, 1 to 27, in a comment beside its changes (never a tag in the text)', async () => {
    const md = (await runCli(['annex', CHANGES, '--format', 'md'], repo)).stdout;
    const tagged = new Set<string>();
    for (const m of md.matchAll(/\{>>Item (\d+): [^<]+<<\}/g)) tagged.add(m[1]!);
    expect(md).not.toMatch(/\\\[Items? \d/);
    expect([...tagged].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 27 }, (_, i) => String(i + 1)));
  });

  it('refuses a bad change log with the same collected errors as apply, and writes no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hk-bad-'));
    const bad = join(dir, 'changes.yaml');
    const text = readFileSync(join(repo, CHANGES), 'utf8').replace('find: teh', 'find: tehh').replace('after: G3.5\n', 'after: G3.55\n');
    writeFileSync(bad, text);
    const out = join(dir, 'annex.docx');
    const annex = await runCli(['annex', bad, '-o', out], repo);
    const apply = await runCli(['apply', bad, '--out', join(dir, 'out')], repo);
    expect(annex.code).toBe(1);
    expect(apply.code).toBe(1);
    expect(annex.stderr).toBe(apply.stderr);
    expect(annex.stderr.split('\n').filter((l) => /^.+:\d+:\d+ {2}/.test(l)).length).toBeGreaterThanOrEqual(2);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  describe.skipIf(!ready)('in LibreOffice and poppler', () => {
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hk-soffice-'));
      for (const mode of ['visual', 'tracked'] as const) {
        expect((await runCli(['annex', CHANGES, '--mode', mode, '-o', join(dir, `annex-${mode}.docx`)], repo)).code).toBe(0);
      }
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'annex-visual.docx'), join(dir, 'annex-tracked.docx')], { stdio: 'ignore', timeout: 180_000 });
    });

    for (const mode of ['visual', 'tracked'] as const) {
      it(`${mode}: the PDF holds every instruction line, and its first pages render`, async () => {
        const pdf = join(dir, `annex-${mode}.pdf`);
        expect(existsSync(pdf)).toBe(true);
        const text = flat(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
        const md = (await runCli(['annex', CHANGES, '--format', 'md'], repo)).stdout;
        const instructions = [...md.matchAll(/^\*\*(.+:)\*\*$/gm)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
        expect(instructions.length).toBeGreaterThanOrEqual(20);
        for (const line of instructions) expect(text).toContain(flat(line));
        execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '2', pdf, join(dir, `page-${mode}`)]);
        expect(existsSync(join(dir, `page-${mode}-1.png`)) || existsSync(join(dir, `page-${mode}-01.png`))).toBe(true);
      });
    }
  });
});
