// pandoc as an independent oracle: accepting every revision of the tracked annex must give exactly the new
// text of every shown clause, rejecting every revision exactly the old text, with the furniture unchanged.

import { describe, expect, it } from 'vitest';
import { buildAnnex } from '../../src/annex/build.js';
import { renderAnnexDocx } from '../../src/render/docx/index.js';
import { redlineErrors } from '../../src/redline/invariant.js';
import { diffRedline, exampleRedline, META } from '../annex/fixtures.js';
import { requireTool } from '../helpers/tools.js';
import { pandocUnits, runPandoc } from './pandoc.js';
import { actualLines, expectedLines } from './oracle.js';

const DATE = '2024-05-22T00:00:00Z';
const havePandoc = requireTool('pandoc');

describe.skipIf(!havePandoc)('tracked annex read by pandoc', () => {
  for (const [name, make] of [
    ['example', exampleRedline],
    ['diff', diffRedline],
  ] as const) {
    const redline = make();
    const annex = buildAnnex(redline, META);
    const docx = renderAnnexDocx(annex, { mode: 'tracked', date: DATE });

    it(`${name}: the fixture is exact`, () => {
      expect(redlineErrors(redline)).toEqual([]);
    });

    for (const side of ['accept', 'reject'] as const) {
      it(`${name}: ${side}-all gives the ${side === 'accept' ? 'new' : 'old'} text, clause by clause`, () => {
        const expected = expectedLines(annex, side);
        const actual = actualLines(pandocUnits(docx, side));
        expect(actual).toEqual(expected);
        // The comparison is not vacuous: the two sides differ.
        expect(expectedLines(annex, side === 'accept' ? 'reject' : 'accept')).not.toEqual(expected);
      });
    }
  }

  it('clean mode reads like accept-all of tracked mode', () => {
    const annex = buildAnnex(exampleRedline(), META);
    const clean = actualLines(pandocUnits(renderAnnexDocx(annex, { mode: 'clean', date: DATE }), 'all'));
    expect(clean).toEqual(expectedLines(annex, 'accept'));
  });

  it('visual mode shows both sides as text (nothing is a revision)', () => {
    const annex = buildAnnex(exampleRedline(), META);
    const docx = renderAnnexDocx(annex, { mode: 'visual', date: DATE });
    const accept = actualLines(pandocUnits(docx, 'accept'));
    const reject = actualLines(pandocUnits(docx, 'reject'));
    expect(accept).toEqual(reject);
    const plain = runPandoc(docx, 'accept', 'plain');
    expect(plain).toContain('Fax');
    expect(plain).toContain('Email');
  });

  it('plain-text output carries every instruction', () => {
    const annex = buildAnnex(exampleRedline(), META);
    const plain = runPandoc(renderAnnexDocx(annex, { mode: 'tracked', date: DATE }), 'accept', 'plain').replace(/\s+/g, ' ');
    for (const part of annex.parts) {
      for (const item of part.content) if (item.type === 'instruction') expect(plain).toContain(item.text);
    }
  });
});
