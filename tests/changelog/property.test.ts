// Property: random valid edit lists on generated documents. The expected new file is built here by plain
// string splicing of the source lines (not by the code under test); applying the change log must give exactly
// it (so nothing outside the edited ranges changes), and the Redline must reproduce both versions.
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../src/model/index.js';
import { redlineErrors, acceptSpans, rejectSpans } from '../../src/redline/invariant.js';
import { docMap, formatted, parseOrThrow, run } from './helpers.js';

const WORDS = ['DCC', 'Panel', 'shall', 'notify', 'the', 'User', 'Device', 'each', 'within', 'Working', 'Days', 'of', 'Service', 'Party', "Party's", 'non-Domestic', 'E64'];
const FIND = ['Panel', 'User', 'Device', 'the', 'Party', 'E64', 'Days'];
const NEW = ['Authority', 'Secretariat', 'Supplier', 'Code'];

const word = fc.constantFrom(...WORDS);
const token = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 1, arbitrary: word.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: fc.constant('`E64`') },
  { weight: 1, arbitrary: word.map((w) => `[${w}](https://example.org/x)`) },
);
const sentence = fc.tuple(fc.constantFrom('The', 'Each', 'Where'), fc.array(token, { minLength: 1, maxLength: 10 })).map(([a, rest]) => `${a} ${rest.join(' ')}.`);

const clause = fc.record({ text: sentence, subs: fc.array(sentence, { maxLength: 3 }), after: fc.option(sentence, { nil: undefined }) });
const docSpec = fc.array(clause, { minLength: 1, maxLength: 6 });

function docText(clauses: { text: string; subs: string[]; after: string | undefined }[]): string {
  const blocks: string[] = ['## G1 General'];
  clauses.forEach((c, i) => {
    blocks.push(`G1.${i + 1} ${c.text}`);
    if (c.subs.length) blocks.push(c.subs.map((s, k) => `- (${String.fromCharCode(97 + k)}) ${s}`).join('\n'));
    if (c.after) blocks.push(c.after);
  });
  return `---\nkind: section\ncode: G\ntitle: Generated\nversion: SEC 2024-02\n---\n\n${blocks.join('\n\n')}\n`;
}

const choice = fc.record({ block: fc.nat(), kind: fc.nat({ max: 3 }), word: fc.nat(), occ: fc.nat(), text: sentence, repl: fc.constantFrom(...NEW) });

interface Splice {
  line: number; // 0-based line in the file
  start: number; // offsets in the line's text part
  end: number;
  insert: string;
}

const wordRe = (w: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}_])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'gu');

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return Math.max(a.start, b.start) < Math.min(a.end, b.end);
}

