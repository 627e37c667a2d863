// The Markdown (CriticMarkup) and HTML renderings of the Annex A, and the golden files under
// tests/fixtures/annex/<case>/ (input: redline.json + meta.json; expected: expected.md).
// Regenerate the goldens after a reviewed change with UPDATE_GOLDEN=1.

import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAnnex } from '../../src/annex/build.js';
import type { AnnexMeta } from '../../src/annex/types.js';
import type { Redline } from '../../src/redline/types.js';
import { renderAnnexMarkdown } from '../../src/render/annex-md.js';
import { criticMarkup } from '../../src/render/critic-spans.js';
import { renderAnnexHtml } from '../../src/render/annex-html.js';
import { diffRedline, exampleRedline, META, tc } from './fixtures.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'annex');

describe('CriticMarkup', () => {
  it('writes insertions, deletions and substitutions', () => {
    expect(criticMarkup(tc('by ', { del: 'Fax' }, { ins: 'Email' }, '.').spans)).toBe('by {~~Fax~>Email~~}.');
    expect(criticMarkup(tc('a', { ins: ' new' }, ' b', { del: ' old' }).spans)).toBe('a{++ new++} b{-- old--}');
  });
});

describe('renderAnnexMarkdown', () => {
  const md = renderAnnexMarkdown(buildAnnex(exampleRedline(), META));

  it('has the furniture, escaped, and instructions as their own paragraphs', () => {
    expect(md.startsWith("# MP999 'Housekeeping changes to the SEC \\& DUIS'\n")).toBe(true);
    expect(md).toContain('\n\n**Amend Section G3.5 as follows:**\n\n');
    expect(md).toContain('\n\n…\n\n');
    expect(md).toContain('{--deleted text--}');
  });

  it('shows changes in CriticMarkup, whole inserted blocks as one insertion, item notes as comments', () => {
    // One note per item per passage, after the last block the item changes there.
    expect(md).toContain('M2.4 Notices may be given by hand, by post or by {~~Fax~>Email~~}.\n');
    expect(md).toContain('- (b) its {~~Fax number~>Email address~~}. {>>Item 8<<}');
    expect(md).toContain('{++G3.5A The DCC shall report each Security Incident');
    expect(md).toContain('- (b) with a description of the steps taken {~~so far~>to date~~}. {>>Item 26<<}');
    expect(md).toContain('  - (i) including any steps taken by a *third party*.');
    expect(md).toContain('| {++E64++} | {++Service Request not available for this Device type++} | {++422++} {>>Item 14<<} |');
    expect(md).not.toMatch(/\\\[Items? \d/);
    expect(md).toContain('| --- | --- | --: |');
    expect(md).toContain('| … | | |');
  });

  it('is deterministic', () => {
    expect(renderAnnexMarkdown(buildAnnex(exampleRedline(), META))).toBe(md);
  });
});

describe('renderAnnexHtml', () => {
  const html = renderAnnexHtml(buildAnnex(exampleRedline(), META));

  it('is a standalone page with styled <ins> and <del>', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('ins { text-decoration: underline double;');
    expect(html).toContain('del { text-decoration: line-through;');
    expect(html).toContain('by <del>Fax</del><ins>Email</ins>.');
    expect(html).not.toMatch(/<script|<link /);
  });

  it('escapes text and shows inline Markdown as formatting, never as syntax', () => {
    expect(html).toContain('&quot;&lt;secure&gt;&quot;');
    expect(html).toContain('Section A1.1 &amp; the');
    expect(html).toContain('<ins><strong>applies only to SMETS1 Devices</strong></ins>');
    expect(html).toContain('<code>TLS</code><del><code> 1.2</code></del>');
    const clauses = html.slice(html.indexOf('<section class="part">'));
    expect(clauses).not.toMatch(/\*\*|`/);
  });

  it('tags changes with their items and marks row status', () => {
    expect(html).toContain('<span class="item">[Item 3]</span>');
    expect(html).toMatch(/<tr class="deleted"><td><del>E62<\/del><\/td>/);
    expect(html).toContain('<tr class="gap"><td colspan="3">…</td></tr>');
  });
});

describe('golden Markdown', () => {
  const cases: [string, () => Redline][] = [
    ['example', exampleRedline],
    ['diff', diffRedline],
  ];
  for (const [name, make] of cases) {
    it(`${name}: redline.json + meta.json → expected.md`, () => {
      const dir = join(FIXTURES, name);
      if (process.env['UPDATE_GOLDEN'] === '1') {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'redline.json'), `${JSON.stringify(make(), null, 2)}\n`);
        writeFileSync(join(dir, 'meta.json'), `${JSON.stringify(META, null, 2)}\n`);
      }
      const redline = JSON.parse(readFileSync(join(dir, 'redline.json'), 'utf8')) as Redline;
      const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as AnnexMeta;
      // The stored input is what the fixture builder makes (so the goldens cannot drift from the tests).
      expect(redline).toEqual(make());
      const md = renderAnnexMarkdown(buildAnnex(redline, meta));
      const expectedFile = join(dir, 'expected.md');
      if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(expectedFile)) writeFileSync(expectedFile, md);
      expect(md).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }

  it('every fixture folder has its input and expected files', () => {
    for (const name of readdirSync(FIXTURES)) {
      for (const f of ['redline.json', 'meta.json', 'expected.md']) expect(existsSync(join(FIXTURES, name, f))).toBe(true);
    }
  });
});
