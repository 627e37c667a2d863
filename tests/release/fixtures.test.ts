// Release fixtures: each folder under tests/fixtures/release/ is a small repository (release.yaml, change logs
// under annexes/) over the shared baseline in _baseline/. The release is made with --out; stderr must be
// exactly expected-stderr.txt, the exit code case.json's, and the written documents those in expected/ (built
// by hand). A failing case must write nothing at all.

import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'release');
const BASELINE = join(ROOT, '_baseline');
const cases = readdirSync(ROOT).filter((n) => !n.startsWith('_')).sort();
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

interface CaseSpec {
  description: string;
  args: string[];
  code: number;
}

function stage(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `release-${name}-`));
  temps.push(dir);
  cpSync(join(ROOT, name), dir, { recursive: true });
  cpSync(BASELINE, join(dir, 'sections'), { recursive: true });
  return dir;
}

describe('release fixtures', () => {
  it('has a case for each kind of conflict and for composition', () => {
    for (const c of ['overlap', 'rewrite', 'anchor', 'id-collision', 'reletter', 'compose', 'path-escape']) expect(cases).toContain(c);
  });

  for (const name of cases) {
    const spec = JSON.parse(readFileSync(join(ROOT, name, 'case.json'), 'utf8')) as CaseSpec;
    it(`${name}: ${spec.description}`, async () => {
      const dir = stage(name);
      const r = await runCli(['release', 'release.yaml', '--out', 'out', ...spec.args], dir);
      expect(r.stderr).toBe(readFileSync(join(ROOT, name, 'expected-stderr.txt'), 'utf8'));
      expect(r.code).toBe(spec.code);
      if (spec.code !== 0) {
        expect(r.stdout).toBe('');
        expect(existsSync(join(dir, 'out'))).toBe(false);
        return;
      }
      // Every baseline document is written, with the two redlines and a conformed copy of each changed one,
      // named with its new version label.
      const written = readdirSync(join(dir, 'out')).sort();
      const conformed = written.filter((f) => f.endsWith('.docx') && !f.startsWith('release-redline'));
      expect(written.filter((f) => !conformed.includes(f))).toEqual([...readdirSync(BASELINE), 'release-redline-tracked.docx', 'release-redline.docx'].sort());
      const changed = readdirSync(BASELINE).filter((f) => readFileSync(join(BASELINE, f), 'utf8') !== readFileSync(join(dir, 'out', f), 'utf8'));
      const label = (f: string): string => /^version: (.*)$/m.exec(readFileSync(join(dir, 'out', f), 'utf8'))![1]!.replace(/ /g, '-');
      expect(conformed).toEqual(changed.map((f) => `${f.replace(/\.md$/, '')}-${label(f)}.docx`).sort());
      const expectedDir = join(ROOT, name, 'expected');
      expect(existsSync(expectedDir)).toBe(true);
      for (const f of readdirSync(expectedDir)) {
        expect(readFileSync(join(dir, 'out', f), 'utf8'), f).toBe(readFileSync(join(expectedDir, f), 'utf8'));
      }
    });
  }

  it('the conflict cases report the same problems without --out, and write nothing', async () => {
    for (const name of ['overlap', 'rewrite', 'anchor', 'id-collision']) {
      const dir = stage(name);
      const r = await runCli(['release', 'release.yaml'], dir);
      expect(r.code).toBe(1);
      const expected = readFileSync(join(ROOT, name, 'expected-stderr.txt'), 'utf8').replace('; nothing written\n', '\n');
      expect(r.stderr).toBe(expected);
    }
  });
});
