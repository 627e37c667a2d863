// The change-log examples in README.md are real: the header example and every one-line edit example apply to
// sections/ as written (a README example that no longer works fails here).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { EDIT_KINDS } from '../../src/changelog/index.js';

const repo = join(import.meta.dirname, '../..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');

function yamlBlock(startsWith: string): string {
  const at = readme.indexOf('```yaml\n' + startsWith);
  expect(at, `README has a yaml block starting '${startsWith}'`).toBeGreaterThan(0);
  return readme.slice(at + '```yaml\n'.length, readme.indexOf('```', at + 8));
}

async function dryRun(yaml: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'readme-')), 'changes.yaml');
  writeFileSync(file, yaml);
  return runCli(['apply', file, '--dry-run'], repo);
}

describe('README change-log examples', () => {
  it('the header example applies', async () => {
    const r = await dryRun(yamlBlock('modification:'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('every one-line edit example applies, each as an item of its own', async () => {
    const edits = yamlBlock('- { kind:').trim().split('\n').map((l) => l.split(' # ')[0]!.trim());
    const kinds = new Set(edits.map((e) => /kind: ([a-z-]+)/.exec(e)![1]));
    // Every edit kind but `renumber`, which is sound only where numbering has a gap to close (a well-numbered
    // sample has none; apply refuses a result that check rejects): docs/changelog.md shows it with its context.
    expect([...kinds].sort()).toEqual(EDIT_KINDS.filter((k) => k !== 'renumber').sort());
    const yaml = [
      'modification: { id: MP999, title: Every edit kind }',
      'release: June 2024 SEC Release',
      'drafter: SECAS',
      'date: 2024-05-22',
      'documents: { Section G: SEC 2024-02, Section H: SEC 2024-02, Section M: SEC 2024-02, Appendix R: CTSD 6.1, Appendix AD: DUIS 5.2, Appendix AG: IMP 2.3 }',
      'items:',
      ...edits.flatMap((e, i) => [`  - id: '${i + 1}'`, '    summary: s', '    proposed: p', '    edits:', `      ${e}`]),
    ].join('\n');
    const r = await dryRun(`${yaml}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${edits.length} items`);
  });
});
