// idParts is the one splitter of canonical block IDs (annex prose names, check's relative references). It must
// split every real block ID exactly as the annex's own splitter did before it moved here (a frozen copy below),
// and formatIdParts must put the parts back together into the same ID.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docId, formatIdParts, idParts, parseId, readDocument, subparagraphLevels, type DocRef, type IdParts } from '../../src/model/index.js';
import { runs } from '../helpers/runs.js';
import { generatedDoc } from './generated-docs.js';

// The splitter src/annex/refs.ts had before issue 9 (item 4), frozen as the oracle.
function oldIdParts(id: string, doc: DocRef): IdParts | null {
  const NUMBER = /^([A-X]?\d+[A-Z]*(?:\.\d+[A-Z]*)*)/;
  const SUBS = /^((?:\([A-Za-z0-9]+\))*)/;
  const STEP = /^\/(heading|p|table|bullet|fn)(\d+)((?:\([A-Za-z0-9]+\))*)/;
  const SCOPE = /^((?:Appendix|Annex|Schedule) (?:[A-Z]{1,2}|\d{1,3}))(?: |(?=[/[])|$)/;
  const name = docId(doc);
  let local: string;
  if (id === name) local = '';
  else if (id.startsWith(`${name} `)) local = id.slice(name.length + 1);
  else if (id.startsWith(`${name}/`) || id.startsWith(`${name}[`)) local = id.slice(name.length);
  else if (doc.kind === 'section' && id.startsWith(doc.code)) local = id;
  else return null;
  const parts: IdParts = { number: null, subs: '', steps: [] };
  let rest = local;
  const scope = SCOPE.exec(rest);
  if (scope) {
    parts.scope = scope[1]!;
    rest = rest.slice(scope[0].length);
  }
  const num = NUMBER.exec(rest);
  if (num) {
    parts.number = num[1]!;
    rest = rest.slice(num[1]!.length);
  }
  const subs = SUBS.exec(rest)!;
  parts.subs = subs[1]!;
  rest = rest.slice(subs[1]!.length);
  for (;;) {
    const step = STEP.exec(rest);
    if (!step) break;
    parts.steps.push({ kind: step[1] as IdParts['steps'][number]['kind'], n: Number(step[2]), subs: step[3]! });
    rest = rest.slice(step[0].length);
  }
  const row = /^\[(.*)\](?:\{(.*)\})?$/.exec(rest);
  if (row) {
    let key = row[1]!;
    const occ = /^(.*)#(\d+)$/.exec(key);
    if (occ) {
      key = occ[1]!;
      parts.occurrence = Number(occ[2]);
    }
    parts.key = key;
    if (row[2] !== undefined) parts.cell = row[2];
    rest = '';
  }
  return rest === '' ? parts : null;
}

// The levels check's relative references walked up before issue 9 (item 4), frozen as the oracle.
function oldLevels(blockId: string): string[] {
  const LAST = /\([a-zA-Z0-9]{1,8}\)$/;
  let base = blockId.replace(/\/(?:p|bullet)\d+$/, '');
  const bases = [base];
  for (let m = LAST.exec(base); m; m = LAST.exec(base)) {
    base = base.slice(0, m.index);
    bases.push(base);
  }
  return bases;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return markdownFiles(path);
      return name.endsWith('.md') ? [path] : [];
    });
}

/** Every block ID of every SEC document in sections/ and tests/fixtures, with its document. */
function realIds(): { id: string; doc: DocRef }[] {
  const out: { id: string; doc: DocRef }[] = [];
  for (const file of [...markdownFiles('sections'), ...markdownFiles('tests/fixtures')]) {
    const text = readFileSync(file, 'utf8');
    if (!text.startsWith('---')) continue;
    const { doc } = readDocument(text, file);
    if (!doc) continue;
    for (const b of doc.blocks) out.push({ id: b.id, doc: { kind: doc.meta.kind, code: doc.meta.code } });
  }
  return out;
}

function agrees(id: string, doc: DocRef): void {
  const parts = idParts(id, doc);
  expect(parts, id).toEqual(oldIdParts(id, doc));
  expect(parts, id).not.toBeNull();
  expect(formatIdParts(doc, parts!), id).toBe(id);
  // parseId's canonical form of a block ID is the ID itself, so both grammars read it alike (a row with an empty
  // key, which check reports, is a block ID that no command can name).
  if (!id.includes('[]')) expect(parseId(id)?.id, id).toBe(id);
  expect(subparagraphLevels(id, doc), id).toEqual(oldLevels(id));
}

describe('idParts', () => {
  it('splits every block ID of sections/ and tests/fixtures as the annex did, and formats back to the ID', () => {
    const ids = realIds();
    // A test that reads nothing proves nothing: the real documents alone hold thousands of blocks.
    expect(ids.length).toBeGreaterThan(1000);
    for (const { id, doc } of ids) agrees(id, doc);
  });

  it('splits the IDs of generated documents alike', () => {
    fc.assert(
      fc.property(generatedDoc, ({ text }) => {
        const { doc } = readDocument(text, 'gen.md');
        for (const b of doc!.blocks) agrees(b.id, { kind: doc!.meta.kind, code: doc!.meta.code });
      }),
      { numRuns: runs(50) },
    );
  });

  const AD: DocRef = { kind: 'appendix', code: 'AD' };
  const N: DocRef = { kind: 'appendix', code: 'N' };
  const F: DocRef = { kind: 'section', code: 'F' };
  it.each([
    ['Appendix AD 3.5.10/table2[E64#3]{Code}', AD],
    ['Appendix AD 3.8.43.2[ScheduleEndDate]{Mandatory}', AD],
    ['Appendix N Appendix A 1.2(a)', N],
    ['Appendix N Appendix A[Authorised Responsible Officer]', N],
    ['Section F Annex A/p2', F],
    ['F4.17(a)/p1(ii)/bullet2', F],
    ['Section F/fn1', F],
    ['F4.17(a)(ii)/p3', F],
    ['F4.17/p1(a)(ii)', F],
    ['Section F/bullet1', F],
  ])('%s: the same parts and levels as before, and back', (id, doc) => {
    const parts = idParts(id, doc);
    expect(parts).toEqual(oldIdParts(id, doc));
    expect(formatIdParts(doc, parts!)).toBe(id);
    expect(subparagraphLevels(id, doc)).toEqual(oldLevels(id));
  });

  it('walks up sub-paragraphs, an unnumbered paragraph standing for the block it follows', () => {
    expect(subparagraphLevels('F4.17(a)(ii)/p3', F)).toEqual(['F4.17(a)(ii)', 'F4.17(a)', 'F4.17']);
    expect(subparagraphLevels('Appendix AD 3.5.10[E64]', AD)).toEqual(['Appendix AD 3.5.10[E64]']);
  });

  it.each([
    ['G3.5', AD],
    ['Appendix AD 3.5/p', AD],
    ['Appendix AD 3.5 x', AD],
  ])('%s is not a canonical block ID of its document', (id, doc) => {
    expect(idParts(id, doc)).toBeNull();
    expect(oldIdParts(id, doc)).toBeNull();
  });
});