describe('applying random edit lists', () => {
  it('gives exactly the spliced text, and a Redline that reproduces both versions', () => {
    fc.assert(
      fc.property(docSpec, fc.array(choice, { minLength: 1, maxLength: 8 }), (spec, choices) => {
        const source = docText(spec);
        const lines = source.split('\n');
        const doc = parseOrThrow(source, 'section-G.md');
        const editable = doc.blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.kind === 'clause' || b.kind === 'subpara' || b.kind === 'paragraph');
        const claims = new Map<number, { start: number; end: number; whole: boolean }[]>();
        const splices: Splice[] = [];
        const edits: string[] = [];
        for (const c of choices) {
          const { b, i } = editable[c.block % editable.length]!;
          const lineNo = b.line - 1;
          const line = lines[lineNo]!;
          expect(line.endsWith(b.text)).toBe(true);
          const off = line.length - b.text.length;
          const mine = claims.get(i) ?? [];
          const claim = (start: number, end: number, whole: boolean): boolean => {
            if (mine.some((m) => m.whole || whole || overlaps(m, { start, end }))) return false;
            mine.push({ start, end, whole });
            claims.set(i, mine);
            return true;
          };
          if (c.kind === 0) {
            if (c.text === b.text || !claim(0, b.text.length, true)) continue;
            splices.push({ line: lineNo, start: off, end: line.length, insert: c.text });
            edits.push(`{ kind: rewrite, target: '${b.id}', text: '${c.text.replace(/'/g, "''")}' }`);
          } else if (c.kind === 1 || c.kind === 2) {
            // The scope is the block; a clause's ID also covers its sub-paragraphs and paragraphs, so the
            // occurrences are counted over all of them, in file order.
            const w = FIND[c.word % FIND.length]!;
            const scopeId = b.id;
            const scopeBlocks = doc.blocks.filter((x, k) => (b.kind === 'clause' ? x.clause === b.id : k === i));
            const matches: { blockIndex: number; line: number; start: number; end: number }[] = [];
            for (const x of scopeBlocks) {
              const xi = doc.blocks.indexOf(x);
              if (x.kind === 'row' || x.kind === 'table') continue;
              for (const m of x.text.matchAll(wordRe(w))) matches.push({ blockIndex: xi, line: x.line - 1, start: m.index!, end: m.index! + w.length });
            }
            if (matches.length === 0) continue;
            const n = (c.occ % matches.length) + 1;
            const m = matches[n - 1]!;
            const target = doc.blocks[m.blockIndex]!;
            const toff = lines[m.line]!.length - target.text.length;
            const tclaims = claims.get(m.blockIndex) ?? [];
            const range = c.kind === 1 ? { start: m.start, end: m.end } : { start: m.end, end: m.end };
            if (tclaims.some((t) => t.whole || overlaps(t, range))) continue;
            tclaims.push({ ...range, whole: false });
            claims.set(m.blockIndex, tclaims);
            if (c.kind === 1) {
              splices.push({ line: m.line, start: toff + m.start, end: toff + m.end, insert: c.repl });
              edits.push(`{ kind: replace, in: '${scopeId}', find: "${w}", with: ${c.repl}, occurrence: ${n} }`);
            } else {
              splices.push({ line: m.line, start: toff + m.end, end: toff + m.end, insert: ` and ${c.repl}` });
              edits.push(`{ kind: insert-text, in: '${scopeId}', after: "${w}", text: ' and ${c.repl}', occurrence: ${n} }`);
            }
          } else {
            const insert = ` See ${c.repl}.`;
            if (b.text.endsWith(insert) || !claim(b.text.length, b.text.length, false)) continue;
            splices.push({ line: lineNo, start: line.length, end: line.length, insert });
            edits.push(`{ kind: insert-text, in: '${b.id}', at: end, text: '${insert}' }`);
          }
        }
        fc.pre(edits.length > 0);
        const yaml =
          'modification: { id: MP900, title: Property }\nrelease: R\ndrafter: SECAS\ndate: 2024-05-22\ndocuments:\n  Section G: SEC 2024-02\nitems:\n' +
          edits.map((e, k) => `  - id: '${k + 1}'\n    summary: S.\n    proposed: P.\n    edits:\n      - ${e}\n`).join('');

        // Expected: splice each line back to front.
        const expected = [...lines];
        for (const s of [...splices].sort((a, b) => a.line - b.line || b.start - a.start || b.end - a.end)) {
          const l = expected[s.line]!;
          expected[s.line] = l.slice(0, s.start) + s.insert + l.slice(s.end);
        }

        const { problems, result } = run(yaml, docMap(doc));
        expect(formatted(problems)).toEqual([]);
        const after = result!.docs.get('Section G')!;
        expect(serializeDocument(after)).toBe(expected.join('\n'));
        expect(redlineErrors(result!.redline)).toEqual([]);
        for (const d of result!.redline.documents) {
          for (const cl of d.clauses) {
            for (const bl of cl.blocks) {
              expect(rejectSpans(bl.text.spans)).toBe(bl.text.old ?? '');
              expect(acceptSpans(bl.text.spans)).toBe(bl.text.new ?? '');
              if (bl.status !== 'unchanged') expect(bl.items.length).toBeGreaterThan(0);
            }
          }
        }
      }),
      { numRuns: runs(150) },
    );
  });
});
