// The review page without a browser: what the command writes, the ids it gives, the source groupings, and the
// bad input it refuses with nothing written.

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { clauseSlug, idSlug, IdRegistry } from '../../src/render/html/index.js';

const repo = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'review-page-'));

describe('idSlug', () => {
  it('gives the shareable ids the issue names, with no whitespace', () => {
    expect(clauseSlug('Section G', 'G3.5')).toBe('Section-G/G3.5');
    expect(clauseSlug('Appendix AD', 'Appendix AD 3.5.10[E63]')).toBe('Appendix-AD/3.5.10[E63]');
    expect(idSlug('a "b" #c%')).toBe('a-_22_b_22_-_23_c_25_');
    expect(idSlug('   ')).toBe('_');
  });
  it('never hands out one id twice', () => {
    const ids = new IdRegistry();
    expect([ids.take('x'), ids.take('x'), ids.take('x-2'), ids.take('x')]).toEqual(['x', 'x-2', 'x-2-2', 'x-3']);
  });
});

describe('review <changes.yaml>', async () => {
  const out = join(tmp, 'hk.html');
  const r = await runCli(['review', 'annexes/housekeeping-2024/changes.yaml', '-o', out], repo);
  const html = readFileSync(out, 'utf8');

  it('writes one self-contained page: no external resource of any kind', () => {
    expect(r.code).toBe(0);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).not.toMatch(/<link\b|\bsrc=|url\(|@import|https?:\/\//i);
  });

  it('lists every changed clause in the sidebar, with valid unique ids', () => {
    const articles = [...html.matchAll(/<article class="change" id="([^"]+)"/g)].map((m) => m[1]!);
    const nav = [...html.matchAll(/<li data-for="([^"]+)">/g)].map((m) => m[1]!);
    expect(articles.length).toBe(27); // 26 changed + 1 inserted (the summary says so too)
    expect(nav).toEqual(articles);
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^\S+$/);
    expect(articles).toContain('Section-G/G3.5');
    expect(articles).toContain('Section-G/G3.5A');
    expect(html).toContain('26 changed, 1 inserted, 0 deleted, 0 moved, 0 renumbered');
  });

  it('groups by item with its summary and word counts', () => {
    expect(html).toMatch(/<tr><th scope="row">Item 3<\/th><td>G3\.5 misspells/);
    expect(html).toContain('<option value="14">Item 14</option>');
    expect(html).toMatch(/data-doc="Section G" data-kind="changed" data-groups="3"/);
  });

  it('shows tables cell by cell, and each change inline and as old | new', () => {
    const e64 = html.slice(html.indexOf('id="Appendix-AD/3.5.10"'));
    expect(e64).toMatch(/<tr class="inserted"><td><ins>E64<\/ins><\/td>/);
    const g35 = html.slice(html.indexOf('id="Section-G/G3.5"'), html.indexOf('id="Section-G/G3.5A"'));
    expect(g35).toContain('<div class="inline">');
    expect(g35).toMatch(/<div class="old"><h4>Old<\/h4>.*<del>teh<\/del>/);
    expect(g35).not.toMatch(/<div class="old">.*<ins>.*<div class="new">/);
    expect(g35).toMatch(/<div class="new"><h4>New<\/h4>.*<ins>DCC <\/ins>/);
  });

  it('is byte-identical on a second run', async () => {
    const again = join(tmp, 'hk2.html');
    await runCli(['review', 'annexes/housekeeping-2024/changes.yaml', '-o', again], repo);
    expect(readFileSync(again, 'utf8')).toBe(html);
  });
});

describe('review of a release, of a comparison', () => {
  it('groups a release by modification', async () => {
    const out = join(tmp, 'rel.html');
    const r = await runCli(['review', 'releases/example.yaml', '-o', out], repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<th scope="col">Modification</th>');
    expect(html).toMatch(/<option value="MP250">MP250<\/option>/);
    expect(html).toContain('left out: MP261 (targeted; --include-targeted takes it in)');
  });

  for (const kind of ['moved', 'renumbered']) {
    it(`labels a ${kind} clause`, async () => {
      const dir = `tests/fixtures/diff/${kind}-clause`;
      const r = await runCli(['review', `${dir}/old.md`, `${dir}/new.md`], repo);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`<span class="badge ${kind}">${kind}</span> <span class="note">${kind} from `));
    });
  }
});

describe('bad input: a clear message, exit 2, nothing written', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown revision', ['review', '--from', 'no-such-rev'], /unknown Git revision 'no-such-rev'/],
    ['an unknown revision for a change log', ['review', 'annexes/housekeeping-2024/changes.yaml', '--from', 'no-such-rev'], /unknown Git revision/],
    ['a path outside the repository', ['review', '--from', 'HEAD', '/'], /outside the Git repository/],
    ['a missing file', ['review', 'nope.md', 'sections/section-G.md'], /No such file or directory: nope\.md/],
    ['an output that is an input', ['review', 'sections', 'sections', '-o', 'sections'], /is an input/],
  ];
  for (const [what, argv, message] of cases) {
    it(what, async () => {
      const out = join(tmp, `bad-${what.replace(/\W+/g, '-')}.html`);
      const args = argv.includes('-o') ? argv : [...argv, '-o', out];
      const r = await runCli(args, repo);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    });
  }
});
