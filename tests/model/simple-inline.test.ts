// What the fast path accepts as canonical inline Markdown must really be canonical: remark reads it back to
// the same string, in every block position (clause text, sub-paragraph, table cell, heading title).
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { BRACKETED, BREAK, FOOTNOTE_REF, MARKED, SPECIAL, isSimpleCanonicalInline, isSimpleInline } from '../../src/model/simple-inline.js';
import { parseDocument } from '../../src/model/parse.js';
import { markdownParser } from '../../src/model/markdown-engine.js';

const FM = '---\nkind: section\ncode: G\ntitle: T\nversion: V\n---\n\n';

function roundTrips(text: string): boolean {
  const doc = parseDocument(`${FM}G1.1 ${text}\n\n- (a) ${text}\n\n| K | V |\n| --- | --- |\n| ${text} | ${text} |\n\n### G1.2 ${text}\n`, 't.md').doc;
  if (!doc) return false;
  const [clause, sub, , row, heading] = doc.blocks;
  // Also at the very start of a line (an unlabelled paragraph, a row's first cell), where block syntax lives:
  // remark must read the text alone as one paragraph (its inline content is checked by the positions above).
  const alone = markdownParser().parse(text).children;
  const paragraph = alone.length === 1 && alone[0]?.type === 'paragraph';
  return clause?.text === text && sub?.text === text && row?.cells?.[0] === text && row?.cells?.[1] === text && heading?.text === text && paragraph;
}

const piece = fc.oneof(
  fc.constantFrom('the', 'DCC', 'Panel', '£1,335,568', 'E64', 'G3.5', '(a)', 'sr:Foo', "DCC's", 'non-SMETS2', '30%', '"quoted"', '{x}', 'a$b', '1.', '2)'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 4 }),
  fc.constantFrom('*Major Security Incident*', '**SM WAN**', '`sr:FirmwareVersionUpdate`', '*x*', '**y**', '`E64`'),
  fc.constantFrom('[TBC]', '[Not used]', '[x]', '[^1]', '[a](b)', '[ ]', '[x]:', '[y][z]'),
  fc.constantFrom('<br>', '<br>(a)', 'means:<br>(a)', '; and<br>', '<br/>', '<br >', '<b>', '<br><br>'),
  fc.tuple(fc.constantFrom('*', '**', '`'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 })).map(([m, s]) => m + s + m),
);
const text = fc.array(piece, { minLength: 1, maxLength: 8 }).chain((parts) =>
  fc.array(fc.constantFrom(' ', '', '.', ',', ';', ')', '(', '<br>', '‘', '’', '"', "'", '“', '”', '?'), { minLength: parts.length, maxLength: parts.length }).map((seps) =>
    parts.map((p, i) => p + seps[i]).join(''),
  ),
);

describe('isSimpleCanonicalInline', () => {
  it('accepts only text that remark reads back unchanged', () => {
    let accepted = 0;
    fc.assert(
      fc.property(text, (t) => {
        if (t === '' || !isSimpleCanonicalInline(t)) return; // empty text is never handed to the parser
        accepted++;
        expect(roundTrips(t)).toBe(true);
      }),
      { numRuns: runs(3000) },
    );
    // The grammar must be worth having: a good share of realistic text is accepted.
    expect(accepted).toBeGreaterThan(150);
  });

  it('accepts typical SEC text with emphasis and code', () => {
    for (const t of [
      'The DCC shall notify the Panel of each *Major Security Incident* within 2 hours.',
      'means the **SM WAN** as defined in Section A1.1;',
      'The `sr:FirmwareVersionUpdate` element (see clause 3.9.1) is optional.',
      '**DCC Security Incident Response Plan**',
      '*Alert* means a message;',
      'each Alternative Registration Organisation (**AROs**) shall ‘*promptly*’ notify the DCC',
      'means a Party which:<br>(a) has sent a `ServiceOptIn` request; and<br>(b) holds **Security Credentials**.',
    ]) {
      expect(isSimpleCanonicalInline(t)).toBe(true);
      expect(roundTrips(t)).toBe(true);
    }
  });

  it('leaves everything else to the parser', () => {
    for (const t of ['a_b_c', '*x*y', '(*x *)', 'x<br>', '<br>x', '[x] the', '[ ] box', 'see www.example.org', '1. list', '# heading', '- item', '* item', '+ item', '***', '- - -', '> quote', 'a  b', 'x ', '\\*', 'a & b', '`a``b`']) {
      expect(isSimpleCanonicalInline(t)).toBe(false);
    }
  });
});

describe('simplePlainText', () => {
  it('agrees with the remark-based plainText on everything in the grammar', async () => {
    const { simplePlainText } = await import('../../src/model/simple-inline.js');
    const { unified } = await import('unified');
    const remarkParse = (await import('remark-parse')).default;
    const { toString } = await import('mdast-util-to-string');
    const { visit } = await import('unist-util-visit');
    const parser = unified().use(remarkParse);
    fc.assert(
      fc.property(text, (t) => {
        const simple = simplePlainText(t);
        if (simple === null) return;
        // A line break shows as one: the <br> HTML node reads as '\n' (as src/model/plain-text.ts reads it).
        const tree = parser.parse(`G1.1 ${t}`);
        visit(tree, 'html', (node: { type: string; value: string }) => {
          if (node.value === '<br>') Object.assign(node, { type: 'text', value: '\n' });
        });
        expect(simple).toBe(toString(tree).slice('G1.1 '.length));
      }),
      { numRuns: runs(2000) },
    );
  });
});

// The grammar as first written: the runs, brackets, references and line breaks replaced in turn, then no special
// character left. isSimpleInline finds the runs of most text without rebuilding it; the verdicts must agree.
function byReplacing(text: string, footnotes: boolean): boolean {
  if (text !== '' && (text.startsWith(' ') || text.endsWith(' ') || text.includes('  '))) return false;
  if (text.includes('w.') || text.includes('W.') || (text.includes(':') && /(?:https?|mailto|xmpp):|:\/\//.test(text))) return false;
  let rest = text.replace(MARKED, '$1x');
  rest = rest.replace(BRACKETED, 'x');
  if (footnotes) rest = rest.replace(FOOTNOTE_REF, 'x');
  rest = rest.replace(BREAK, 'x');
  return !SPECIAL.test(rest);
}

describe('isSimpleInline', () => {
  it('agrees with replacing every construct in turn', () => {
    const noisy = fc.array(fc.constantFrom('*', '**', '`', ' ', 'a', 'Bc', '(', '‘', '"', '’', '.', '\\', '_', '&', '\u00a0', 'x*', '*y'), { maxLength: 24 }).map((p) => p.join(''));
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(text, noisy), fc.boolean(), (t, footnotes) => {
        const got = isSimpleInline(t, footnotes);
        expect(got).toBe(byReplacing(t, footnotes));
        if (got) accepted++;
      }),
      { numRuns: runs(20000) },
    );
    expect(accepted).toBeGreaterThan(runs(20000) / 10);
  });
});
