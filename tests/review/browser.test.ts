/// <reference lib="dom" />
// The review page in a real browser: Debian's headless Chromium driven by puppeteer-core (bench/review-browser.js
// launches it: no browser download, no network). The housekeeping change log's page is checked for what a
// reviewer does; the full-SEC-scale benchmark's diff (~600 changed clauses) for load time and keypress response.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { runCli } from '../helpers/run-cli.js';
import { requireTool } from '../helpers/tools.js';
import { launchChromium, openReviewPage } from '../../bench/review-browser.js';

const repo = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'review-browser-'));
const haveChromium = requireTool('chromium');

/** Distinct byte values in the decoded pixel rows of a PNG: a blank (one-colour) screen has very few. */
function pngVariety(png: Uint8Array): number {
  const buf = Buffer.from(png);
  const idat: Buffer[] = [];
  for (let pos = 8; pos < buf.length; ) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    if (type === 'IDAT') idat.push(buf.subarray(pos + 8, pos + 8 + len));
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const seen = new Set<number>();
  for (let i = 0; i < raw.length; i += 7) seen.add(raw[i]!);
  return seen.size;
}

describe.skipIf(!haveChromium)('review page in headless Chromium', () => {
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let errors: string[];
  let requests: string[];
  const file = join(tmp, 'housekeeping.html');

  beforeAll(async () => {
    const r = await runCli(['review', 'annexes/housekeeping-2024/changes.yaml', '-o', file], repo);
    expect(r.code).toBe(0);
    chromium = await launchChromium();
    ({ page, errors, requests } = await openReviewPage(chromium.browser, file));
  }, 60_000);
  afterAll(async () => {
    await chromium?.close();
  });

  /** Keyboard only: focus a control and press a key on it (Enter for buttons, Space for check boxes). */
  const press = async (selector: string, key: 'Enter' | 'Space' = 'Enter'): Promise<void> => {
    await page.focus(selector);
    await page.keyboard.press(key);
  };
  const visibleChanges = (): Promise<string[]> =>
    page.$$eval('article.change', (as) => as.filter((a) => (a as HTMLElement).offsetParent !== null).map((a) => a.id));

  it('loads without console errors or network requests', () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('lists every changed clause in the sidebar', async () => {
    const nav = await page.$$eval('nav li[data-for] a', (as) => as.map((a) => a.getAttribute('href')!.slice(1)));
    expect(nav.length).toBe(27);
    expect(nav).toEqual(await visibleChanges());
  });

  it('the first screen is not blank', async () => {
    const shot = await page.screenshot({ type: 'png' });
    writeFileSync(join(tmp, 'first-screen.png'), shot);
    expect(pngVariety(shot)).toBeGreaterThan(20);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('Changed clauses');
    expect(text).toContain('Summary');
  });

  it('j moves to the next change and k back; the address names the clause', async () => {
    const ids = await visibleChanges();
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(ids[0]);
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(ids[1]);
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe(`#${ids[1]}`);
    expect(await page.$eval('#status', (s) => s.textContent)).toBe('Change 2 of 27');
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(ids[0]);
    await page.keyboard.press('n');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(ids[1]);
    const top = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, ids[1]!);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(900);
  });

  it('a shared link opens at its clause, below the toolbar, and j goes on from there', async () => {
    const second = await chromium.browser.newPage();
    await second.setViewport({ width: 1280, height: 900 });
    await second.goto(`${pathToFileURL(file).href}#Section-H/H17.5`);
    await second.waitForSelector('body[data-ready="true"]');
    const [top, barBottom] = await second.evaluate(() => [
      document.getElementById('Section-H/H17.5')!.getBoundingClientRect().top,
      document.querySelector('.toolbar')!.getBoundingClientRect().bottom,
    ]);
    expect(top).toBeGreaterThanOrEqual(barBottom!);
    expect(top).toBeLessThan(400);
    await second.keyboard.press('j');
    expect(await second.evaluate(() => document.activeElement?.id)).toBe('Section-M/M6.2');
    await second.close();
  });

  it('the side-by-side toggle shows old | new and hides the inline view', async () => {
    const shown = (sel: string): Promise<boolean> => page.$eval(`[id="Section-G/G3.5"] ${sel}`, (e) => getComputedStyle(e).display !== 'none');
    expect([await shown('.inline'), await shown('.sbs')]).toEqual([true, false]);
    await press('#t-sbs');
    expect([await shown('.inline'), await shown('.sbs')]).toEqual([false, true]);
    expect(await page.$eval('#t-sbs', (b) => b.getAttribute('aria-pressed'))).toBe('true');
    const old = await page.$eval('[id="Section-G/G3.5"] .sbs .old', (e) => (e as HTMLElement).innerText);
    const neu = await page.$eval('[id="Section-G/G3.5"] .sbs .new', (e) => (e as HTMLElement).innerText);
    expect(old).toContain('teh');
    expect(old).not.toContain('DCC Major');
    expect(neu).toContain('DCC Major');
    expect(neu).not.toContain('teh');
    await press('#t-sbs');
    expect([await shown('.inline'), await shown('.sbs')]).toEqual([true, false]);
  });

  it('filters hide what they should: by document, by item, by kind', async () => {
    await page.select('#f-doc', 'Section G');
    expect(await visibleChanges()).toEqual(['Section-G/G3.5', 'Section-G/G3.5A', 'Section-G/G12.1']);
    const navShown = await page.$$eval('nav li[data-for]', (ls) => ls.filter((l) => !(l as HTMLElement).hidden).length);
    expect(navShown).toBe(3);
    await page.select('#f-doc', '');
    await page.select('#f-group', '4');
    expect(await visibleChanges()).toEqual(['Section-G/G3.5A']);
    await page.select('#f-group', '');
    await press('input[data-kind="changed"]', 'Space');
    expect(await visibleChanges()).toEqual(['Section-G/G3.5A']);
    await press('input[data-kind="changed"]', 'Space');
    expect((await visibleChanges()).length).toBe(27);
  });

  it('context clauses come on demand', async () => {
    const contextShown = (): Promise<number> => page.$$eval('article.context', (as) => as.filter((a) => getComputedStyle(a).display !== 'none').length);
    expect(await contextShown()).toBe(0);
    await press('#t-context');
    expect(await contextShown()).toBeGreaterThan(0);
  });

  it('every piece of text passes WCAG AA contrast, and marks read without colour', async () => {
    const failures = await page.evaluate(() => {
      const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]): number => {
        const f = (v: number): number => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const background = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent!.trim() || el.closest('.sr-only, script, style') || (el as HTMLElement).offsetParent === null) continue;
        const a = lum(rgb(getComputedStyle(el).color).slice(0, 3));
        const b = lum(background(el));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 4.5) out.push(`${el.tagName}.${el.className} '${n.textContent!.trim().slice(0, 20)}' ${ratio.toFixed(2)}`);
      }
      return out;
    });
    expect(failures).toEqual([]);
    const decorations = await page.evaluate(() => ['ins', 'del'].map((t) => getComputedStyle(document.querySelector(t)!).textDecorationLine));
    expect(decorations).toEqual(['underline', 'line-through']);
    const spoken = await page.evaluate(() => getComputedStyle(document.querySelector('del')!, '::before').content);
    expect(spoken).toBe('" [deletion] "');
  });

  it('prints without the sidebar or toolbar, marks still struck and underlined', async () => {
    await page.emulateMediaType('print');
    const nav = await page.$eval('nav', (n) => getComputedStyle(n).display);
    const bar = await page.$eval('.toolbar', (n) => getComputedStyle(n).display);
    const del = await page.$eval('del', (d) => [getComputedStyle(d).textDecorationLine, getComputedStyle(d).color]);
    expect([nav, bar]).toEqual(['none', 'none']);
    expect(del).toEqual(['line-through', 'rgb(0, 0, 0)']);
    await page.emulateMediaType('screen');
  });
});

// Load time and keypress response on the full-SEC-scale diff are speed targets: `npm run bench` measures them
// (bench/review-browser.js), never a unit test.
