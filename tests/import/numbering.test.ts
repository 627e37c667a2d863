// The numbering engine against self-describing fixtures (each paragraph's text is the number Word shows for it),
// then the same packages through LibreOffice, which numbers lists itself: its text export must print the same.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildDocx } from './docx-builder.js';
import { NUMBERING_FIXTURES } from './numbering-fixtures.js';
import { readWordBody } from '../../src/import/import-docx.js';
import { formatNumber } from '../../src/import/numbering.js';
import type { BodyRecord, ParaRecord } from '../../src/import/types.js';
import { requireTool } from '../helpers/tools.js';

function paragraphs(records: BodyRecord[]): ParaRecord[] {
  const out: ParaRecord[] = [];
  for (const r of records) {
    if (r.kind === 'p') out.push(r);
    else for (const row of r.rows) for (const cell of row) out.push(...cell);
  }
  return out;
}

const text = (p: ParaRecord): string => p.segments.map((s) => s.text).join('');

describe('numbering: each paragraph states the number Word shows', () => {
  for (const [name, parts] of Object.entries(NUMBERING_FIXTURES)) {
    it(name, () => {
      const body = readWordBody(buildDocx(parts), `${name}.docx`, 'refuse');
      expect(body.numberingProblems).toEqual([]);
      const got = paragraphs(body.records).map((p) => ({ expected: text(p), shown: p.label?.text ?? '-' }));
      expect(got.length).toBeGreaterThan(2);
      for (const g of got) expect(g.shown, `paragraph stating '${g.expected}'`).toBe(g.expected);
    });
  }

  it('formats numbers as §17.18.59 says', () => {
    expect([1, 26, 27, 28, 53].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa', 'bb', 'aaa']);
    expect([4, 9, 14, 40, 1994].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['IV', 'IX', 'XIV', 'XL', 'MCMXCIV']);
    expect([0, 7, 10, 123].map((n) => formatNumber(n, 'decimalZero'))).toEqual(['00', '07', '10', '123']);
    expect(formatNumber(1e9, 'upperRoman')).toBe('1000000000'); // never a billion-letter label
  });

  it('reports a paragraph numbered by a w:num or w:abstractNum that does not exist', () => {
    const bytes = buildDocx({ numbering: '<w:num w:numId="2"><w:abstractNumId w:val="9"/></w:num>', body: '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>y</w:t></w:r></w:p>' });
    const body = readWordBody(bytes, 'broken.docx', 'refuse');
    expect(body.numberingProblems.map((p) => p.message)).toEqual([
      'the paragraph is numbered by w:num 7, which numbering.xml does not define',
      'w:num 2 refers to w:abstractNum 9, which numbering.xml does not define',
    ]);
  });
});

describe('numbering: LibreOffice shows the same numbers', () => {
  const ok = requireTool('soffice');
  it.skipIf(!ok)('every fixture, through soffice --convert-to txt', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sec-numbering-'));
    // LibreOffice ignores w:isLgl and w:lvlRestart (it restarts deeper levels after any shallower one and
    // formats every level by its own numFmt): those two fixtures follow ECMA-376 and are left out here.
    const names = Object.keys(NUMBERING_FIXTURES).filter((n) => !/isLgl|lvlRestart/.test(n));
    names.forEach((name, i) => writeFileSync(join(dir, `f${i}.docx`), buildDocx(NUMBERING_FIXTURES[name]!)));
    // One LibreOffice process for every fixture.
    // A private profile: test files run in parallel, and two soffice processes must not share one.
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, ...names.map((_, i) => join(dir, `f${i}.docx`))], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    const mismatches: string[] = [];
    names.forEach((name, i) => {
      const lines = readFileSync(join(dir, `f${i}.txt`), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
      for (const line of lines) {
        // LibreOffice prints a numbered paragraph as its label, a space or tab, then its text; an unnumbered one
        // as its text ('-' in these fixtures).
        const m = /^(.*?)[\t ]+(\S+)$/.exec(line.trim());
        const shown = m ? m[1]! : '-';
        const stated = m ? m[2]! : line.trim();
        if (shown !== stated) mismatches.push(`${name}: LibreOffice shows '${shown}' for the paragraph stating '${stated}'`);
      }
    });
    expect(mismatches).toEqual([]);
  });
});
