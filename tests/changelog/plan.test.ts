// The two public phases of a change log: planChangeLog (a pure, plain Plan) and applyPlan. Checked on the worked
// example (annexes/housekeeping-2024 over sections/), on every change log of the release fixtures over their
// baseline and on the change-log fixtures (each edit kind, each validation error): planning is pure and repeatable, a Plan survives structuredClone unchanged (no class instances), the
// phases together are applyChangeLog, and an item's `applied` says exactly whether its changes are made.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecDocument } from '../../src/model/types.js';
import { applyChangeLog, applyPlan, loadChangeLog, planChangeLog, type ChangeLog, type Plan } from '../../src/changelog/index.js';
import { redlineErrors } from '../../src/redline/invariant.js';
import { docMap, parseOrThrow } from './helpers.js';

interface Case {
  name: string;
  log: ChangeLog;
  docs: Map<string, SecDocument>;
}

function readDocs(dir: string, prefix: string): Map<string, SecDocument> {
  return docMap(...readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => parseOrThrow(readFileSync(join(dir, f), 'utf8'), `${prefix}/${f}`)));
}

function load(file: string, name = file): ChangeLog {
  const { log, problems } = loadChangeLog(readFileSync(file, 'utf8'), name);
  if (!log) throw new Error(`${file}: ${problems.map((p) => p.message).join('; ')}`);
  return log;
}

const HOUSEKEEPING: Case = { name: 'housekeeping-2024', log: load('annexes/housekeeping-2024/changes.yaml'), docs: readDocs('sections', 'sections') };

const RELEASES = join(import.meta.dirname, '..', 'fixtures', 'release');
const BASELINE = readDocs(join(RELEASES, '_baseline'), 'sections');
const releaseCases: Case[] = readdirSync(RELEASES)
  .filter((n) => !n.startsWith('_'))
  .sort()
  .flatMap((name) => {
    const annexes = join(RELEASES, name, 'annexes');
    let folders: string[] = [];
    try {
      folders = readdirSync(annexes).sort();
    } catch {
      return []; // a case with no change logs (a release file's own problems)
    }
    return folders.flatMap((f) => {
      const file = join(annexes, f, 'changes.yaml');
      const { log } = loadChangeLog(readFileSync(file, 'utf8'), `annexes/${f}/changes.yaml`);
      return log ? [{ name: `${name}/${f}`, log, docs: BASELINE }] : [];
    });
  });
// The per-kind and validation-error fixtures of tests/changelog/fixtures.test.ts, those whose change log loads.
const FIXTURES = 'tests/fixtures/changelog';
const fixtureCases: Case[] = [
  ...readdirSync(FIXTURES).filter((d) => d !== 'errors').map((d) => `${FIXTURES}/${d}`),
  ...readdirSync(`${FIXTURES}/errors`).map((d) => `${FIXTURES}/errors/${d}`),
].flatMap((dir) => {
  const { log } = loadChangeLog(readFileSync(`${dir}/changes.yaml`, 'utf8'), 'changes.yaml');
  if (!log) return [];
  try {
    const docs = readdirSync(dir).includes('before.md') ? docMap(parseOrThrow(readFileSync(`${dir}/before.md`, 'utf8'), 'before.md')) : new Map<string, SecDocument>();
    return [{ name: dir.slice(FIXTURES.length + 1), log, docs }];
  } catch {
    return []; // a fixture whose document itself is refused
  }
});
const CASES = [HOUSEKEEPING, ...releaseCases, ...fixtureCases];

describe('planChangeLog and applyPlan', () => {
  it('covers the worked example, the release fixtures and the change-log fixtures, error cases included', () => {
    expect(releaseCases.length).toBeGreaterThanOrEqual(12);
    expect(fixtureCases.length).toBeGreaterThanOrEqual(20);
    // Many fixtures plan with errors, some of them only at read-back: the phases must agree on those too.
    const errorCases = fixtureCases.filter((c) => planChangeLog(c.log, c.docs).problems.some((p) => p.severity === 'error'));
    expect(errorCases.length).toBeGreaterThanOrEqual(10);
    const readBackOnly = fixtureCases.filter((c) => {
      const plan = planChangeLog(c.log, c.docs);
      return !plan.problems.length && applyPlan(plan, c.docs).problems.length > 0;
    });
    expect(readBackOnly.length).toBeGreaterThanOrEqual(1);
  });

  for (const c of CASES) {
    it(`${c.name}: planning is pure, repeatable and gives a plain value`, () => {
      const before = structuredClone(c.docs);
      const first = planChangeLog(c.log, c.docs);
      const second = planChangeLog(c.log, c.docs);
      expect(second).toEqual(first);
      expect(c.docs).toStrictEqual(before);
      // toStrictEqual compares prototypes: a class instance anywhere in the plan would not survive the clone.
      expect(structuredClone(first)).toStrictEqual(first);
      expect(first.items.map((it) => it.id)).toEqual(c.log.items.map((it) => it.id));
    });

    it(`${c.name}: applyPlan(planChangeLog(log, docs), docs) is applyChangeLog(log, docs), and leaves the documents alone`, () => {
      const before = structuredClone(c.docs);
      const plan = planChangeLog(c.log, c.docs);
      const planCopy = structuredClone(plan);
      const phased = applyPlan(plan, c.docs);
      expect(phased).toEqual(applyChangeLog(c.log, c.docs));
      expect(c.docs).toStrictEqual(before);
      expect(plan).toStrictEqual(planCopy);
    });

    it(`${c.name}: an item is applied exactly when none of its problems is an error, and its problems are the plan's`, () => {
      const plan = planChangeLog(c.log, c.docs);
      for (const item of plan.items) {
        expect(item.applied, item.id).toBe(!item.problems.some((p) => p.severity === 'error'));
        for (const p of item.problems) expect(plan.problems).toContain(p);
      }
    });
  }

  it('makes the changes of exactly the items marked applied, whichever they are (housekeeping)', () => {
    const { log, docs } = HOUSEKEEPING;
    const plan = planChangeLog(log, docs);
    expect(plan.items.every((it) => it.applied)).toBe(true);
    fc.assert(
      fc.property(fc.subarray(plan.items.map((it) => it.id)), (kept) => {
        const keep = new Set(kept);
        const sub: Plan = { ...plan, items: plan.items.map((it) => ({ ...it, applied: keep.has(it.id) })) };
        const result = applyPlan(sub, docs);
        expect(result.problems).toEqual([]);
        expect(redlineErrors(result.redline)).toEqual([]);
        const named = new Set(result.redline.documents.flatMap((d) => d.clauses.flatMap((cl) => cl.items)));
        for (const item of named) expect(keep.has(item), item).toBe(true);
        // A document no kept item touches is handed back as it came.
        const touched = new Set(plan.items.filter((it) => keep.has(it.id)).flatMap((it) => it.ops.map((op) => op.doc)));
        for (const [id, doc] of docs) if (!touched.has(id)) expect(result.docs.get(id)).toBe(doc);
        expect(result.redline.documents.length).toBe(touched.size);
      }),
      { numRuns: 8 },
    );
  });
});
