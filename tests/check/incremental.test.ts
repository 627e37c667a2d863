// newCheckErrors checks the documents before and after an apply with one shared memo (src/check/memo.ts): a
// document left alone is the same object in both sets, so its per-document work is done once. The result must
// be exactly that of the full computation, two runs that share nothing. Property: on a generated corpus (the
// bench's rich one, small) with some documents replaced by edited versions and then damaged at random — blocks
// deleted, duplicated, swapped, references to clauses that do or do not exist, terms defined twice, titles and
// file names changed, documents dropped or given twice, sources that no longer match — the shared-memo results
// equal the straightforward ones, warnings included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../helpers/runs.js';
import { editCorpus, fileName, generateCorpus, serialize } from '../../bench/corpus.js';
import { newCheckErrors, runChecks } from '../../src/check/index.js';
import { checkMemo } from '../../src/check/memo.js';
import { parseDocument } from '../../src/model/parse.js';
import type { Block, Problem, SecDocument } from '../../src/model/types.js';

/** The definition newCheckErrors must agree with: two independent runs, errors matched without line numbers. */
function fullNewCheckErrors(before: readonly SecDocument[], after: readonly SecDocument[]): Problem[] {
  const key = (p: Problem): string => `${p.file}\u0000${p.rule}\u0000${p.message.replace(/:\d+(:\d+)?\b|\blines? \d+\b/g, '')}`;
  const had = new Map<string, number>();
  for (const p of runChecks(before)) if (p.severity === 'error') had.set(key(p), (had.get(key(p)) ?? 0) + 1);
  const out: Problem[] = [];
  for (const p of runChecks(after)) {
    if (p.severity !== 'error') continue;
    const n = had.get(key(p)) ?? 0;
    if (n > 0) had.set(key(p), n - 1);
    else out.push(p);
  }
  return out;
}

function parsed(text: string, file: string): SecDocument {
  const r = parseDocument(text, file);
  expect(r.problems).toEqual([]);
  return r.doc!;
}

const v1 = generateCorpus({ clauses: 150, rich: true });
const v2 = editCorpus(v1, { sound: true, rich: true, seed: 11 }).corpus;
const texts1 = v1.map((d) => serialize(d));
const texts2 = v2.map((d) => serialize(d));
const before = v1.map((d, i) => parsed(texts1[i]!, fileName(d)));
const edited = v2.map((d, i) => (texts2[i] === texts1[i] ? before[i]! : parsed(texts2[i]!, fileName(d))));

/** A damage to one document, given two random numbers; some need another document of the set. */
type Damage = (doc: SecDocument, a: number, b: number, other: SecDocument) => SecDocument;
const withBlocks = (doc: SecDocument, blocks: Block[]): SecDocument => ({ ...doc, blocks });
const at = (doc: SecDocument, a: number): number => a % Math.max(1, doc.blocks.length);
const retext = (doc: SecDocument, i: number, text: string): SecDocument =>
  withBlocks(doc, doc.blocks.map((x, j) => (j === i ? { ...x, text, cells: x.kind === 'row' ? [x.cells?.[0] ?? '', text] : x.cells } : x)));
const clauseIds = (doc: SecDocument): string[] => doc.blocks.filter((x) => x.kind === 'clause' && x.label !== '').map((x) => x.id);

const DAMAGES: Damage[] = [
  (d, a) => withBlocks(d, d.blocks.filter((_, j) => j !== at(d, a))),
  (d, a) => withBlocks(d, d.blocks.flatMap((x, j) => (j === at(d, a) ? [x, x] : [x]))),
  (d, a) => {
    const i = at(d, a);
    const blocks = [...d.blocks];
    if (i + 1 < blocks.length) [blocks[i], blocks[i + 1]] = [blocks[i + 1]!, blocks[i]!];
    return withBlocks(d, blocks);
  },
  // References: to a clause of its own (existing or not), into another document, to a whole document.
  (d, a, b) => {
    const ids = clauseIds(d);
    const target = ids.length && b % 2 ? ids[b % ids.length]! : d.meta.kind === 'section' ? `${d.meta.code}99.9` : '9.9';
    const local = d.meta.kind === 'section' ? `Section ${target}` : `clause ${target.split(' ').pop()!}`;
    return retext(d, at(d, a), `The Panel shall act under ${local} and paragraph (c).`);
  },
  (d, a, b, o) => {
    const ids = clauseIds(o);
    const id = ids.length && b % 3 ? ids[b % ids.length]! : `${o.meta.kind === 'section' ? o.meta.code : ''}77.7`;
    const written = o.meta.kind === 'section' ? `Section ${id}` : `clause ${id.split(' ').pop()!} of ${o.meta.kind === 'appendix' ? 'Appendix' : 'Schedule'} ${o.meta.code}`;
    return retext(d, at(d, a), `Each Party shall comply with ${written} and ${o.meta.kind === 'section' ? 'Section' : o.meta.kind === 'appendix' ? 'Appendix' : 'Schedule'} ${o.meta.code}.`);
  },
  (d, a, _b, o) => retext(d, at(d, a), `The User shall comply with clause 2.1 of the ${o.meta.title}.`),
  // Definitions: a term of this document or of another defined again, in a row or inline.
  (d, a, b, o) => {
    const rows = [...d.blocks, ...o.blocks].filter((x) => x.kind === 'row' && x.key);
    if (rows.length === 0) return d;
    const row = rows[b % rows.length]!;
    return retext(d, at(d, a), `Each Party (the **${row.key!}**) shall act.`);
  },
  (d, a, b) => {
    const rows = d.blocks.filter((x) => x.kind === 'row' && x.key);
    if (rows.length < 2) return d;
    const from = rows[b % rows.length]!;
    const i = d.blocks.indexOf(rows[a % rows.length]!);
    return withBlocks(d, d.blocks.map((x, j) => (j === i ? { ...x, key: from.key, cells: [from.cells![0]!, ...(x.cells ?? []).slice(1)] } : x)));
  },
  (d, _a, _b, o) => ({ ...d, meta: { ...d.meta, title: o.meta.title } }),
  (d) => ({ ...d, file: `renamed-${d.file}` }),
  (d, a) => retext(d, at(d, a), 'G4.1 to G4.3 [Not used]'),
];

