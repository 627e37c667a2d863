// `render --pdf`: LibreOffice opens each rendered DOCX, updates its indexes and fields (what Word does on
// opening, since the TOC field is dirty and w:updateFields is set) and exports the PDF. The updated contents
// must list exactly the entries the DOCX already showed, in the same order, now with the page each heading is
// on; the files land together with the DOCX. One LibreOffice run for the whole file.

import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { requireTool } from '../helpers/tools.js';
import { zipText } from '../docx/zip-reader.js';
import { child, elements, parseXml, textOf } from '../docx/xml-tree.js';
import { FIXTURE, REPO, inkOnPage } from './helpers.js';

const ready = requireTool('soffice') && requireTool('pdftotext') && requireTool('pdftoppm');

describe.skipIf(!ready)('render --pdf', () => {
  let dir = '';
  let run: CliResult;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'render-pdf-'));
    mkdirSync(join(dir, 'docs'));
    copyFileSync(join(REPO, 'sections', 'section-G.md'), join(dir, 'docs', 'section-G.md'));
    copyFileSync(FIXTURE, join(dir, 'docs', 'section-X.md'));
    run = await runCli(['render', 'docs', '-o', 'out', '--pdf', '--date', '2024-06-27'], dir, { PATH: process.env['PATH'] });
  }, 300_000);

  it('writes the DOCX and the PDF of each document together', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['section-G.docx', 'section-G.pdf', 'section-X.docx', 'section-X.pdf']);
  });

  for (const stem of ['section-G', 'section-X']) {
    it(`${stem}: the index LibreOffice rebuilt lists the DOCX's own entries, each with its page number`, () => {
      // The entries as written in the TOC field's result: number and title of each, in order.
      const body = child(parseXml(zipText(readFileSync(join(dir, 'out', `${stem}.docx`)), 'word/document.xml')), 'w:body')!;
      const written = elements(body, 'w:p')
        .filter((p) => elements(p, 'w:pStyle').some((s) => /^TOC\d$/.test(s.attrs['w:val'] ?? '')))
        .map((p) => elements(p, 'w:t').map(textOf).join(' ').replace(/\s+/g, ' ').trim());
      expect(written.length).toBeGreaterThan(1);
      const pdf = join(dir, 'out', `${stem}.pdf`);
      const text = spawnSync('pdftotext', ['-layout', '-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' }).stdout;
      const entries = text
        .split('\n')
        .map((l) => /^\s*(.*?)\s*\.{3,}\s*(\d+)\s*$/.exec(l))
        .filter((m) => m !== null)
        .map((m) => ({ entry: m[1]!.replace(/\s+/g, ' '), page: Number(m[2]) }));
      expect(entries.map((e) => e.entry)).toEqual(written);
      // Pages: after the title page and the contents, never decreasing.
      expect(entries[0]!.page).toBeGreaterThanOrEqual(3);
      entries.forEach((e, i) => expect(e.page).toBeGreaterThanOrEqual(entries[Math.max(0, i - 1)]!.page));
      const all = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      const last = Number(/Page \d+ of (\d+)/.exec(all)![1]);
      expect(entries[entries.length - 1]!.page).toBeLessThanOrEqual(last);
      expect(inkOnPage(pdf, 3, join(dir, 'out'))).toBeGreaterThan(0.02);
    });
  }

  it('one transaction: a document LibreOffice cannot open leaves nothing written', async () => {
    // A fake soffice that starts but converts nothing: the DOCX must not be written either.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const fake = join(bin, 'soffice');
    writeFileSync(fake, '#!/bin/sh\nfor a; do case "$a" in -env:UserInstallation=file://*) p="${a#-env:UserInstallation=file://}"; mkdir -p "$p/user/basic/Standard";; esac; done\nexit 0\n', { mode: 0o755 });
    const r = await runCli(['render', 'docs/section-G.md', '-o', 'lone/g.docx', '--pdf'], dir, { PATH: `${bin}:/usr/bin:/bin` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did not convert');
    expect(() => readdirSync(join(dir, 'lone'))).toThrow();
  });
});
