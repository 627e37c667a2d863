// A generator of random SEC documents that writes the canonical text itself (independently of the
// serializer) and records the IDs it expects the model to find.
import fc from 'fast-check';

export interface GeneratedDoc {
  text: string;
  ids: string[];
}

const word = fc.constantFrom('DCC', 'Panel', 'shall', 'notify', 'the', 'User', 'Device', 'each', 'within', 'Working', 'Days', 'of', 'Service', 'Request', 'SMETS2', 'Party', "Party's", 'non-Domestic', '£1,335,568', '30', '27 June 2024', 'E64');
const decorated = fc.oneof(
  { weight: 8, arbitrary: word },
  { weight: 1, arbitrary: word.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: fc.constantFrom('`sr:FirmwareVersionUpdate`', '`E64`') },
  { weight: 1, arbitrary: word.map((w) => `[${w}](https://example.org/${w.length})`) },
  { weight: 1, arbitrary: fc.constantFrom('[TBC]', '[Not used]') },
);
/** A sentence that starts with a capital word, so it is never read as a number or a list. */
export const sentence = fc
  .tuple(fc.constantFrom('The', 'Each', 'Where', 'Any'), fc.array(decorated, { minLength: 1, maxLength: 12 }), fc.constantFrom('.', ';', ':', ''))
  .map(([first, rest, end]) => `${first} ${rest.join(' ')}${end}`);
const cellText = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));

/** A list item: its text, continuation paragraphs after its text, after its children ('more'), its children. */
interface Sub { children: Sub[]; text: string; paras: string[]; more: string[] }
const paras = fc.oneof({ weight: 6, arbitrary: fc.constant([] as string[]) }, { weight: 1, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 2 }) });
const subTree: fc.Arbitrary<Sub[]> = fc.letrec((tie) => ({
  list: fc.array(tie('item') as fc.Arbitrary<Sub>, { minLength: 1, maxLength: 4 }),
  item: fc.record({
    text: sentence,
    paras,
    more: paras,
    children: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant([] as Sub[]), tie('list') as fc.Arbitrary<Sub[]>),
  }),
})).list as fc.Arbitrary<Sub[]>;

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi'];
function label(depth: number, i: number): string {
  const alpha = String.fromCharCode(97 + i);
  const styles = [alpha, ROMAN[i] ?? 'x', alpha.toUpperCase(), (ROMAN[i] ?? 'x').toUpperCase()];
  return `(${styles[(depth - 1) % 4]})`;
}

/** Undefined five times in six. */
function rarely<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
}

const clauseShape = fc.record({
  text: sentence,
  subs: fc.oneof(fc.constant([] as Sub[]), subTree),
  bullets: fc.boolean(),
  footnote: rarely(sentence),
  notUsedRange: rarely(fc.integer({ min: 1, max: 3 })),
  continuation: fc.option(sentence, { nil: undefined }),
  table: fc.option(fc.array(fc.tuple(cellText, cellText), { minLength: 1, maxLength: 5 }), { nil: undefined }),
  crossHeading: fc.option(cellText, { nil: undefined }),
});

export const generatedDoc: fc.Arbitrary<GeneratedDoc> = fc
  .record({
    letter: fc.constantFrom('G', 'H', 'M', 'A'),
    parts: fc.array(fc.record({ title: cellText, clauses: fc.array(clauseShape, { minLength: 1, maxLength: 5 }) }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ letter, parts }) => {
    const lines: string[] = ['---', 'kind: section', `code: ${letter}`, 'title: Generated', 'version: SEC 2024-02', '---'];
    const ids: string[] = [];
    const blocks: string[] = [];
    const footnotes: string[] = [];
    parts.forEach((part, pi) => {
      const partId = `${letter}${pi + 1}`;
      blocks.push(`## ${partId} ${part.title}`);
      ids.push(partId);
      let number = 0;
      part.clauses.forEach((c) => {
        const id = `${partId}.${++number}`;
        if (c.notUsedRange !== undefined) {
          // 'G1.3 to G1.5 Not used': one block, several numbers.
          number += c.notUsedRange;
          blocks.push(`${id} to ${partId}.${number} Not used`);
          ids.push(id);
          return;
        }
        let text = c.text;
        if (c.footnote !== undefined) {
          footnotes.push(c.footnote);
          // Right after the first word (a sentence's first word is always plain).
          text = text.replace(' ', `[^${footnotes.length}] `);
        }
        blocks.push(`${id} ${text}`);
        ids.push(id);
        if (c.subs.length) {
          // Items of one list are adjacent; a continuation paragraph has a blank line on each side.
          let list = '';
          let sep = '';
          const add = (line: string, spaced: boolean): void => {
            list += (list === '' ? '' : spaced ? '\n\n' : sep) + line;
            sep = spaced ? '\n\n' : '\n';
          };
          const walk = (subs: Sub[], depth: number, base: string): void =>
            subs.forEach((s, si) => {
              const l = c.bullets && depth === 1 ? '' : label(depth, si);
              const itemId = l ? base + l : `${base}/bullet${si + 1}`;
              add(`${'  '.repeat(depth - 1)}- ${l ? `${l} ` : ''}${s.text}`, false);
              ids.push(itemId);
              let p = 0;
              for (const para of s.paras) {
                add(`${'  '.repeat(depth)}${para}`, true);
                ids.push(`${itemId}/p${++p}`);
              }
              if (s.children.length) {
                if (s.paras.length) sep = '\n\n';
                walk(s.children, depth + 1, itemId);
              }
              for (const para of s.children.length ? s.more : []) {
                add(`${'  '.repeat(depth)}${para}`, true);
                ids.push(`${itemId}/p${++p}`);
              }
            });
          walk(c.subs, 1, id);
          blocks.push(list);
        }
        let p = 0;
        if (c.continuation) {
          blocks.push(c.continuation);
          ids.push(`${id}/p${++p}`);
        }
        if (c.table) {
          const seen = new Map<string, number>();
          const rows = c.table.map(([k, v]) => {
            const n = (seen.get(k) ?? 0) + 1;
            seen.set(k, n);
            ids.push(`${id}[${k}${n > 1 ? `#${n}` : ''}]`);
            return `| ${k} | ${v} |`;
          });
          ids.splice(ids.length - rows.length, 0, `${id}/table1`);
          blocks.push(['| Expression | Meaning |', '| --- | --- |', ...rows].join('\n'));
        }
        if (c.crossHeading) {
          blocks.push(`### ${c.crossHeading}`);
          ids.push(`${id}/heading1`);
        }
      });
    });
    footnotes.forEach((f, i) => {
      blocks.push(`[^${i + 1}]: ${f}`);
      ids.push(`Section ${letter}/fn${i + 1}`);
    });
    return { text: `${lines.join('\n')}\n\n${blocks.join('\n\n')}\n`, ids };
  });