const damage = fc.record({ kind: fc.nat(DAMAGES.length - 1), a: fc.nat(), b: fc.nat(), other: fc.nat() });
const scenario = fc.record({
  // Documents replaced by their edited version, then damaged; documents dropped or given twice.
  changed: fc.uniqueArray(fc.nat(before.length - 1), { maxLength: 6 }),
  damages: fc.array(damage, { maxLength: 6 }),
  dropped: fc.uniqueArray(fc.nat(before.length - 1), { maxLength: 2 }),
  twice: fc.option(fc.nat(before.length - 1), { nil: undefined }),
  // Unchanged documents whose source is given differently in the second run (a memo must not serve stale work).
  resourced: fc.uniqueArray(fc.nat(before.length - 1), { maxLength: 3 }),
  beforeDamaged: fc.boolean(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario): { beforeSet: SecDocument[]; afterSet: SecDocument[] } {
  const after = [...before];
  s.changed.forEach((i, k) => {
    let doc = edited[i]!;
    for (const d of s.damages.filter((_, j) => j % Math.max(1, s.changed.length) === k)) {
      doc = DAMAGES[d.kind]!(doc, d.a, d.b, before[d.other % before.length]!);
    }
    after[i] = doc;
  });
  let afterSet = after.filter((_, i) => !s.dropped.includes(i));
  if (s.twice !== undefined) afterSet = [...afterSet, after[s.twice]!];
  // Sometimes the input already has the errors the damage makes: they are then not new.
  const beforeSet = s.beforeDamaged ? [...before.slice(0, 3), ...after.slice(3, 6), ...before.slice(6)] : before;
  return { beforeSet, afterSet };
}

function sourcesOf(docs: readonly SecDocument[], resourced: readonly number[]): Map<string, string> {
  const out = new Map<string, string>();
  docs.forEach((d) => {
    const i = before.indexOf(d);
    const text = i >= 0 ? texts1[i]! : edited.indexOf(d) >= 0 ? texts2[edited.indexOf(d)]! : undefined;
    if (text === undefined) return;
    // A changed source for the same document object: one row line loses a cell, one clause is respelled.
    out.set(d.file, resourced.includes(i) ? text.replace(/^(\|[^|\n]*\|[^|\n]*)\|[^\n]*$/m, '$1|').replace(/ Not used$/m, ' [Not used]') : text);
  });
  return out;
}

describe('newCheckErrors with a memo shared by its two runs', () => {
  it('is exactly the full computation on generated edits, and so is every finding of the second run', () => {
    let withErrors = 0;
    const numRuns = runs(30);
    fc.assert(
      fc.property(scenario, (s) => {
        const { beforeSet, afterSet } = build(s);
        const fresh = newCheckErrors(beforeSet, afterSet);
        expect(fresh).toEqual(fullNewCheckErrors(beforeSet, afterSet));
        if (fresh.length > 0) withErrors++;
        const memo = checkMemo();
        const sources1 = sourcesOf(beforeSet, []);
        const sources2 = sourcesOf(afterSet, s.resourced);
        expect(runChecks(beforeSet, { memo, sources: sources1 })).toEqual(runChecks(beforeSet, { sources: sources1 }));
        expect(runChecks(afterSet, { memo, sources: sources2 })).toEqual(runChecks(afterSet, { sources: sources2 }));
        expect(runChecks(afterSet, { memo, missingDocuments: true })).toEqual(runChecks(afterSet, { missingDocuments: true }));
      }),
      { numRuns },
    );
    // The damage makes new errors often enough for the comparison to mean something.
    expect(withErrors).toBeGreaterThan(numRuns / 4);
  });

  it('finds the errors an edit makes, and only those', () => {
    const g = before.findIndex((d) => d.meta.kind === 'section' && d.meta.code === 'G');
    const after = [...before];
    after[g] = DAMAGES[1]!(before[g]!, 5, 0, before[0]!); // a block given twice: a duplicate ID
    const fresh = newCheckErrors(before, after);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((p) => p.file === before[g]!.file)).toBe(true);
    expect(fresh).toEqual(fullNewCheckErrors(before, after));
  });
});
