// Word files made by real writers, imported: pandoc's docx writer on every shipped sample (the import must give
// the sample back byte for byte, and `diff` must find the .docx equal to it), the same files after LibreOffice
// rewrote them (docx → odt → docx), and a multi-level list numbered by LibreOffice itself.

import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { importDocx } from '../../src/import/index.js';
import { runCli } from '../helpers/run-cli.js';
import { requireTool } from '../helpers/tools.js';

const root = resolve(import.meta.dirname, '../..');
const samples = readdirSync(join(root, 'sections')).filter((n) => n.endsWith('.md')).sort();
const filter = join(root, 'tests/import/br-to-linebreak.lua');
const haveTools = requireTool('pandoc') && requireTool('soffice');

describe.skipIf(!haveTools)('import: documents written by pandoc and LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sec-import-writers-'));
  const pandocDir = join(dir, 'pandoc');
  const odtDir = join(dir, 'odt');
  const loDir = join(dir, 'libreoffice');
  mkdirSync(pandocDir);
  // '-smart': keep the samples' straight quotes (pandoc would curl them, a change of text, not of import).
  for (const name of samples) {
    const r = spawnSync('pandoc', ['-f', 'markdown-smart', '--lua-filter', filter, '-t', 'docx', join(root, 'sections', name), '-o', join(pandocDir, name.replace(/\.md$/, '.docx'))], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pandoc failed on ${name}: ${r.stderr}`);
  }
  const soffice = (to: string, outdir: string, files: string[]): void => {
    // A private profile: test files run in parallel, and two soffice processes must not share one.
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', to, '--outdir', outdir, ...files], { encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  };
  soffice('odt', odtDir, samples.map((n) => join(pandocDir, n.replace(/\.md$/, '.docx'))));
  for (const f of ['libreoffice-list.fodt', 'libreoffice-outline.fodt']) copyFileSync(join(root, 'tests/fixtures/import', f), join(odtDir, f));
  // One more LibreOffice process rewrites every package (and numbers the list with its own definitions).
  soffice('docx:MS Word 2007 XML', loDir, readdirSync(odtDir).map((n) => join(odtDir, n)));

  for (const name of samples) {
    const docx = name.replace(/\.md$/, '.docx');
    it(`${name}: pandoc's DOCX imports to the sample, byte for byte`, () => {
      const res = importDocx(readFileSync(join(pandocDir, docx)), docx);
      expect(res.markdown).toBe(readFileSync(join(root, 'sections', name), 'utf8'));
      expect(res.problems).toEqual([]);
    });
    it(`${name}: the same after LibreOffice's docx → odt → docx`, () => {
      const res = importDocx(readFileSync(join(loDir, docx)), docx);
      expect(res.markdown).toBe(readFileSync(join(root, 'sections', name), 'utf8'));
    });
  }

  it('`diff` reads the .docx files, alone and as a folder, and finds them equal to sections/', async () => {
    const one = await runCli(['diff', join(pandocDir, 'section-H.docx'), 'sections/section-H.md'], root);
    expect(one.stdout).toBe('No differences (1 document compared).\n');
    expect(one.code).toBe(0);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    for (const name of samples) copyFileSync(join(loDir, name.replace(/\.md$/, '.docx')), join(folder, name.replace(/\.md$/, '.docx')));
    const all = await runCli(['diff', folder, 'sections', '--stat'], root);
    expect(all.stdout).toMatch(/^No differences \(9 documents compared\)/);
    expect(all.code).toBe(0);
  });

  // A list numbered by LibreOffice (clauses 'G3.%1', labels '(%2)', '(%3)'), and headings numbered by its outline
  // numbering (exported as heading styles linked to a numbering definition): what Word would show, imported.
  for (const name of ['libreoffice-list', 'libreoffice-outline']) {
    it(`${name}: numbered by LibreOffice, imported as it shows`, () => {
      const res = importDocx(readFileSync(join(loDir, `${name}.docx`)), `${name}.docx`, { kind: 'section', code: 'G', title: 'Security', version: 'SEC 2024-06' });
      expect(res.markdown).toBe(readFileSync(join(root, `tests/fixtures/import/${name}.expected.md`), 'utf8'));
    });
  }
});

