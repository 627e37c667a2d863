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
    const r = spawnSync('soffice', ['--headless', '--convert-to', to, '--outdir', outdir, ...files], { encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  };
  soffice('odt', odtDir, samples.map((n) => join(pandocDir, n.replace(/\.md$/, '.docx'))));
  copyFileSync(join(root, 'tests/fixtures/import/libreoffice-list.fodt'), join(odtDir, 'libreoffice-list.fodt'));
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

  it('a multi-level list numbered by LibreOffice imports as clauses and sub-paragraphs', () => {
    const res = importDocx(readFileSync(join(loDir, 'libreoffice-list.docx')), 'libreoffice-list.docx', { kind: 'section', code: 'G', title: 'Security', version: 'SEC 2024-06' });
    expect(res.markdown).toBe(readFileSync(join(root, 'tests/fixtures/import/libreoffice-list.expected.md'), 'utf8'));
  });
});
