// `sec-redline check` end to end: output formats, exit codes, options, and bad input. Every bad input must give
// a `file:line:col` message and a non-zero exit, never a stack trace.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/run-cli.js';

const FRONT = (kind: string, code: string): string => `---\nkind: ${kind}\ncode: ${code}\ntitle: Test\nversion: SEC 2024-02\n---\n`;
const CLEAN_G = `${FRONT('section', 'G')}\n## G1 General\n\nG1.1 Each Party shall comply with Section G1.2.\n\nG1.2 Not used\n`;
const WARNING_ONLY_G = `${FRONT('section', 'G')}\n## G1 General\n\nG1.1 Each Party shall comply.\n\nG1.2 [Not used]\n`;
const ERROR_G = `${FRONT('section', 'G')}\n## G1 General\n\nG1.1 Each Party shall comply.\n\nG1.3 The DCC shall comply.\n`;

let dirs: string[] = [];
function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sec-check-'));
  dirs.push(dir);
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

const POSITIONED = /^[^\s:]+:\d+:\d+  .+  \[[a-z-]+\]$/;

function expectPositionedFailure(r: CliResult, file: string, rule: string, message: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  const lines = r.stdout.trim().split('\n');
  for (const l of lines) expect(l).toMatch(POSITIONED);
  const line = lines.find((l) => l.startsWith(`${file}:`) && l.endsWith(`[${rule}]`));
  expect(line, r.stdout).toBeDefined();
  expect(line).toMatch(message);
}