describe.skipIf(!requireTool('pandoc'))('import: nothing lost, as pandoc reads the document', () => {
  it('every word pandoc reads in a package full of fields, controls, tables, notes and revisions is in the import', async () => {
    const { buildDocx, table } = await import('./docx-builder.js');
    const r = (t: string, rPr = ''): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
    const para = (inner: string): string => `<w:p>${inner}</w:p>`;
    const body =
      para(r('G1.1 The DCC shall ') + `<w:ins w:id="1" w:author="SECAS">${r('promptly ')}</w:ins>` + `<w:del w:id="2" w:author="SECAS"><w:r><w:delText>slowly </w:delText></w:r></w:del>` + r('notify the Panel') + '<w:r><w:footnoteReference w:id="1"/></w:r>' + r('.')) +
      para(r('G1.2 See ') + `<w:fldSimple w:instr=" REF x ">${r('Section G3')}</w:fldSimple>` + r(' and ') + `<w:hyperlink r:id="L1">${r('the website')}</w:hyperlink>` + r('.')) +
      `<w:sdt><w:sdtPr/><w:sdtContent>${para(r('G1.3 Controlled content survives.'))}</w:sdtContent></w:sdt>` +
      table([[para(r('Expression')), para(r('Meaning'))], [para(r('Alpha', '<w:b/>')), para(r('means first;') + '<w:r><w:br/></w:r>' + r('or earliest.'))]]) +
      para(r('(a) a labelled item with ') + r('code', '<w:i/>') + r(' inside;'));
    const bytes = buildDocx({
      custom: { kind: 'section', code: 'G', version: 'v1' },
      title: 'Security',
      body,
      footnotes: '<w:footnote w:id="1"><w:p><w:r><w:t>Footnote words here.</w:t></w:r></w:p></w:footnote>',
      links: { L1: 'https://example.org/' },
    });
    const dir = mkdtempSync(join(tmpdir(), 'sec-import-words-'));
    const file = join(dir, 'rich.docx');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, bytes);
    const plain = spawnSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file], { encoding: 'utf8' });
    expect(plain.status).toBe(0);
    const ours = importDocx(bytes, 'rich.docx', { tracked: 'accept' }).markdown.split('---\n').slice(2).join('---\n');
    const words = (s: string): string[] => s.match(/[A-Za-z0-9]+/g) ?? [];
    const have = new Map<string, number>();
    for (const w of words(ours)) have.set(w, (have.get(w) ?? 0) + 1);
    const missing: string[] = [];
    // pandoc prints a footnote's number twice ('[1]' at the reference and before the note); import keeps it once,
    // in the marked paragraph that holds the note ('[import: footnote 1] …').
    for (const w of words(plain.stdout.replace(/\[\d+\]/g, ' '))) {
      const n = have.get(w) ?? 0;
      if (n === 0) missing.push(w);
      else have.set(w, n - 1);
    }
    expect(missing).toEqual([]);
    expect(words(plain.stdout).length).toBeGreaterThan(30);
  });
});

describe.skipIf(!requireTool('pandoc'))('import: tracked changes written by pandoc', () => {
  it('refused by default; rejected gives the old text and accepted the new', async () => {
    const { ProblemsError } = await import('../../src/util/errors.js');
    const dir = mkdtempSync(join(tmpdir(), 'sec-import-tracked-'));
    const file = join(dir, 'tracked.docx');
    // pandoc writes insertion/deletion spans as w:ins/w:del (and reuses their w:id values).
    const r = spawnSync('pandoc', ['-f', 'markdown-smart', '-t', 'docx', join(root, 'tests/fixtures/import/pandoc-tracked.md'), '-o', file], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const bytes = readFileSync(file);
    expect(() => importDocx(bytes, 'tracked.docx')).toThrow(ProblemsError);
    expect(importDocx(bytes, 'tracked.docx', { tracked: 'reject' }).markdown).toBe(readFileSync(join(root, 'tests/fixtures/import/pandoc-tracked.rejected.md'), 'utf8'));
    expect(importDocx(bytes, 'tracked.docx', { tracked: 'accept' }).markdown).toBe(readFileSync(join(root, 'tests/fixtures/import/pandoc-tracked.accepted.md'), 'utf8'));
  });
});
