// The committed Markdown rendering of the worked example's Annex A is what the generator writes today: any
// change to the tool's output shows up as a failing test (and a reviewable diff), never as silent drift.
// After an intended change, run `npm run example` and commit the regenerated files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const repo = join(import.meta.dirname, '../..');

describe('committed example outputs', () => {
  it('annexes/housekeeping-2024/annex-a.md matches the generator', async () => {
    const r = await runCli(['annex', 'annexes/housekeeping-2024/changes.yaml', '--format', 'md'], repo);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(repo, 'annexes/housekeeping-2024/annex-a.md'), 'utf8'));
  });

  it('annexes/housekeeping-2024/items-table.md matches the generator', async () => {
    const r = await runCli(['table', 'annexes/housekeeping-2024/changes.yaml', '--format', 'md'], repo);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(repo, 'annexes/housekeeping-2024/items-table.md'), 'utf8'));
  });
});
