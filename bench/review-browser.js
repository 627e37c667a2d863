// Headless Chromium (Debian's /usr/bin/chromium, driven by puppeteer-core: no browser download) for the review
// page: launching it the one way the tests and `npm run bench` share, and measuring a page's load and keypress
// response. Plain JavaScript so `npm run bench` needs no build step for it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** A fresh headless Chromium with its own profile; `close()` ends it and removes the profile. */
export async function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'sec-redline-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium runs as root on these machines, hence --no-sandbox; the rest keep it from calling out.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `htmlPath` and watches it: console errors, page errors and every request that is not the file itself.
 * Resolves once the page's script has run (body[data-ready]) with the time that took.
 */
export async function openReviewPage(browser, htmlPath, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const url = pathToFileURL(htmlPath).href;
  const errors = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]');
  const loadMs = performance.now() - t0;
  return { page, errors, requests, loadMs };
}

/**
 * Time from a 'j' keydown to the next frame after the handler ran (focus moved, page scrolled, layout done),
 * `count` times; returns every sample in ms.
 */
export async function keypressTimes(page, count = 20) {
  return page.evaluate(async (n) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      out.push(performance.now() - t0);
    }
    return out;
  }, count);
}

/** Load time and keypress response (median and worst of 20) of a review page, in a fresh browser. */
export async function measureReviewPage(htmlPath) {
  const chromium = await launchChromium();
  try {
    const { page, errors, requests, loadMs } = await openReviewPage(chromium.browser, htmlPath);
    const changes = await page.$$eval('article.change', (a) => a.length);
    const times = (await keypressTimes(page, 20)).sort((a, b) => a - b);
    return { loadMs, keyMedianMs: times[Math.floor(times.length / 2)], keyMaxMs: times[times.length - 1], changes, errors, requests };
  } finally {
    await chromium.close();
  }
}
