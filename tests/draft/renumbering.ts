// Edits that renumber, on top of the diff's random edits (tests/diff/generate.ts): a clause inserted with the
// ones after it renumbered up, a clause removed with the ones after it renumbered down, a sub-paragraph
// inserted in the middle of a list with the later ones relettered — each optionally with a word of the
// renumbered clause changed — and two table rows swapped.

import fc from 'fast-check';
import type { RawBlock } from '../../src/model/types.js';

export type Renumbering =
  | { op: 'insert-shift'; at: number; text: string; reword: boolean }
  | { op: 'remove-shift'; at: number; reword: boolean }
  | { op: 'insert-sub-shift'; at: number; pos: number; text: string; reword: boolean }
  | { op: 'swap-rows'; at: number; pos: number };

const at = fc.nat({ max: 1000 });
const words = ['The', 'Each', 'Panel', 'shall', 'notify', 'the', 'DCC', 'within', 'five', 'Working', 'Days', 'of', 'E64', 'E65', 'request'];
const text = fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 10 }).map((ws) => `Where ${ws.join(' ')}.`);

export const renumbering: fc.Arbitrary<Renumbering> = fc.oneof(
  fc.record({ op: fc.constant('insert-shift' as const), at, text, reword: fc.boolean() }),
  fc.record({ op: fc.constant('remove-shift' as const), at, reword: fc.boolean() }),
  fc.record({ op: fc.constant('insert-sub-shift' as const), at, pos: fc.nat({ max: 5 }), text, reword: fc.boolean() }),
  fc.record({ op: fc.constant('swap-rows' as const), at, pos: fc.nat({ max: 5 }) }),
);

const PLAIN = /^G(\d+)\.(\d+)$/;

/** Changes one word of a text (the 'shall' → 'may' of a renumbered clause). */
function reword(t: string): string {
  return t.includes(' shall ') ? t.replace(' shall ', ' may ') : t.replace(/ (\S+)([.;:]?)$/, ' amended$2');
}

export function applyRenumbering(raw: RawBlock[], e: Renumbering): RawBlock[] {
  const out = raw.map((b) => ({ ...b, ...(b.cells ? { cells: [...b.cells] } : {}) }));
  const clauses = out.map((b, i) => i).filter((i) => out[i]!.kind === 'clause' && PLAIN.test(out[i]!.label));
  if (e.op === 'swap-rows') {
    const rows = out.map((b, i) => i).filter((i) => out[i]!.kind === 'row' && out[i + 1]?.kind === 'row');
    if (!rows.length) return out;
    const i = rows[e.at % rows.length]!;
    [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
    return out;
  }
  if (e.op === 'insert-sub-shift') {
    const lists = out.map((b, i) => i).filter((i) => out[i]!.kind === 'subpara' && out[i]!.depth === 1 && out[i]!.label !== '(a)');
    if (!lists.length) return out;
    const i = lists[(e.at + e.pos) % lists.length]!;
    const label = out[i]!.label;
    out.splice(i, 0, { kind: 'subpara', label, depth: 1, text: e.text });
    let first = true;
    for (let j = i + 1; j < out.length && out[j]!.kind === 'subpara'; j++) {
      if (out[j]!.depth !== 1) continue;
      out[j]!.label = `(${String.fromCharCode(out[j]!.label.charCodeAt(1) + 1)})`;
      if (first && e.reword) out[j]!.text = reword(out[j]!.text);
      first = false;
    }
    return out;
  }
  if (!clauses.length) return out;
  const c = clauses[e.at % clauses.length]!;
  const [, part, num] = PLAIN.exec(out[c]!.label)!;
  const later = clauses.filter((i) => i >= c && PLAIN.exec(out[i]!.label)![1] === part);
  const shift = (by: number): void => {
    for (const i of later) {
      if (e.op === 'remove-shift' && i === c) continue;
      const n = Number(PLAIN.exec(out[i]!.label)![2]);
      out[i]!.label = `G${part}.${n + by}`;
    }
  };
  if (e.op === 'insert-shift') {
    shift(1);
    if (e.reword) out[c]!.text = reword(out[c]!.text);
    out.splice(c, 0, { kind: 'clause', label: `G${part}.${num}`, depth: 0, text: e.text });
    return out;
  }
  // remove-shift: the clause and its blocks go, the later clauses of the part move down.
  let end = c + 1;
  while (end < out.length && !(out[end]!.label !== '' && (out[end]!.kind === 'clause' || out[end]!.kind === 'heading'))) end++;
  const next = later.find((i) => i > c);
  if (e.reword && next !== undefined) out[next]!.text = reword(out[next]!.text);
  shift(-1);
  out.splice(c, end - c);
  return out;
}
