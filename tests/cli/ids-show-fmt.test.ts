import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const repo = join(import.meta.dirname, '../..');

describe('ids', () => {
  it('lists H17.5 and its sub-paragraphs (a)…(g) in order', async () => {
    const r = await runCli(['ids', 'sections/section-H.md'], repo);
    expect(r.code).toBe(0);
    const ids = r.stdout.trim().split('\n');
    const i = ids.indexOf('H17.5');
    expect(i).toBeGreaterThan(0);
    expect(ids.slice(i, i + 10)).toEqual(['H17.5', 'H17.5(a)', 'H17.5(b)', 'H17.5(c)', 'H17.5(d)', 'H17.5(e)', 'H17.5(e)(i)', 'H17.5(e)(ii)', 'H17.5(f)', 'H17.5(g)']);
  });

  it('lists definitions as A1.1[…] rows, with no SM WAN before the housekeeping', async () => {
    const r = await runCli(['ids', 'sections/section-A.md'], repo);
    const ids = r.stdout.trim().split('\n');
    expect(ids).toContain('A1.1[TLS]');
    expect(ids.filter((id) => id.startsWith('A1.1[')).length).toBeGreaterThan(25);
    expect(ids).not.toContain('A1.1[SM WAN]');
  });

  it('prints appendix IDs in canonical form with the document', async () => {
    const r = await runCli(['ids', '--clauses', 'sections/appendix-AD.md'], repo);
    expect(r.stdout).toContain('Appendix AD 3.8.17.1\n');
    expect(r.stdout).not.toMatch(/^3\.8/m);
  });

  it('prefixes file:line on request', async () => {
    const r = await runCli(['ids', '--with-lines', 'sections/section-G.md'], repo);
    expect(r.stdout).toMatch(/^sections\/section-G\.md:\d+\tG3\.5$/m);
  });
});

describe('show', () => {
  it('prints a clause with its sub-paragraphs', async () => {
    const r = await runCli(['show', 'H17.5'], repo);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^H17\.5 /);
    expect(r.stdout).toContain('- (g) ');
    expect(r.stdout).toContain('  - (i) ');
    expect(r.stdout).not.toMatch(/^H17\.6 /m);
  });

  it('accepts the short appendix form and a row key', async () => {
    const r = await runCli(['show', 'AD 3.5.10[E63]'], repo);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\| E63 \| /);
  });

  it('exits 1 for an unknown clause and 2 for a malformed ID', async () => {
    expect((await runCli(['show', 'G99.1'], repo)).code).toBe(1);
    const bad = await runCli(['show', 'G3..5'], repo);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a clause ID');
  });
});

describe('fmt', () => {
  it('every file in sections/ is canonical', async () => {
    const r = await runCli(['fmt', '--check'], repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('--check reports a non-canonical file with its first differing line, and fmt fixes it atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fmt-'));
    cpSync(join(repo, 'sections/section-G.md'), join(dir, 'section-G.md'));
    const original = readFileSync(join(dir, 'section-G.md'), 'utf8');
    writeFileSync(join(dir, 'section-G.md'), original.replace('## G3 Security Incident Management\n\n', '## G3 Security Incident Management\n'));
    const check = await runCli(['fmt', '--check', '.'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/^section-G\.md:\d+:1  Not in canonical form/m);
    const fix = await runCli(['fmt', '.'], dir);
    expect(fix.code).toBe(0);
    expect(readFileSync(join(dir, 'section-G.md'), 'utf8')).toBe(original);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps a block the format does not know byte for byte, with a positioned warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fmt-'));
    const text = '---\nkind: section\ncode: G\ntitle: Security\nversion: SEC 2024-02\n---\n\n>  a quotation\n> over two lines\n\nG1.1 A clause\nwrapped.\n';
    writeFileSync(join(dir, 'section-G.md'), text);
    const r = await runCli(['fmt', '.'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('section-G.md:8:1  warning: A block quote is not SEC Markdown');
    expect(readFileSync(join(dir, 'section-G.md'), 'utf8')).toBe(text.replace('clause\nwrapped', 'clause wrapped'));
    expect(existsSync(join(dir, 'section-G.md'))).toBe(true);
  });
});
