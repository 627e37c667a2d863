// apply, annex and release build their Redline with only the clauses they show (ApplyPlanOptions.context): the
// changed clauses and a few unchanged ones around each. This holds them to the whole Redline:
//   - each document's Redline, attribution to items included, is exactly keepContext(the whole one, context);
//   - every amended document is exactly what reading its text gives, and its bytes copied from the original's
//     where unchanged are those of its text;
//   - what each caller makes of it is the same as from the whole Redline: the Annex A (one clause of context,
//     ANNEX_CONTEXT), the review page's model (its --context), the dry run's list of changed blocks (none).
// On every committed change log and release of the repository, and on change logs drafted from random edits.

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../helpers/runs.js';
import { readDocument, serializeDocument, spliceSerialized } from '../../src/model/index.js';
import type { SecDocument } from '../../src/model/types.js';
import { applyPlan, loadChangeLog, planChangeLog } from '../../src/changelog/index.js';
import type { ChangeLog } from '../../src/changelog/types.js';
import { draftChangeLog } from '../../src/draft/index.js';
import { keepContext } from '../../src/diff/fast-document.js';
import { ANNEX_CONTEXT, buildAnnex } from '../../src/annex/index.js';
import { buildReview } from '../../src/review/index.js';
import type { Redline } from '../../src/redline/types.js';
import { composeRelease, prepareRelease, releaseAnnex } from '../../src/release/index.js';
import { readInputs } from '../../src/cli/commands/release.js';
import { loadSectionSet } from '../../src/cli/run-change-log.js';
import type { CliContext } from '../../src/cli/context.js';
import { applyEdit, edit, rawDoc, toDoc } from '../diff/generate.js';

const CWD = process.cwd();
const ctx: CliContext = { argv: [], cwd: CWD, env: {}, stdout: { write: () => true }, stderr: { write: () => true } };
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

/** Every comparison of the whole Redline with those built for fewer clauses, for one change log. */
function expectSameAsWhole(log: ChangeLog, docs: ReadonlyMap<string, SecDocument>): void {
  const plan = planChangeLog(log, docs, { force: true });
  const whole = applyPlan(plan, docs);
  expect(whole.problems.filter((p) => p.severity === 'error')).toEqual([]);
  // Every amended document is what reading its text gives: IDs, row keys, lines and columns (apply places the
  // blocks it builds and keeps the keys of those it did not touch, rather than reading them back).
  // And its bytes, copied from the original's where unchanged (spliceSerialized), are those of its text.
  const utf8 = new TextEncoder();
  for (const [id, doc] of whole.docs) {
    if (doc === docs.get(id)) continue;
    expect(plain(doc), id).toEqual(plain(readDocument(serializeDocument(doc), doc.file).doc));
    const original = docs.get(id)!;
    const spliced = spliceSerialized(original, utf8.encode(serializeDocument(original)), doc, whole.origins.get(id)!);
    expect(Buffer.from(spliced).toString('utf8'), id).toBe(serializeDocument(doc));
  }
  const meta = { modId: log.modification.id, title: log.modification.title, drafter: log.drafter, date: log.date };
  const items = log.items.map((it) => ({ id: it.id, summary: it.summary }));
  const source = { kind: 'change-log' as const, title: 't', subtitle: 's', groups: log.items.map((i) => ({ key: i.id, label: `Item ${i.id}` })) };
  for (const context of [0, 1, 2, 4]) {
    const kept = applyPlan(plan, docs, { context });
    expect(plain(kept.redline)).toEqual(plain({ documents: whole.redline.documents.map((d) => keepContext(d, context)) }));
    expect([...kept.docs.keys()]).toEqual([...whole.docs.keys()]);
    expect(plain(buildReview(kept.redline, source, { context }))).toEqual(plain(buildReview(whole.redline, source, { context })));
    if (context >= ANNEX_CONTEXT) expect(plain(buildAnnex(kept.redline, meta, { items }))).toEqual(plain(buildAnnex(whole.redline, meta, { items })));
    expect(touchedBlocks(kept.redline)).toEqual(touchedBlocks(whole.redline));
  }
}

/** What `apply --dry-run` lists: each item's changed blocks, with their status. */
function touchedBlocks(redline: Redline): string[] {
  const out: string[] = [];
  for (const d of redline.documents) for (const c of d.clauses) for (const b of c.blocks) for (const it of b.items) out.push(`${it} ${b.id} ${b.status}`);
  return out;
}

describe('a Redline of the shown clauses only', () => {
  const sections = loadSectionSet('sections', ctx);

  it('is the whole one, elided, for every committed change log', () => {
    const logs = readdirSync('annexes').map((d) => `annexes/${d}/changes.yaml`);
    expect(logs.length).toBeGreaterThan(4);
    for (const file of logs) {
      const loaded = loadChangeLog(readFileSync(file, 'utf8'), file);
      expect(loaded.log, file).not.toBeNull();
      expectSameAsWhole(loaded.log!, sections.docs);
    }
  });

  it('gives the same release redline for the example release', () => {
    const inputs = readInputs('releases/example.yaml', { root: '.', includeTargeted: true, force: false }, ctx);
    const prepared = prepareRelease(inputs.release, inputs.mods, inputs.baseline, inputs.excluded, {});
    const whole = composeRelease(inputs.baseline, prepared.result.ops, prepared.labels);
    const kept = composeRelease(inputs.baseline, prepared.result.ops, prepared.labels, ANNEX_CONTEXT);
    expect(whole.redline.documents.length).toBeGreaterThan(3);
    expect(kept.changed).toEqual(whole.changed);
    expect(plain(releaseAnnex(inputs.release, prepared.mods, kept.redline))).toEqual(plain(releaseAnnex(inputs.release, prepared.mods, whole.redline)));
  });

  it('is the whole one, elided, for change logs drafted from random edits', () => {
    const HEADER = { modification: { id: 'MP999', title: 'Property' }, release: 'Test Release', drafter: 'SECAS', date: '2026-01-05' };
    const cases = fc.tuple(rawDoc, fc.array(edit, { minLength: 1, maxLength: 8 })).map(([raw, edits]) => ({ old: serializeDocument(toDoc(raw)), new: serializeDocument(toDoc(edits.reduce(applyEdit, raw))) }));
    let compared = 0;
    fc.assert(
      fc.property(cases, (c) => {
        const old = readDocument(c.old, 'section-G.md').doc;
        const next = readDocument(c.new, 'section-G.md').doc;
        fc.pre(c.old !== c.new && old !== null && next !== null && serializeDocument(old) === c.old && serializeDocument(next) === c.new);
        const draft = draftChangeLog([{ path: 'old/section-G.md', text: c.old }], [{ path: 'new/section-G.md', text: c.new }], HEADER);
        fc.pre(draft.yaml !== null && draft.yaml !== undefined && draft.problems.length === 0);
        const loaded = loadChangeLog(draft.yaml, 'changes.yaml');
        expectSameAsWhole(loaded.log!, new Map([['Section G', old!]]));
        compared++;
      }),
      { numRuns: runs(60) },
    );
    expect(compared).toBeGreaterThan(runs(60) / 2);
  });
});
