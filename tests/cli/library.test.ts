// The package entry point (src/index.ts → dist/index.js) carries the whole pipeline: the README's library
// example, run as written against the sample documents.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChangeLog, buildAnnex, loadChangeLog, readDocument, redlineErrors, renderAnnexDocx, renderAnnexMarkdown } from '../../src/index.js';

const repo = join(import.meta.dirname, '../..');
const read = (p: string): string => readFileSync(join(repo, p), 'utf8');

describe('library entry point', () => {
  it('reads, applies, redlines and renders without the CLI', () => {
    const doc = readDocument(read('sections/section-G.md'), 'sections/section-G.md').doc!;
    const { log } = loadChangeLog(read('annexes/housekeeping-2024/changes.yaml'), 'changes.yaml');
    const { redline, problems } = applyChangeLog(log!, new Map([['Section G', doc]]));
    // Only Section G is given: the items for other documents are reported, Section G's are applied.
    expect(problems.some((p) => p.message.includes('Section H'))).toBe(true);
    expect(redlineErrors(redline)).toEqual([]);
    const annex = buildAnnex(redline, { modId: 'MP250', title: 'SEC Housekeeping 2024', drafter: 'SECAS', date: '2024-05-22' });
    expect(renderAnnexMarkdown(annex)).toContain('**Insert new Section G3.5A after Section G3.5 as follows:**');
    const docx = renderAnnexDocx(annex, { mode: 'tracked', date: '2024-05-22T00:00:00Z' });
    expect(Buffer.from(docx.subarray(0, 2)).toString()).toBe('PK');
  });
});

describe("README's library example", () => {
  it('runs as written: loads every document the change log lists, checks the problems, renders all nine', () => {
    const readme = read('README.md');
    const at = readme.indexOf('## Library use');
    const start = readme.indexOf('```ts\n', at) + 6;
    const code = readme.slice(start, readme.indexOf('```', start));
    // It must look at the problems it is given, not render regardless.
    expect(code).toMatch(/orStop\(problems\)/);
    const dir = mkdtempSync(join(tmpdir(), 'readme-library-'));
    const script = join(dir, 'example.mts');
    writeFileSync(script, `${code.replace("from 'sec-redline'", `from ${JSON.stringify(join(repo, 'src/index.ts'))}`)}\nconsole.log(JSON.stringify({ parts: annex.parts.length, zip: Buffer.from(docx.subarray(0, 2)).toString() }));\n`);
    const r = spawnSync('node', ['--import', 'tsx', script], { cwd: repo, encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ parts: 9, zip: 'PK' });
  }, 60_000);
});
