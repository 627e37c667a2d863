// Random SEC documents and random edit scripts for the diff property tests. Documents are built as RawBlocks
// and identified by the model (identifyBlocks), so IDs come from the one place that computes them; edits work
// on the RawBlocks the way a drafter would: reword, renumber, insert 'G3.5A', make a clause 'Not used', move a
// clause, add or drop sub-paragraphs, rows and columns.

import fc from 'fast-check';
import type { DocMeta, RawBlock, SecDocument } from '../../src/model/types.js';
import { identifyBlocks } from '../../src/model/identify.js';

export const META: DocMeta = { kind: 'section', code: 'G', title: 'Security', version: 'SEC 2024-06' };

const WORDS = [
  'DCC', 'Panel', 'shall', 'notify', 'the', 'User', 'Device', 'each', 'within', 'Working', 'Days', 'of', 'Service',
  'Request', 'Party', "Party's", 'non-Domestic', '£35,000,000', '30', '(30)', 'thirty', '27 June 2024', 'G3.5', 'H17.5(a)',
  'Section', 'in', 'accordance', 'with', 'and', 'or', 'SMETS2', 'E64', 'Authority', 'reasonable', 'steps',
];
const word = fc.constantFrom(...WORDS);
const sentence = fc
  .tuple(fc.constantFrom('The', 'Each', 'Where', 'Any'), fc.array(word, { minLength: 2, maxLength: 14 }), fc.constantFrom('.', ';', ':', ''))
  .map(([first, rest, end]) => `${first} ${rest.join(' ')}${end}`);
const cellText = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
const KEYS = ['SMKI', 'SM WAN', 'DCC', 'User', 'Fax', 'Party', 'E64', 'E65'];
/** Some keys in bold, as in Section A1.1 (kept to a few: every bold key costs the model a remark parse). */
const keyCell = (key: string): string => (key === 'SMKI' || key === 'Fax' ? `**${key}**` : key);

interface ClauseSpec {
  text: string;
  subs: { text: string; children: string[] }[];
  continuation: string | undefined;
  table: { columns: number; rows: { key: string; cells: string[] }[] } | undefined;
  crossHeading: string | undefined;
}

const clauseSpec: fc.Arbitrary<ClauseSpec> = fc.record({
  text: sentence,
  subs: fc.array(fc.record({ text: sentence, children: fc.array(sentence, { maxLength: 2 }) }), { maxLength: 4 }),
  continuation: fc.option(sentence, { nil: undefined }),
  table: fc.option(
    fc.record({
      columns: fc.integer({ min: 2, max: 3 }),
      rows: fc.array(fc.record({ key: fc.constantFrom(...KEYS), cells: fc.array(cellText, { minLength: 2, maxLength: 2 }) }), { minLength: 1, maxLength: 5 }),
    }),
    { nil: undefined },
  ),
  crossHeading: fc.option(cellText, { nil: undefined }),
});

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v'];

export const rawDoc: fc.Arbitrary<RawBlock[]> = fc
  .array(fc.record({ title: cellText, clauses: fc.array(clauseSpec, { minLength: 1, maxLength: 6 }) }), { minLength: 1, maxLength: 3 })
  .map((parts) => {
    const raw: RawBlock[] = [];
    parts.forEach((part, pi) => {
      raw.push({ kind: 'heading', label: `G${pi + 1}`, depth: 2, text: part.title });
      part.clauses.forEach((c, ci) => {
        raw.push({ kind: 'clause', label: `G${pi + 1}.${ci + 1}`, depth: 0, text: c.text });
        c.subs.forEach((s, si) => {
          raw.push({ kind: 'subpara', label: `(${String.fromCharCode(97 + si)})`, depth: 1, text: s.text });
          s.children.forEach((t, ti) => raw.push({ kind: 'subpara', label: `(${ROMAN[ti]})`, depth: 2, text: t }));
        });
        if (c.continuation) raw.push({ kind: 'paragraph', label: '', depth: 0, text: c.continuation });
        if (c.table) {
          const header = ['Expression', 'Meaning', 'Notes'].slice(0, c.table.columns);
          raw.push(tableBlock(header));
          for (const r of c.table.rows) raw.push(rowBlock([keyCell(r.key), ...r.cells].slice(0, c.table.columns)));
        }
        if (c.crossHeading) raw.push({ kind: 'heading', label: '', depth: 3, text: `Annex ${c.crossHeading}` });
      });
    });
    return raw;
  });

function tableBlock(cells: string[]): RawBlock {
  return { kind: 'table', label: '', depth: 0, text: cells.join(' | '), cells, align: cells.map(() => null) };
}

function rowBlock(cells: string[]): RawBlock {
  return { kind: 'row', label: '', depth: 0, text: cells.join(' | '), cells };
}

export function toDoc(raw: readonly RawBlock[], version = META.version): SecDocument {
  const meta = { ...META, version };
  return { file: 'section-G.md', meta, blocks: identifyBlocks(meta, raw) };
}

