// Property: for random Redlines (random cuts through inline Markdown, inserted/deleted/changed clauses,
// sub-paragraphs, tables with inserted/deleted/amended rows), pandoc's accept-all of the tracked DOCX is the
// new text and its reject-all the old text, clause by clause. pandoc only: LibreOffice is too slow to loop.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { buildAnnex } from '../../src/annex/build.js';
import { renderAnnexDocx } from '../../src/render/docx/index.js';
import { redlineErrors } from '../../src/redline/invariant.js';
import type { BlockRedline, ClauseRedline, Redline, TextChange } from '../../src/redline/types.js';
import { block, clause, deleted, doc, header, inserted, META, row } from '../annex/fixtures.js';
import { inlineText, textChange } from '../annex/arbitraries.js';
import { requireTool } from '../helpers/tools.js';
import { pandocUnits } from './pandoc.js';
import { actualLines, expectedLines } from './oracle.js';

type Kind = 'changed' | 'inserted' | 'deleted' | 'unchanged';
const kind = fc.constantFrom<Kind>('changed', 'changed', 'inserted', 'deleted', 'unchanged');

function content(k: Kind, change: TextChange, plain: string): TextChange {
  if (k === 'inserted') return inserted(plain);
  if (k === 'deleted') return deleted(plain);
  if (k === 'unchanged') return { old: plain, new: plain, spans: [{ op: 'equal', text: plain }] };
  return change;
}

const part = fc.record({ kind, change: textChange, plain: inlineText, items: fc.boolean() });
const clauseSpec = fc.record({
  kind,
  head: part,
  subs: fc.array(part, { maxLength: 2 }),
  table: fc.option(fc.array(fc.tuple(part, part), { minLength: 1, maxLength: 4 }), { nil: undefined }),
});
const docSpec = fc.array(clauseSpec, { minLength: 1, maxLength: 4 });

type ClauseSpec = typeof clauseSpec extends fc.Arbitrary<infer T> ? T : never;

function buildClause(code: string, n: number, spec: ClauseSpec): ClauseRedline {
  const id = `${code}1.${n}`;
  const whole = spec.kind === 'inserted' || spec.kind === 'deleted';
  const k = (p: { kind: Kind }): Kind => (whole ? spec.kind : p.kind);
  const items = (p: { items: boolean }) => (p.items ? { items: [String(n)] } : {});
  const blocks: BlockRedline[] = [block('clause', id, id, content(k(spec.head), spec.head.change, spec.head.plain), items(spec.head))];
  spec.subs.forEach((s, i) => {
    const label = `(${String.fromCharCode(97 + i)})`;
    blocks.push(block('subpara', `${id}${label}`, label, content(k(s), s.change, s.plain), { depth: 1, ...items(s) }));
  });
  if (spec.table) {
    const h = whole ? (spec.kind === 'inserted' ? [inserted('Key'), inserted('Value')] : [deleted('Key'), deleted('Value')]) : ['Key', 'Value'];
    blocks.push(header(`${id}/table1`, h));
    spec.table.forEach(([a, b], i) => {
      const rk: Kind = whole ? spec.kind : a.kind;
      const cells = rk === 'changed' ? [content('changed', a.change, a.plain), content(b.kind === 'changed' ? 'changed' : 'unchanged', b.change, b.plain)] : [content(rk, a.change, a.plain), content(rk, b.change, b.plain)];
      blocks.push(row(`${id}[k${i}]`, `k${i}`, cells, items(a)));
    });
  }
  return clause(id, blocks);
}

const redlineArb: fc.Arbitrary<Redline> = fc.array(docSpec, { minLength: 1, maxLength: 2 }).map((docs) => ({
  documents: docs.map((specs, d) => {
    const code = ['B', 'K'][d]!;
    return doc('section', code, `Document ${code}`, 'SEC 1', specs.map((s, i) => buildClause(code, i + 1, s)));
  }),
}));

const havePandoc = requireTool('pandoc');

describe.skipIf(!havePandoc)('random redlines through pandoc', () => {
  it('accept-all = new text and reject-all = old text', () => {
    let checked = 0;
    fc.assert(
      fc.property(redlineArb, (redline) => {
        expect(redlineErrors(redline)).toEqual([]);
        const annex = buildAnnex(redline, META);
        if (annex.parts.length === 0) return;
        const docx = renderAnnexDocx(annex, { mode: 'tracked', date: '2024-05-22T00:00:00Z' });
        expect(actualLines(pandocUnits(docx, 'accept'))).toEqual(expectedLines(annex, 'accept'));
        expect(actualLines(pandocUnits(docx, 'reject'))).toEqual(expectedLines(annex, 'reject'));
        checked++;
      }),
      { numRuns: runs(40) },
    );
    expect(checked).toBeGreaterThan(20);
  });
});
