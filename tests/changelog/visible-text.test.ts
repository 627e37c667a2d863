// The shortcuts change-log matching takes must give exactly what the straightforward computation gives:
//   - visible text of text in the proven inline grammar, built without a parse (simpleVisibleText), is the
//     parser's reading (parsedVisibleText) character for character, offsets and segments included;
//   - findPhrase without straddling matches looks only into fields whose source can hold the phrase, and must
//     find the same places as the full search; the per-plan cache (keyed by block) gives each field's own text;
//   - phraseMatches finds, without compiling an expression, exactly what the phrase's expression finds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../helpers/runs.js';
import { readDocument } from '../../src/model/index.js';
import type { Block, SecDocument } from '../../src/model/types.js';
import { parsedVisibleText, simpleVisibleText, visibleText } from '../../src/changelog/text-map.js';
import { DocIndex } from '../../src/changelog/doc-index.js';
import { VisibleCache, fieldSource, findPhrase, phraseMatches, phraseRegExp } from '../../src/changelog/match.js';

const piece = fc.oneof(
  fc.constantFrom('the', 'DCC', 'Panel', '£1,335,568', 'E64', 'G3.5', '(a)', 'sr:Foo', "DCC's", 'non-SMETS2', '30%', '"quoted"', '{x}', '1.', '2)'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 4 }),
  fc.constantFrom('*Major Security Incident*', '**SM WAN**', '`sr:FirmwareVersionUpdate`', '*x*', '**y**', '`E64`', '`a b`'),
  fc.constantFrom('[TBC]', '[Not used]', '[x]', '[^1]', '[a](b)', '[ ]'),
  fc.constantFrom('<br>', '<br>(a)', 'means:<br>(a)', '; and<br>', '<br/>', '<br><br>'),
  fc.tuple(fc.constantFrom('*', '**', '`'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 })).map(([m, s]) => m + s + m),
);
const text = fc.array(piece, { minLength: 1, maxLength: 8 }).chain((parts) =>
  fc.array(fc.constantFrom(' ', '', '.', ',', ';', ')', '(', '<br>', '‘', '’', '"', '“', '”'), { minLength: parts.length, maxLength: parts.length }).map((seps) =>
    parts.map((p, i) => p + seps[i]).join(''),
  ),
);

/** Every block text and cell of the Markdown files under `dir` (recursively) that read without error. */
function fieldsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...fieldsUnder(path));
    else if (name.endsWith('.md')) {
      const { doc } = readDocument(readFileSync(path, 'utf8'), path);
      for (const b of doc?.blocks ?? []) out.push(...(b.cells ?? [b.text]));
    }
  }
  return out;
}