// ---- edits ---------------------------------------------------------------------------------------------

export type Edit =
  | { op: 'reword'; at: number; pos: number; word: string; how: 'replace' | 'insert' | 'delete' | 'space' | 'punct' }
  | { op: 'insert-clause'; at: number; text: string }
  | { op: 'not-used'; at: number }
  | { op: 'remove-clause'; at: number }
  | { op: 'move-clause'; at: number; to: number }
  | { op: 'renumber'; at: number }
  | { op: 'insert-subpara'; at: number; text: string }
  | { op: 'delete-block'; at: number }
  | { op: 'insert-row'; at: number; key: string; text: string }
  | { op: 'edit-cell'; at: number; cell: number; text: string }
  | { op: 'add-column'; at: number; pos: number }
  | { op: 'insert-paragraph'; at: number; text: string }
  | { op: 'insert-heading'; at: number; text: string };

const at = fc.nat({ max: 1000 });
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('reword' as const), at, pos: fc.nat({ max: 20 }), word, how: fc.constantFrom('replace' as const, 'insert' as const, 'delete' as const, 'space' as const, 'punct' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insert-clause' as const), at, text: sentence }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('not-used' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove-clause' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('move-clause' as const), at, to: at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('renumber' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insert-subpara' as const), at, text: sentence }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete-block' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insert-row' as const), at, key: fc.constantFrom(...KEYS), text: cellText }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('edit-cell' as const), at, cell: fc.nat({ max: 2 }), text: cellText }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('add-column' as const), at, pos: fc.nat({ max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insert-paragraph' as const), at, text: sentence }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insert-heading' as const), at, text: cellText }) },
);

/** Index ranges [start, end) of numbered clauses (the clause block plus everything up to the next numbered block). */
function clauseRanges(raw: readonly RawBlock[]): [number, number][] {
  const starts: number[] = [];
  raw.forEach((b, i) => {
    if (b.label !== '' && (b.kind === 'clause' || b.kind === 'heading')) starts.push(i);
  });
  return starts
    .map((s, k): [number, number] => [s, starts[k + 1] ?? raw.length])
    .filter(([s]) => raw[s]!.kind === 'clause');
}

function labels(raw: readonly RawBlock[]): Set<string> {
  return new Set(raw.filter((b) => b.kind === 'clause' || b.kind === 'heading').map((b) => b.label));
}

function freshLabel(raw: readonly RawBlock[], base: string): string | null {
  const taken = labels(raw);
  for (const suffix of ['A', 'B', 'C', 'D', 'E', 'F']) if (!taken.has(base + suffix)) return base + suffix;
  return null;
}

function rewordText(text: string, e: Extract<Edit, { op: 'reword' }>): string {
  const words = text.split(' ');
  const i = e.pos % (words.length + 1);
  switch (e.how) {
    case 'replace':
      if (i < words.length) words[i] = e.word;
      return words.join(' ');
    case 'insert':
      words.splice(i, 0, e.word);
      return words.join(' ');
    case 'delete':
      if (words.length > 2 && i < words.length) words.splice(i, 1);
      // After a doubled space (the 'space' edit) a deleted first or last word would leave the line starting or
      // ending with a space, which is not canonical: trim it, as fmt would.
      return words.join(' ').trim();
    case 'space': {
      // Whitespace inside the line only: canonical lines never start or end with a space.
      const k = text.indexOf(' ', e.pos % Math.max(1, text.length));
      return k > 0 && k < text.length - 1 ? `${text.slice(0, k)}  ${text.slice(k + 1)}` : text;
    }
    case 'punct':
      return /[.;:]$/.test(text) ? `${text.slice(0, -1)}${text.endsWith('.') ? ';' : '.'}` : `${text},`;
  }
}

