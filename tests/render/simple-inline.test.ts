// The character map's fast path for text in the model's simple grammar (every bold definitions key, most
// clauses) must be exactly the map the remark parse gives: the same visible characters, hidden delimiters
// and formatting, unit by unit. Checked on texts built to be simple (with leading and trailing marked runs)
// and on the annex tests' general inline fragments, wherever the fast path answers.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { lexInline, lexInlineByParser, lexSimple } from '../../src/render/inline-markdown.js';
import { simpleSegments } from '../../src/model/simple-inline.js';
import { inlineText } from '../annex/arbitraries.js';
import { inlineRuns } from '../../src/render/document/inline.js';
import { richRuns } from '../../src/render/rich-runs.js';
import { parseDocument, readDocument, scanIfCanonical } from '../../src/model/index.js';
import { allDocuments } from './helpers.js';
import { serializeDocument } from '../../src/model/serialize.js';

const word = fc.constantFrom('DCC', 'shall', 'Panel', '£35,000', 'E64', 'Party’s', 'non-Domestic', '27', 'June', '😀', 'sr:Firmware', 'x');
const marked = fc.oneof(word, word.map((w) => `*${w}*`), word.map((w) => `**${w}**`), word.map((w) => `\`${w}\``), fc.tuple(word, word).map(([a, b]) => `**${a} ${b}**`));
const simpleText = fc.tuple(fc.array(marked, { minLength: 1, maxLength: 8 }), fc.constantFrom('', '.', ';', ':', ',')).map(([ws, end]) => `${ws.join(' ')}${end}`);

describe('lexInline on simple text', () => {
  it('a bold definitions key takes the fast path and hides its delimiters', () => {
    expect(simpleSegments('**Transition Period**')).toEqual([{ text: 'Transition Period', format: 'strong', delimiter: 2 }]);
    expect(lexInline('**SM WAN**')).toEqual(lexInlineByParser('**SM WAN**'));
  });

  it('equals the parser map on generated simple texts', () => {
    fc.assert(
      fc.property(simpleText, (s) => {
        expect(simpleSegments(s), s).not.toBeNull();
        expect(lexInline(s)).toEqual(lexInlineByParser(s));
      }),
      { numRuns: runs(300) },
    );
  });

  it("render's runs equal the redline runs, on simple and on any inline text", () => {
    const same = (t: string) => richRuns({ old: t, new: t, spans: [{ op: 'equal', text: t }] });
    fc.assert(
      fc.property(fc.oneof(simpleText, inlineText), (s) => {
        expect(inlineRuns(s)).toEqual(same(s));
      }),
      { numRuns: runs(400) },
    );
  });

  it("takes cells with '<br>' line breaks on the fast path, with the parser's map", () => {
    // The '<br>' lists of table cells: simple pieces joined by breaks, marked runs at either side of a break.
    const cell = fc.array(simpleText, { minLength: 2, maxLength: 5 }).map((ps) => ps.join('<br>'));
    fc.assert(
      fc.property(cell, (s) => {
        expect(lexSimple(s), s).not.toBeNull();
        expect(lexSimple(s)).toEqual(lexInlineByParser(s));
      }),
      { numRuns: runs(300) },
    );
    expect(lexSimple('means:<br>(a) the **DCC**;<br>(b) `E64`')).toEqual(lexInlineByParser('means:<br>(a) the **DCC**;<br>(b) `E64`'));
    // Outside the grammar (a break at the end, spaces around it, a run across it): the parser's path.
    for (const s of ['a<br>', 'a <br> b', '*a<br>b*', 'a<br><br>b']) expect(lexSimple(s), s).toBeNull();
  });

  it('equals the parser map on any inline text the fast path accepts', () => {
    fc.assert(
      fc.property(inlineText, (s) => {
        const fast = lexSimple(s);
        if (fast !== null) expect(fast).toEqual(lexInlineByParser(s));
      }),
      { numRuns: runs(500) },
    );
  });

  it('equals the parser map on any inline text the fast path accepts (through lexInline)', () => {
    fc.assert(
      fc.property(inlineText, (s) => {
        if (simpleSegments(s) !== null) expect(lexInline(s)).toEqual(lexInlineByParser(s));
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('reading tables whose cells start with a marked run', () => {
  it('every sample document and the fixture take the fast path and read as the parser reads them', () => {
    for (const [name, doc] of allDocuments()) {
      const source = serializeDocument(doc);
      expect(scanIfCanonical(source, name), name).not.toBeNull();
      expect(readDocument(source, name), name).toEqual(parseDocument(source, name));
    }
  });

  it('generated definitions tables with bold, emphasised or code keys read as the parser reads them', () => {
    const cell = simpleText.map((t) => t.replace(/[.;:,]$/, ''));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 6 }), (rows) => {
        const body = rows.map(([k, m]) => `| ${k} | ${m} |`).join('\n');
        const source = `---\nkind: section\ncode: A\ntitle: Definitions\nversion: SEC 2024-06\n---\n\nA1.1 The following definitions apply.\n\n| Expression | Meaning |\n| --- | --- |\n${body}\n`;
        expect(readDocument(source, 'a.md')).toEqual(parseDocument(source, 'a.md'));
      }),
      { numRuns: runs(150) },
    );
  });
});
