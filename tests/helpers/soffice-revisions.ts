// LibreOffice's own Accept All / Reject All as an oracle: one soffice process per call (so one per test file),
// running tests/helpers/soffice-revisions.py in-process as a Python macro over every job. Gives back what
// Writer holds afterwards, as the same Units the pandoc reader gives (tests/docx/pandoc.ts), plus the comments.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { requireTool } from './tools.js';
import type { Unit } from '../docx/pandoc.js';

export type SofficeAction = 'accept' | 'reject' | 'none';

export interface SofficeResult {
  /** The document had tracked changes when opened. */
  hadRevisions: boolean;
  /** Tracked changes left after the action (none after Accept All or Reject All). */
  revisionsLeft: boolean;
  /** Writer records further edits as revisions (w:trackRevisions). */
  recordChanges: boolean;
  units: Unit[];
  comments: { author: string; content: string }[];
}

const SCRIPT = join(import.meta.dirname, 'soffice-revisions.py');

/** soffice with the Python script provider and pyuno (CI installs both; elsewhere a loud skip). */
export function canRunSofficeMacros(): boolean {
  if (!requireTool('soffice')) return false;
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import uno'], { stdio: 'ignore' });
  const provider = existsSync('/usr/lib/libreoffice/program/pythonscript.py');
  if (probe.status === 0 && provider) return true;
  const message = 'python3-uno or libreoffice-script-provider-python is not installed; the LibreOffice Accept All / Reject All oracle cannot run';
  if (process.env['CI'] === 'true') throw new Error(`${message}. It is required in CI.`);
  console.warn(`\n!!! SKIPPING: ${message}.\n`);
  return false;
}

/** Runs every job in one soffice process; results in job order. */
export function sofficeRevisions(jobs: readonly { docx: Uint8Array; action: SofficeAction; pdf?: string }[]): SofficeResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'soffice-rev-'));
  try {
    const profile = join(dir, 'profile');
    const user = `-env:UserInstallation=${pathToFileURL(profile).href}`;
    // A new profile restarts soffice once on first start; create it first, then add the macro to it.
    spawnSync('soffice', [user, '--headless', '--norestore', '--terminate_after_init'], { stdio: 'ignore', timeout: 120_000 });
    const scripts = join(profile, 'user', 'Scripts', 'python');
    mkdirSync(scripts, { recursive: true });
    copyFileSync(SCRIPT, join(scripts, 'soffice-revisions.py'));
    const list = jobs.map((j, i) => {
      const file = join(dir, `in-${i}.docx`);
      writeFileSync(file, j.docx);
      return { in: file, action: j.action, out: join(dir, `out-${i}.json`), ...(j.pdf !== undefined ? { pdf: j.pdf } : {}) };
    });
    const jobsFile = join(dir, 'jobs.json');
    writeFileSync(jobsFile, JSON.stringify(list));
    const r = spawnSync('soffice', [user, '--headless', '--norestore', 'vnd.sun.star.script:soffice-revisions.py$main?language=Python&location=user'], {
      env: { ...process.env, SEC_REDLINE_JOBS: jobsFile },
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (existsSync(`${jobsFile}.error`)) throw new Error(`LibreOffice macro failed: ${readFileSync(`${jobsFile}.error`, 'utf8')}`);
    return list.map((j) => {
      if (!existsSync(j.out)) throw new Error(`LibreOffice wrote no result for ${j.in} (exit ${String(r.status)}): ${r.stderr}`);
      return JSON.parse(readFileSync(j.out, 'utf8')) as SofficeResult;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
