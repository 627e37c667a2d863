// LibreOffice as a second real client: every mode converts to PDF, and the PDF's text carries every
// instruction line, the part headings and the page furniture. One conversion per mode, all in one soffice run.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildAnnex } from '../../src/annex/build.js';
import { renderAnnexDocx } from '../../src/render/docx/index.js';
import { exampleRedline, META } from '../annex/fixtures.js';
import { requireTool } from '../helpers/tools.js';

const MODES = ['visual', 'tracked', 'clean'] as const;
const ready = requireTool('soffice') && requireTool('pdftotext');

describe.skipIf(!ready)('LibreOffice converts the annex to PDF', () => {
  const annex = buildAnnex(exampleRedline(), META);
  let dir = '';
  const text = new Map<string, string>();
  const converted = new Map<string, boolean>();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'annex-soffice-'));
    const files = MODES.map((mode) => {
      const file = join(dir, `annex-${mode}.docx`);
      writeFileSync(file, renderAnnexDocx(annex, { mode, date: '2024-05-22T00:00:00Z' }));
      return file;
    });
    // A profile of our own: parallel runs (and a user's open LibreOffice) must not share one.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    for (const mode of MODES) {
      const pdf = join(dir, `annex-${mode}.pdf`);
      converted.set(mode, r.status === 0 && existsSync(pdf));
      if (!existsSync(pdf)) continue;
      const t = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      text.set(mode, t.stdout);
    }
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const mode of MODES) {
    it(`${mode}: converts, and the PDF shows every instruction, part heading and the page furniture`, () => {
      expect(converted.get(mode)).toBe(true);
      const flat = (text.get(mode) ?? '').replace(/\s+/g, ' ');
      for (const part of annex.parts) {
        expect(flat).toContain(part.heading);
        for (const item of part.content) if (item.type === 'instruction') expect(flat).toContain(item.text);
      }
      expect(flat).toContain('This document has a Classification of White');
      expect(flat).toMatch(/Page 1 of [2-9]/);
      expect(flat).toContain('MP999 Annex A');
    });
  }

  it('clean PDF has no deleted text; visual PDF has both sides', () => {
    expect(text.get('clean')).not.toMatch(/by Fax/);
    expect(text.get('visual')).toMatch(/by Fax\s*Email/);
  });
});