/** Applies one edit; edits that do not fit the document leave it as it is. */
export function applyEdit(raw: RawBlock[], e: Edit): RawBlock[] {
  const out = raw.map((b) => ({ ...b, ...(b.cells ? { cells: [...b.cells] } : {}), ...(b.align ? { align: [...b.align] } : {}) }));
  const clauses = clauseRanges(out);
  const pick = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);
  switch (e.op) {
    case 'reword': {
      const texts = out.map((b, i) => i).filter((i) => out[i]!.kind !== 'table' && out[i]!.kind !== 'row' && out[i]!.text !== '');
      const i = pick(texts, e.at);
      if (i !== undefined) {
        const text = rewordText(out[i]!.text, e);
        // A paragraph or unnumbered heading reworded to start with a clause number ('G3.5 …') would be a
        // numbered block: not a rewording.
        const unnumbered = out[i]!.kind === 'paragraph' || (out[i]!.kind === 'heading' && out[i]!.label === '');
        const becomesClause = unnumbered && /^[A-Z]?\d+[A-Z]*(\.\d+[A-Z]*)*( |$)/.test(text);
        if (!becomesClause) out[i]!.text = text;
      }
      return out;
    }
    case 'insert-clause': {
      const c = pick(clauses, e.at);
      if (!c) return out;
      const label = freshLabel(out, out[c[0]]!.label);
      if (label) out.splice(c[1], 0, { kind: 'clause', label, depth: 0, text: e.text });
      return out;
    }
    case 'not-used': {
      const c = pick(clauses, e.at);
      if (!c) return out;
      out[c[0]]!.text = 'Not used';
      out.splice(c[0] + 1, c[1] - c[0] - 1);
      return out;
    }
    case 'remove-clause': {
      const c = pick(clauses, e.at);
      if (c) out.splice(c[0], c[1] - c[0]);
      return out;
    }
    case 'move-clause': {
      const c = pick(clauses, e.at);
      const target = pick(clauses, e.to);
      if (!c || !target || target[0] === c[0]) return out;
      const label = freshLabel(out, out[target[0]]!.label);
      if (!label) return out;
      const moved = out.splice(c[0], c[1] - c[0]);
      moved[0] = { ...moved[0]!, label };
      const insertAt = target[1] > c[0] ? target[1] - moved.length : target[1];
      out.splice(insertAt, 0, ...moved);
      return out;
    }
    case 'renumber': {
      const c = pick(clauses, e.at);
      if (!c) return out;
      const label = freshLabel(out, out[c[0]]!.label);
      if (label) out[c[0]]!.label = label;
      return out;
    }
    case 'insert-subpara': {
      const c = pick(clauses, e.at);
      if (!c) return out;
      // Insert as the first sub-paragraph and relabel the ones after it, as a drafter would.
      let j = c[0] + 1;
      out.splice(j, 0, { kind: 'subpara', label: '(a)', depth: 1, text: e.text });
      let n = 1;
      for (j = j + 1; j < c[1] + 1; j++) {
        const b = out[j]!;
        if (b.kind === 'subpara' && b.depth === 1) b.label = `(${String.fromCharCode(97 + n++)})`;
        if (b.kind !== 'subpara') break;
      }
      return out;
    }
    case 'delete-block': {
      const candidates = out.map((b, i) => i).filter((i) => ['subpara', 'row', 'paragraph'].includes(out[i]!.kind) || (out[i]!.kind === 'heading' && out[i]!.label === ''));
      const i = pick(candidates, e.at);
      if (i !== undefined && !(out[i]!.kind === 'subpara' && out[i + 1]?.kind === 'subpara' && out[i + 1]!.depth > out[i]!.depth)) out.splice(i, 1);
      return out;
    }
    case 'insert-row': {
      const tables = out.map((b, i) => i).filter((i) => out[i]!.kind === 'table');
      const t = pick(tables, e.at);
      if (t === undefined) return out;
      const width = out[t]!.cells!.length;
      const cells = [keyCell(e.key), ...Array.from({ length: width - 1 }, () => e.text)];
      out.splice(t + 1 + (e.at % 3), 0, rowBlock(cells));
      // Rows stay after their header: the splice index may only land among the table's rows or right after them.
      return out.every((b, i) => b.kind !== 'row' || (i > 0 && (out[i - 1]!.kind === 'row' || out[i - 1]!.kind === 'table'))) ? out : raw.slice();
    }
    case 'edit-cell': {
      const rows = out.map((b, i) => i).filter((i) => out[i]!.kind === 'row');
      const r = pick(rows, e.at);
      if (r === undefined) return out;
      const cells = out[r]!.cells!;
      const k = 1 + (e.cell % Math.max(1, cells.length - 1));
      if (k < cells.length) cells[k] = e.text;
      out[r]!.text = cells.join(' | ');
      return out;
    }
    case 'add-column': {
      const tables = out.map((b, i) => i).filter((i) => out[i]!.kind === 'table');
      const t = pick(tables, e.at);
      if (t === undefined) return out;
      const pos = 1 + (e.pos % out[t]!.cells!.length);
      for (let i = t; i < out.length && (i === t || out[i]!.kind === 'row'); i++) {
        const b = out[i]!;
        b.cells!.splice(pos, 0, i === t ? 'Status' : 'new');
        if (b.align) b.align.splice(pos, 0, null);
        b.text = b.cells!.join(' | ');
      }
      return out;
    }
    case 'insert-paragraph':
    case 'insert-heading': {
      const c = pick(clauses, e.at);
      if (!c) return out;
      const block: RawBlock = e.op === 'insert-paragraph' ? { kind: 'paragraph', label: '', depth: 0, text: e.text } : { kind: 'heading', label: '', depth: 3, text: `Annex ${e.text}` };
      // After the clause's own block and its sub-paragraphs (a paragraph inside a list would end the list).
      let j = c[0] + 1;
      while (j < out.length && out[j]!.kind === 'subpara') j++;
      out.splice(j, 0, block);
      return out;
    }
  }
}
