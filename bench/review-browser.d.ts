// Types for bench/review-browser.js.
import type { Browser, Page } from 'puppeteer-core';

export const CHROMIUM: string;
export function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }>;
export function openReviewPage(browser: Browser, htmlPath: string, viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[]; requests: string[]; loadMs: number }>;
export function keypressTimes(page: Page, count?: number): Promise<number[]>;
export function measureReviewPage(htmlPath: string): Promise<{ loadMs: number; keyMedianMs: number; keyMaxMs: number; changes: number; errors: string[]; requests: string[] }>;
