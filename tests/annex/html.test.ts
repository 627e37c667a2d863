/// <reference lib="dom" />
// The annex as HTML, as real clients read it (issue 14, item 8): pandoc reads a space between a clause's number
// and its text; every id is valid (no whitespace) and unique; in Chromium, tables start where clause text
// starts, a long number never overlaps its text, and the print style sheet keeps the marks in black and white.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { requireTool } from '../helpers/tools.js';
import { launchChromium, openReviewPage } from '../../bench/review-browser.js';

const repo = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'annex-html-'));

describe('annex HTML', async () => {
  const file = join(tmp, 'annex.html');
  const r = await runCli(['annex', 'annexes/housekeeping-2024/changes.yaml', '-o', file], repo);
  const html = (await import('node:fs')).readFileSync(file, 'utf8');

  it('has valid, unique element ids', () => {
    expect(r.code).toBe(0);
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect(id).toMatch(/^\S+$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('Appendix-AD/3.8.117.2');
  });

  it.skipIf(!requireTool('pandoc'))('reads "3.8.117.2 The" and "G3.5 Without" in pandoc, never run together', () => {
    const text = spawnSync('pandoc', ['-f', 'html', '-t', 'plain', '--wrap=none', file], { encoding: 'utf8' }).stdout;
    expect(text).toContain('\n3.8.117.2 The prepayment related');
    expect(text).toContain('\nG3.5 Without prejudice');
    expect(text).not.toMatch(/^[A-Z]{0,2}\d+(\.\d+)+[A-Z]?[A-Z][a-z]/m); // 'G4.2Each', '3.8.117.2The'
  });

  it.skipIf(!requireTool('chromium'))('lays numbers beside text and tables at the text indent; prints marks in black', async () => {
    writeFileSync(join(tmp, 'ready.html'), html.replace('</body>', '<script>document.body.setAttribute("data-ready","true")</script></body>'));
    const chromium = await launchChromium();
    try {
      const { page, errors, requests } = await openReviewPage(chromium.browser, join(tmp, 'ready.html'));
      expect([errors, requests]).toEqual([[], []]);
      const layout = await page.evaluate(() => {
        const out: { overlap: number; textLeft: number[]; tableLeft: number[] } = { overlap: 0, textLeft: [], tableLeft: [] };
        for (const p of Array.from(document.querySelectorAll('p.blk.clause'))) {
          const num = p.querySelector('.num')?.getBoundingClientRect();
          const text = p.querySelector('.text')!.getBoundingClientRect();
          if (num && num.right > text.left) out.overlap++;
          out.textLeft.push(Math.round(text.left));
        }
        for (const t of Array.from(document.querySelectorAll('table.sec'))) out.tableLeft.push(Math.round(t.getBoundingClientRect().left));
        return out;
      });
      expect(layout.overlap).toBe(0);
      const textLeft = Math.min(...layout.textLeft);
      expect(layout.tableLeft.length).toBeGreaterThan(3);
      for (const left of layout.tableLeft) expect(left).toBe(textLeft);
      await page.emulateMediaType('print');
      const marks = await page.evaluate(() => ['ins', 'del'].map((t) => { const s = getComputedStyle(document.querySelector(t)!); return [s.color, s.textDecorationLine]; }));
      expect(marks).toEqual([['rgb(0, 0, 0)', 'underline'], ['rgb(0, 0, 0)', 'line-through']]);
    } finally {
      await chromium.close();
    }
  }, 60_000);
});
