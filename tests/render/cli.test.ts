// `sec-redline render` from the command line: one file, a directory as one transaction, HTML pages, dates,
// and refusals (problems as check reports them, non-canonical files, --pdf without LibreOffice, an output
// that is an input) that write nothing.

import { beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { FIXTURE, REPO, load } from './helpers.js';
import { zipText } from '../docx/zip-reader.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'render-cli-'));
  mkdirSync(join(dir, 'docs'));
  for (const f of ['section-G.md', 'section-M.md']) copyFileSync(join(REPO, 'sections', f), join(dir, 'docs', f));
  copyFileSync(FIXTURE, join(dir, 'docs', 'section-X.md'));
});

describe('render', () => {
  it('--help says it writes Word documents', async () => {
    const r = await runCli(['render', '--help'], dir);
    expect(r.stdout).toContain('write whole SEC documents as Word documents');
  });

  it('FILE.md -o FILE.docx writes the document; the same input gives the same bytes', async () => {
    const r = await runCli(['render', 'docs/section-G.md', '-o', 'out/g.docx', '--date', '2024-06-27'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('rendered 1 document (docx): g.docx\n');
    const first = readFileSync(join(dir, 'out', 'g.docx'));
    expect(zipText(first, 'word/document.xml')).toContain('27 June 2024');
    await runCli(['render', 'docs/section-G.md', '-o', 'out/g2.docx', '--date', '2024-06-27'], dir);
    expect(first.equals(readFileSync(join(dir, 'out', 'g2.docx')))).toBe(true);
  });

  it('SOURCE_DATE_EPOCH dates the title page; without a date the document is undated', async () => {
    await runCli(['render', 'docs/section-G.md', '-o', 'dated.docx'], dir, { SOURCE_DATE_EPOCH: '1719446400' });
    expect(zipText(readFileSync(join(dir, 'dated.docx')), 'word/document.xml')).toContain('27 June 2024');
    await runCli(['render', 'docs/section-G.md', '-o', 'undated.docx'], dir);
    expect(zipText(readFileSync(join(dir, 'undated.docx')), 'word/document.xml')).not.toMatch(/\d{4}<\/w:t>/);
  });

  it('DIR -o OUTDIR writes one <file-stem>.docx per document, creating OUTDIR', async () => {
    const r = await runCli(['render', 'docs', '-o', 'published/new'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'published', 'new')).sort()).toEqual(['section-G.docx', 'section-M.docx', 'section-X.docx']);
  });

  it('--format html: one self-contained page per document, with every clause number and no scripts or external resources', async () => {
    const r = await runCli(['render', 'docs', '-o', 'html', '--format', 'html'], dir);
    expect(r.code).toBe(0);
    const page = readFileSync(join(dir, 'html', 'section-X.html'), 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).not.toMatch(/<script|<link|src=/i);
    for (const b of load(FIXTURE).blocks) if (b.label !== '') expect(page, b.id).toContain(`<span class="num">${b.label}</span>`);
    expect(page).toContain('<a href="https://example.org/sec/directions">Code website</a>');
    expect(page).toContain('<a href="#X1">');
    expect(page).not.toMatch(/id="[^"]* [^"]*"/);
  });

  it('refuses a document with errors, with the positioned problems check reports, and writes nothing at all', async () => {
    const bad = readFileSync(join(dir, 'docs', 'section-M.md'), 'utf8').replace('\nM1.2 ', '\nM1.1 ');
    writeFileSync(join(dir, 'docs', 'section-M.md'), bad);
    const check = await runCli(['check', 'docs'], dir);
    const r = await runCli(['render', 'docs', '-o', 'out'], dir);
    expect(r.code).toBe(1);
    expect(check.stdout).not.toBe('');
    for (const line of check.stdout.trim().split('\n')) expect(r.stderr).toContain(line);
    expect(r.stderr).toMatch(/nothing written\n$/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses a document not in canonical form, pointing at the first line fmt would change', async () => {
    const src = readFileSync(join(dir, 'docs', 'section-G.md'), 'utf8').replace('\n## G2 ', '\n## G2  ');
    writeFileSync(join(dir, 'docs', 'section-G.md'), src);
    const line = src.split('\n').findIndex((l) => l.startsWith('## G2')) + 1;
    const r = await runCli(['render', 'docs/section-G.md', '-o', 'g.docx'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`docs/section-G.md:${line}:1  Not in canonical form: run \`sec-redline fmt\` to fix, then render  [fmt]`);
    expect(existsSync(join(dir, 'g.docx'))).toBe(false);
  });

  it('--pdf without LibreOffice is refused before anything is written', async () => {
    const r = await runCli(['render', 'docs/section-G.md', '-o', 'g.docx', '--pdf'], dir, { PATH: join(dir, 'no-such-bin') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--pdf needs LibreOffice, and soffice is not on PATH');
    expect(existsSync(join(dir, 'g.docx'))).toBe(false);
  });

  it('never writes over an input, and says what it expects of -o', async () => {
    const md = readFileSync(join(dir, 'docs', 'section-G.md'), 'utf8');
    const r = await runCli(['render', 'docs/section-G.md', '-o', 'docs/section-G.md', '--format', 'html'], dir);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'docs', 'section-G.md'), 'utf8')).toBe(md);
    expect((await runCli(['render', 'docs/section-G.md'], dir)).stderr).toContain('render needs -o');
    expect((await runCli(['render', 'docs/section-G.md', '-o', 'g.pdf'], dir)).stderr).toContain("cannot tell the format from 'g.pdf'");
    expect((await runCli(['render', 'docs', '-o', 'all.docx'], dir)).stderr).toContain('several documents are written into a directory');
    expect((await runCli(['render', 'docs/section-G.md', '-o', 'g.docx', '--format', 'html'], dir)).stderr).toContain('does not name a .html file');
    expect(existsSync(join(dir, 'g.docx'))).toBe(false);
  });

  it('release --out --pdf is refused without LibreOffice before anything is written; --pdf needs --out', async () => {
    const out = join(dir, 'release');
    const r = await runCli(['release', 'releases/example.yaml', '--out', out, '--pdf'], REPO, { PATH: join(dir, 'no-such-bin') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--pdf needs LibreOffice');
    expect(existsSync(out)).toBe(false);
    expect((await runCli(['release', 'releases/example.yaml', '--pdf'], REPO)).stderr).toContain('--pdf goes with -o DIR');
  });
});
