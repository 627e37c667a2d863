// Hostile and oversized input: syntax errors, alias bombs, 10,000 items, file paths where IDs belong. Each
// gets a clear message and nothing is written.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { loadChangeLog } from '../../src/changelog/index.js';
import { docMap, formatted, parseOrThrow, run } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'sec-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEAD = `modification: { id: MP900, title: Hostile }
release: June 2024 SEC Release
drafter: SECAS
date: 2024-05-22
documents:
  Section G: SEC 2024-02
items:
`;

/** A Section G with n clauses, each mentioning Fax once. */
function bigDoc(n: number): string {
  const lines = ['---', 'kind: section', 'code: G', 'title: Security', 'version: SEC 2024-02', '---', '', '## G1 General', ''];
  for (let i = 1; i <= n; i++) lines.push(`G1.${i} Notice number ${i} may be sent by Fax.`, '');
  return lines.join('\n');
}

function items(n: number, edit: (i: number) => string): string {
  let out = HEAD;
  for (let i = 1; i <= n; i++) out += `  - id: '${i}'\n    summary: Item ${i}.\n    proposed: Change ${i}.\n    edits:\n${edit(i)}`;
  return out;
}

describe('hostile change logs', () => {
  it('reports a YAML syntax error with its position', () => {
    const { log, problems } = loadChangeLog('modification: { id: MP1\nitems: [', 'c.yaml');
    expect(log).toBeNull();
    expect(formatted(problems)[0]).toMatch(/^c\.yaml:\d+:\d+ {2}YAML syntax error: /);
  });

  it('refuses an alias bomb quickly', () => {
    let y = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++) y += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const { log, problems } = loadChangeLog(y, 'bomb.yaml');
    expect(log).toBeNull();
    expect(problems.map((p) => p.message).join('\n')).toMatch(/aliases excessively/);
  }, 10_000); // a hang guard (expanding the bomb would not finish), not a speed target: those live in bench/

  it('applies 10,000 items to a document of 10,000 clauses', () => {
    const doc = parseOrThrow(bigDoc(10_000), 'section-G.md');
    const yaml = items(10_000, (i) => `      - { kind: replace, in: G1.${i}, find: Fax, with: Email }\n`);
    const { problems, result } = run(yaml, docMap(doc));
    expect(formatted(problems)).toEqual([]);
    expect(result!.docs.get('Section G')!.blocks.filter((b) => b.text.includes('Fax'))).toEqual([]);
  });

  it('reports 10,000 unknown clauses clearly, one problem each', () => {
    const doc = parseOrThrow(bigDoc(100), 'section-G.md');
    const yaml = items(10_000, (i) => `      - { kind: replace, in: G9.${i}, find: Fax, with: Email }\n`);
    const { problems } = run(yaml, docMap(doc));
    expect(problems).toHaveLength(10_000);
    expect(problems[9_999]!.message).toBe("item '10000' (replace): 'G9.10000' not found in Section G (section-G.md)");
  });

  it('refuses more items than the limit', () => {
    const { problems } = loadChangeLog(HEAD.replace('items:\n', `items: [${Array(50_001).fill('{}').join(',')}]\n`), 'c.yaml');
    expect(problems.map((p) => p.message)).toContain('items: 50001 items; the limit is 50000 (split the change log)');
  });
});

describe('apply writes nothing on hostile input', () => {
  const sections = join(tmp, 'sections');
  mkdirSync(sections, { recursive: true });
  writeFileSync(join(sections, 'section-G.md'), bigDoc(3));

  it.each([
    ['a file path instead of an ID', `${HEAD}  - id: '1'\n    summary: S.\n    proposed: P.\n    edits:\n      - { kind: replace, in: ../../etc/passwd, find: root, with: x }\n`, /is not a clause or document ID .* never by file path/],
    ['a YAML syntax error', `${HEAD}  - id: [\n`, /YAML syntax error/],
    ['an alias bomb', `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`, /aliases excessively/],
  ])('%s', async (_name, yaml, message) => {
    const file = join(tmp, 'changes.yaml');
    writeFileSync(file, yaml);
    const out = join(tmp, 'out');
    const r = await runCli(['apply', file, '--sections', sections, '--out', out], tmp);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