describe('simpleVisibleText', () => {
  it('is the parser’s reading of generated text in the grammar', () => {
    let accepted = 0;
    fc.assert(
      fc.property(text, (t) => {
        const fast = simpleVisibleText(t);
        if (fast === null) return;
        accepted++;
        expect(fast).toEqual(parsedVisibleText(t));
      }),
      { numRuns: runs(2000) },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('is the parser’s reading of every block and cell of sections/ and the test fixtures', () => {
    let accepted = 0;
    for (const s of [...fieldsUnder('sections'), ...fieldsUnder('tests/fixtures')]) {
      const fast = simpleVisibleText(s);
      if (fast === null || s === '') continue;
      accepted++;
      expect(fast, s).toEqual(parsedVisibleText(s));
    }
    expect(accepted).toBeGreaterThan(500);
  });

  it('covers typical SEC text with runs, brackets and line breaks', () => {
    for (const t of [
      'The DCC shall notify the Panel of each *Major Security Incident* within 2 hours.',
      '**DCC Security Incident Response Plan**',
      'means a Party which:<br>(a) has sent a `ServiceOptIn` request; and<br>(b) holds **Security Credentials** [TBC].',
      'each Alternative Registration Organisation (**AROs**) shall ‘*promptly*’ notify the DCC',
    ]) {
      const fast = simpleVisibleText(t);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(parsedVisibleText(t));
    }
  });
});

function docOf(texts: readonly string[]): DocIndex {
  const blocks: Block[] = texts.map((t, i) => ({ kind: 'clause', id: `G1.${i + 1}`, label: `G1.${i + 1}`, depth: 0, text: t, clause: `G1.${i + 1}`, line: 2 * i + 7, column: 1 }));
  blocks.push({ kind: 'table', id: 'G1.9/t1', label: '', depth: 0, text: 'K | V', cells: ['K', 'V'], clause: 'G1.9', line: 99, column: 1 });
  blocks.push({ kind: 'row', id: 'G1.9[x]', label: '', depth: 0, text: texts.slice(0, 2).join(' | '), cells: [texts[0] ?? '', texts[1] ?? ''], key: 'x', table: 'G1.9/t1', clause: 'G1.9', line: 100, column: 1 });
  const doc: SecDocument = { file: 'section-G.md', meta: { kind: 'section', code: 'G', title: 'T', version: 'V' } as SecDocument['meta'], blocks };
  return new DocIndex(doc);
}

const sourceText = fc.oneof(
  text,
  // Escapes and entities: fields the shortcut must search in full.
  fc.array(fc.constantFrom('the', ' ', 'DCC', 'a\\*b', '&amp;', '&#39;', 'Panel', '*x*', '`c`', '\\[', 'shall', ','), { minLength: 1, maxLength: 10 }).map((p) => p.join('').trim()),
);

describe('findPhrase', () => {
  it('finds what the full search finds, with or without straddling matches', () => {
    fc.assert(
      fc.property(
        fc.array(sourceText, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        fc.boolean(),
        (texts, which, from, len, wholeWord, matchCase) => {
          const doc = docOf(texts);
          const blocks = doc.blocks.map((_, i) => i);
          // A phrase from what a reader sees, so that it often matches (sometimes across a boundary).
          const seen = visibleText(texts[which % texts.length]!).text;
          const start = seen.length ? from % seen.length : 0;
          const phrase = seen.slice(start, start + 1 + (len % 12)) || 'the';
          const opts = { wholeWord, matchCase };
          const full = findPhrase(doc, blocks, phrase, opts, new VisibleCache(), true);
          const cache = new VisibleCache();
          const quick = findPhrase(doc, blocks, phrase, opts, cache, false);
          expect(quick.places).toEqual(full.places);
          expect(quick.straddling).toEqual([]);
          // Searched again through the warm cache (compiled expression and visible texts reused): the same.
          expect(findPhrase(doc, blocks, phrase, opts, cache, true)).toEqual(full);
          for (const b of blocks) {
            for (let f = -1; f < (doc.block(b).cells?.length ?? 0); f++) {
              if (f >= 0 || !doc.block(b).cells) expect(cache.get(doc, b, f)).toEqual(visibleText(fieldSource(doc, b, f)));
            }
          }
        },
      ),
      { numRuns: runs(200) },
    );
  });
});

describe('phraseMatches', () => {
  const unit = fc.constantFrom('a', 'b', 'é', 'É', '1', '_', ' ', '-', '.', '😀', '𝐀', '\ud835', '\ude00', '\udc00', 'ß', 'ſ', 'S', 'K', 'K');
  const str = (max: number) => fc.array(unit, { minLength: 0, maxLength: max }).map((u) => u.join(''));
  it('finds exactly what the expression finds', () => {
    fc.assert(
      fc.property(str(30), str(4), fc.nat(), fc.nat(4), fc.boolean(), fc.boolean(), (text, other, from, len, wholeWord, matchCase) => {
        // Mostly a piece of the text itself, so that it is found (and its word ends matter).
        const phrase = from % 4 === 0 ? other : text.slice(from % (text.length + 1), (from % (text.length + 1)) + len);
        const opts = { wholeWord, matchCase };
        const expected: number[] = [];
        if (phrase !== '') {
          const re = phraseRegExp(phrase, opts);
          for (let m = re.exec(text); m; m = re.exec(text)) {
            if (m[0].length === 0) re.lastIndex++;
            else expected.push(m.index, m.index + m[0].length);
          }
        }
        expect(phraseMatches(text, phrase, opts, new VisibleCache())).toEqual(expected);
      }),
      { numRuns: runs(3000) },
    );
  });
});
