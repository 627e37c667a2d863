// External programs used as oracles (pandoc, soffice, pdftotext, pdftoppm). A missing tool fails the test run
// in CI (CI=true), where .ci/run installs them; on a developer machine its tests are skipped, loudly.

import { spawnSync } from 'node:child_process';

const cache = new Map<string, boolean>();

export function hasTool(name: string): boolean {
  let hit = cache.get(name);
  if (hit === undefined) {
    hit = spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
    cache.set(name, hit);
  }
  return hit;
}

const PACKAGE: Record<string, string> = {
  pandoc: 'pandoc',
  soffice: 'libreoffice-writer-nogui',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  unzip: 'unzip',
  xmllint: 'libxml2-utils',
  chromium: 'chromium',
};

/**
 * True when `name` is on PATH. When it is not: throws under CI=true (so the test file fails with this
 * message), otherwise warns and returns false so the caller can skip.
 */
export function requireTool(name: string): boolean {
  if (hasTool(name)) return true;
  const pkg = PACKAGE[name] ?? name;
  const message = `${name} is not installed (apt-get install ${pkg}); the tests that use it as an oracle cannot run`;
  if (process.env['CI'] === 'true') throw new Error(`${message}. It is required in CI.`);
  console.warn(`\n!!! SKIPPING: ${message}.\n`);
  return false;
}
