// planProblems is applyPlan's problems without its documents or Redline (a release validates each modification
// with it before composing them). It must report exactly what applyPlan reports, in the same order: checked on
// every change-log fixture (the edit kinds, and the validation errors, among them texts that do not read back),
// on the same plans taken as a release's composed plan (readBackRelease's wording), and with version labels.

import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyPlan, loadChangeLog, planChangeLog, planProblems, type Plan } from '../../src/changelog/index.js';
import { docMap, parseOrThrow, readFixture } from './helpers.js';

const ROOT = 'tests/fixtures/changelog';
const cases = [
  ...readdirSync(ROOT).filter((d) => d !== 'errors' && existsSync(`${ROOT}/${d}/after.md`)).map((d) => `${ROOT}/${d}`),
  ...readdirSync(`${ROOT}/errors`).map((d) => `${ROOT}/errors/${d}`),
].filter((dir) => existsSync(`${dir}/before.md`));

function planned(dir: string): { plan: Plan; docs: ReturnType<typeof docMap> } | null {
  const docs = docMap(parseOrThrow(readFixture(dir, 'before.md'), 'before.md'));
  const { log } = loadChangeLog(readFixture(dir, 'changes.yaml'), 'changes.yaml');
  return log ? { plan: planChangeLog(log, docs), docs } : null;
}

describe('planProblems', () => {
  it('is checked on texts that do not read back', () => {
    const bad = cases.filter((dir) => {
      const p = planned(dir);
      return p !== null && applyPlan(p.plan, p.docs).problems.some((x) => x.rule === 'changelog-text');
    });
    expect(bad.length).toBeGreaterThanOrEqual(2);
  });

  it.each(cases)('equals applyPlan(…).problems: %s', (dir) => {
    const p = planned(dir);
    if (!p) return;
    expect(planProblems(p.plan, p.docs)).toEqual(applyPlan(p.plan, p.docs).problems);
    // As a release's composed plan (its own wording of a read-back failure), with a new version label.
    const release: Plan = { ...p.plan, kind: 'release', log: null, versions: { 'Section G': 'SEC 2099-01' } };
    expect(planProblems(release, p.docs)).toEqual(applyPlan(release, p.docs).problems);
  });
});
