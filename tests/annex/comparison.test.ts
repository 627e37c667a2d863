// `annex OLD NEW` and `annex --from REV --to REV`: the Annex A of a plain comparison, worded from what changed,
// exact under pandoc, reproducible under --date and SOURCE_DATE_EPOCH.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { requireTool } from '../helpers/tools.js';
import { pandocUnits } from '../docx/pandoc.js';
import { actualLines, expectedLines } from '../docx/oracle.js';
import { buildAnnex } from '../../src/annex/build.js';
import { diffTrees } from '../../src/diff/trees.js';
import { directoryReader } from '../../src/cli/tree-readers.js';
import { readZip } from '../docx/zip-reader.js';

const repo = join(import.meta.dirname, '../..');
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'annex-cmp-'));
  const r = await runCli(['apply', 'annexes/housekeeping-2024/changes.yaml', '--out', join(tmp, 'new')], repo);
  expect(r.code).toBe(0);
});

describe('annex of two versions', () => {
  it('words instructions from what changed', async () => {
    const r = await runCli(['annex', 'sections', join(tmp, 'new'), '--format', 'md', '--date', '2024-06-27', '--id', 'DP999'], repo);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("# DP999 '");
    expect(r.stdout).toContain('**Amend Section G3.5 as follows:**');
    expect(r.stdout).toMatch(/\*\*Insert new Section G3\.5A after Section G3\.5 as follows:\*\*/);
    expect(r.stdout).toContain('27 June 2024');
  });

  it.skipIf(!requireTool('pandoc'))('tracked DOCX: accept all gives the new clauses, reject all the old', async () => {
    const out = join(tmp, 'cmp-tracked.docx');
    const r = await runCli(['annex', 'sections', join(tmp, 'new'), '--mode', 'tracked', '--date', '2024-06-27', '-o', out], repo);
    expect(r.code).toBe(0);
    const { redline } = diffTrees(directoryReader('sections', repo), directoryReader(join(tmp, 'new'), repo), {});
    const annex = buildAnnex(redline, { modId: 'Comparison', title: `sections → ${join(tmp, 'new')}`, drafter: 'SECAS', date: '2024-06-27' });
    const docx = readFileSync(out);
    for (const side of ['accept', 'reject'] as const) expect(actualLines(pandocUnits(docx, side))).toEqual(expectedLines(annex, side));
  });

  it('compares Git revisions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'annex-git-'));
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.email', 'ci@example.invalid');
    git('config', 'user.name', 'CI');
    cpSync(join(repo, 'sections'), join(dir, 'sections'), { recursive: true });
    git('add', '.');
    git('commit', '-qm', 'baseline');
    const g = join(dir, 'sections/section-G.md');
    writeFileSync(g, readFileSync(g, 'utf8').replace('notify teh Panel', 'notify the Panel'));
    git('commit', '-qam', 'fix');
    const r = await runCli(['annex', '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'md', '--date', '2024-06-27'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("'HEAD\\~1 → HEAD'"); // '~' escaped in Markdown
    expect(r.stdout).toContain('{~~teh~>the~~}');
    // Worded as a comparison, not as a modification called 'Comparison'.
    expect(r.stdout).toContain('between two versions of its text: HEAD\\~1 (the current text) and HEAD (the amended text).');
    expect(r.stdout).not.toContain('needed to implement');

    // Dated from the --to commit, never the clock; undated against the working tree.
    execFileSync('git', ['commit', '-q', '--amend', '--no-edit'], { cwd: dir, env: { ...process.env, GIT_COMMITTER_DATE: '2023-03-04T05:06:07Z' } });
    const dated = await runCli(['annex', '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'md'], dir, { SOURCE_DATE_EPOCH: '' });
    expect(dated.stdout).toContain('4 March 2023');
    writeFileSync(g, readFileSync(g, 'utf8').replace('the Panel', 'the Panel and the Authority'));
    const out = join(dir, 'wt.docx');
    const undated = await runCli(['annex', '--from', 'HEAD', '--format', 'md'], dir, { SOURCE_DATE_EPOCH: '' });
    const today = new Date();
    expect(undated.stdout).not.toMatch(new RegExp(`\\b${today.getUTCDate()} \\w+ ${today.getUTCFullYear()}\\b`));
    expect(undated.stdout).toMatch(/\*\*Annex A — Legal text\*\*\n\nPrepared by SECAS/);
    expect((await runCli(['annex', '--from', 'HEAD', '--mode', 'tracked', '-o', out], dir, { SOURCE_DATE_EPOCH: '' })).code).toBe(0);
    const docx = readFileSync(out);
    const xml = (name: string): string => new TextDecoder().decode(readZip(docx).find((i) => i.name === name)!.data);
    expect(xml('docProps/core.xml')).not.toContain('dcterms:created');
    expect(xml('word/document.xml')).not.toContain('w:date=');
    expect(xml('word/document.xml')).toContain('<w:ins ');
  });

  it('places an inserted clause after the clause before it in the new text, and an ellipsis between clauses that are not adjacent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'annex-pos-'));
    cpSync(join(repo, 'sections'), join(dir, 'old'), { recursive: true });
    cpSync(join(repo, 'sections'), join(dir, 'new'), { recursive: true });
    const g = join(dir, 'new', 'section-G.md');
    const text = readFileSync(g, 'utf8');
    // G3.4 changed, G3.5 left alone, a new G3.5A after it: G3.5A goes after G3.5 (not after G3.4, the previous
    // *changed* clause, nor at the start of Section G), and G3.4 and G3.5A are not adjacent.
    const withNew = text.replace(/(\nG3\.5 [^\n]*\n)/, '$1\nG3.5A The DCC shall keep a record of each Major Security Incident for six years.\n');
    expect(withNew).not.toBe(text);
    writeFileSync(g, withNew.replace('shall promptly take', 'shall immediately take'));
    const r = await runCli(['annex', join(dir, 'old'), join(dir, 'new'), '--format', 'md', '--date', '2024-06-27'], dir);
    expect(r.code).toBe(0);
    const part = r.stdout.slice(r.stdout.indexOf("## Section G 'Security'"));
    const paras = part.split('\n\n');
    const at = (s: string): number => paras.findIndex((p) => p.startsWith(s));
    expect(paras[at('**Amend Section G3.4')]).toBe('**Amend Section G3.4 as follows:**');
    expect(paras[at('G3.4') + 1]).toBe('…');
    expect(paras[at('G3.4') + 2]).toBe('**Insert new Section G3.5A after Section G3.5 as follows:**');
  });
});

describe('reproducible dates', () => {
  it('two runs with --date give byte-identical DOCX; SOURCE_DATE_EPOCH fixes the date too', async () => {
    const args = ['annex', 'annexes/housekeeping-2024/changes.yaml', '--mode', 'tracked'];
    await runCli([...args, '--date', '2024-06-27T10:00:00Z', '-o', join(tmp, 'a.docx')], repo);
    await runCli([...args, '--date', '2024-06-27T10:00:00Z', '-o', join(tmp, 'b.docx')], repo, { TZ: 'Pacific/Auckland' });
    expect(readFileSync(join(tmp, 'a.docx')).equals(readFileSync(join(tmp, 'b.docx')))).toBe(true);
    const epoch = await runCli(['annex', 'annexes/housekeeping-2024/changes.yaml', '--format', 'md'], repo, { SOURCE_DATE_EPOCH: '1719446400' });
    expect(epoch.stdout).toContain('27 June 2024');
  });

  it('refuses a person as the author of revisions', async () => {
    const r = await runCli(['annex', 'annexes/housekeeping-2024/changes.yaml', '--format', 'md', '--author', 'Jo Bloggs'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--author must be a role or organisation');
    expect((await runCli(['annex', 'annexes/housekeeping-2024/changes.yaml', '--format', 'md', '--author', 'Change Sub-Committee'], repo)).code).toBe(0);
  });

  it('refuses a date it cannot read', async () => {
    const r = await runCli(['annex', 'annexes/housekeeping-2024/changes.yaml', '--format', 'md', '--date', '27/06/2024'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--date takes YYYY-MM-DD');
  });
});