describe('check: output and exit codes', () => {
  it('a clean set of documents exits 0 with no findings', async () => {
    const r = await runCli(['check'], tempDir({ 'sections/section-G.md': CLEAN_G }));
    expect(r).toEqual({ code: 0, stdout: '', stderr: '1 file checked: no problems\n' });
  });

  it('errors exit 1, each finding on one line as file:line:col  message  [rule]', async () => {
    const r = await runCli(['check'], tempDir({ 'sections/section-G.md': ERROR_G }));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("sections/section-G.md:12:1  Numbering skips G1.2: 'G1.3' follows 'G1.1'  [numbering-order]\n");
    expect(r.stderr).toBe('1 error, 0 warnings in 1 file\n');
  });

  it('warnings alone exit 0, and 1 under --strict', async () => {
    const dir = tempDir({ 'sections/section-G.md': WARNING_ONLY_G });
    const plain = await runCli(['check'], dir);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('  warning: ');
    expect((await runCli(['check', '--strict'], dir)).code).toBe(1);
  });

  it('--format json prints an array of problems with a fixed field order', async () => {
    const r = await runCli(['check', '--format', 'json'], tempDir({ 'sections/section-G.md': ERROR_G }));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const parsed = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(parsed).toEqual([
      { file: 'sections/section-G.md', line: 12, column: 1, severity: 'error', rule: 'numbering-order', message: "Numbering skips G1.2: 'G1.3' follows 'G1.1'" },
    ]);
    expect(Object.keys(parsed[0]!)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
    const clean = await runCli(['check', '--format', 'json'], tempDir({ 'sections/section-G.md': CLEAN_G }));
    expect(clean).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('--only and --disable choose rules; unknown rule names are usage errors', async () => {
    const dir = tempDir({ 'sections/section-G.md': ERROR_G });
    expect((await runCli(['check', '--disable', 'numbering-order'], dir)).code).toBe(0);
    expect((await runCli(['check', '--only', 'duplicate-id,code-gap'], dir)).code).toBe(0);
    expect((await runCli(['check', '--only', 'numbering-order'], dir)).code).toBe(1);
    const bad = await runCli(['check', '--only', 'numbering'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown rule numbering; the rules are duplicate-id, /);
  });

  it('--missing-documents warns about references to documents not being checked', async () => {
    const text = `${FRONT('section', 'G')}\n## G1 General\n\nG1.1 See clause 3.8.17 of Appendix AD and Section H17.5(a).\n`;
    const dir = tempDir({ 'sections/section-G.md': text });
    expect(await runCli(['check'], dir)).toMatchObject({ code: 0, stdout: '' });
    const r = await runCli(['check', '--missing-documents'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "sections/section-G.md:10:17  warning: 'clause 3.8.17' refers to Appendix AD, which is not among the documents checked  [dangling-reference]\n" +
        "sections/section-G.md:10:51  warning: 'Section H17.5(a)' refers to Section H, which is not among the documents checked  [dangling-reference]\n",
    );
  });

  it('usage errors exit 2: a bad --format, a missing path, a folder without Markdown', async () => {
    const dir = tempDir({ 'sections/section-G.md': CLEAN_G, 'empty/readme.txt': 'x' });
    expect((await runCli(['check', '--format', 'xml'], dir)).code).toBe(2);
    const missing = await runCli(['check', 'nowhere'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('sec-redline: No such file or directory: nowhere\n');
    const none = await runCli(['check', 'empty'], dir);
    expect(none).toMatchObject({ code: 2, stderr: 'sec-redline: No Markdown files to check in empty\n' });
  });

  it('--list-rules prints every rule with its severity', async () => {
    const r = await runCli(['check', '--list-rules'], tempDir());
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(12);
    expect(r.stdout).toMatch(/^not-used-spelling\s+warning\s+/m);
  });
});

describe('check: bad input', () => {
  it('malformed front matter', async () => {
    const dir = tempDir({ 'section-G.md': '---\nkind: section\ncode: [G\ntitle: Security\nversion: SEC 2024-02\n---\n\nG1.1 Text.\n' });
    expectPositionedFailure(await runCli(['check', 'section-G.md'], dir), 'section-G.md', 'front-matter', /Front matter is not valid YAML/);
  });

  it('front matter that is never closed', async () => {
    const dir = tempDir({ 'section-G.md': '---\nkind: section\ncode: G\n\nG1.1 Text.\n' });
    expectPositionedFailure(await runCli(['check', '.'], dir), 'section-G.md', 'front-matter', /^section-G\.md:1:1  Front matter is not closed/);
  });

  it('a missing document id (no code)', async () => {
    const dir = tempDir({ 'section-G.md': '---\nkind: section\ntitle: Security\nversion: SEC 2024-02\n---\n\nG1.1 Text.\n' });
    expectPositionedFailure(await runCli(['check', '.'], dir), 'section-G.md', 'front-matter', /Front matter is missing 'code'/);
  });

  it('an unparseable number', async () => {
    const dir = tempDir({ 'section-G.md': `${FRONT('section', 'G')}\n## G1 General\n\nG1.1 Text.\n\nG1.x2 More text.\n` });
    expectPositionedFailure(await runCli(['check', '.'], dir), 'section-G.md', 'malformed-id', /^section-G\.md:12:1  'G1\.x2' is not a well-formed clause number/);
  });

  it('a file that is not UTF-8 (pointing at the first bad byte)', async () => {
    const latin1 = Buffer.concat([Buffer.from(`${FRONT('section', 'G')}\n## G1 General\n\nG1.1 The caf`), Buffer.from([0xe9]), Buffer.from(' rule.\n')]);
    const dir = tempDir({ 'section-G.md': latin1 });
    expectPositionedFailure(await runCli(['check', '.'], dir), 'section-G.md', 'read', /^section-G\.md:10:13  Cannot read: file is not valid UTF-8 \(byte 0xE9 at offset \d+\)/);
  });

  it('an empty file', async () => {
    const dir = tempDir({ 'section-G.md': '' });
    expectPositionedFailure(await runCli(['check', '.'], dir), 'section-G.md', 'front-matter', /^section-G\.md:1:1  File is empty/);
  });

  it('a file over the size limit', async () => {
    const dir = tempDir();
    const fd = openSync(join(dir, 'section-G.md'), 'w');
    writeSync(fd, Buffer.from('x'), 0, 1, 64 * 1024 * 1024 + 10); // sparse: no need to write 64 MB
    closeSync(fd);
    expectPositionedFailure(await runCli(['check', '.'], dir), 'section-G.md', 'read', /Cannot read: file is \d+ bytes; the limit is 67108864/);
  });

  it('a Markdown construct SEC Markdown does not have, and a CRLF file, still give positions', async () => {
    const quote = `${FRONT('section', 'G')}\n## G1 General\n\n> G1.1 Quoted.\n`;
    const crlf = ERROR_G.replace(/\n/g, '\r\n');
    const dir = tempDir({ 'a/section-G.md': quote, 'b/section-G.md': crlf });
    const r = await runCli(['check', 'a', 'b'], dir);
    expectPositionedFailure(r, 'a/section-G.md', 'unsupported-block', /^a\/section-G\.md:10:1  warning: A block quote is not SEC Markdown/);
    expect(r.stdout).toContain("b/section-G.md:12:1  Numbering skips G1.2: 'G1.3' follows 'G1.1'  [numbering-order]");
  });

  it('a 50 MB document of valid SEC Markdown is checked (on the line-scan path)', async () => {
    const dir = tempDir();
    const lines: string[] = [FRONT('section', 'G')];
    let size = 0;
    for (let part = 1; size < 50 * 1024 * 1024; part++) {
      lines.push(`\n## G${part} Part ${part}\n`);
      for (let c = 1; c <= 200; c++) {
        const l = `\nG${part}.${c} The DCC shall notify the Panel of each *Major Security Incident* within twenty Working Days, as Section G${part}.1 describes.\n`;
        lines.push(l);
        size += l.length;
        if (c % 10 === 0) lines.push('\n- (a) the Device ID of the Device concerned;\n- (b) the date on which it was notified.\n');
      }
    }
    writeFileSync(join(dir, 'section-G.md'), lines.join(''));
    const r = await runCli(['check', '.'], dir);
    expect(r.stderr).toBe('1 file checked: no problems\n');
    expect(r.code).toBe(0);
  });

  it('a large file that is not canonical gets a clear message instead of the slow parser', async () => {
    const dir = tempDir();
    const body: string[] = [];
    for (let i = 1, size = 0; size < 9 * 1024 * 1024; i++) {
      const clause = `G1.${i} The DCC shall\nnotify the Panel of each incident within twenty Working Days.\n\n`;
      body.push(clause);
      size += clause.length;
    }
    writeFileSync(join(dir, 'section-G.md'), `${FRONT('section', 'G')}\n## G1 General\n\n${body.join('')}`);
    const r = await runCli(['check', '.'], dir);
    expectPositionedFailure(r, 'section-G.md', 'too-large', /^section-G\.md:11:1  File is 9 MB and not in canonical form from this line on/);
  });
});
