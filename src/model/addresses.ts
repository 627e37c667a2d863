// Every ID a user may type for a document, in document order: each block's own ID, then what lives inside the
// block — the other numbers of a 'Not used' range, terms defined inline, limbs of a row's cells. `ids` prints
// them and `findBlock` resolves them (lookup.ts).

import type { Block, SecDocument } from './types.js';
import { notUsedRange } from './conventions.js';
import { inlineDefinitions } from './inline-definitions.js';
import { cellLimbs } from './limbs.js';

export interface Address {
  id: string;
  /** The block that holds it. */
  block: Block;
  index: number;
  /** What part of the block it names, when not the whole block. */
  part?: { kind: 'range' } | { kind: 'term'; term: string } | { kind: 'limb'; column: number; path: string; text: string };
}

/** The ID prefix of a numbered block's number: 'Appendix AD 3.8.17' → 'Appendix AD ', 'G3.17' → ''. */
function numberPrefix(b: Block): string {
  return b.id.slice(0, b.id.length - b.label.length);
}

/** The other numbers a 'Not used' range retires ('G3.18' … 'G3.20' for 'G3.17 to G3.20 Not used'). */
export function rangeIds(b: Block): string[] {
  if (b.kind !== 'clause' || b.label === '') return [];
  const range = notUsedRange(b.label, b.text);
  return range ? range.numbers.slice(1).map((n) => numberPrefix(b) + n) : [];
}

/** The addresses inside one block (not the block's own ID). */
export function innerAddresses(doc: SecDocument, index: number, header?: Block): Address[] {
  const b = doc.blocks[index]!;
  const out: Address[] = [];
  for (const id of rangeIds(b)) out.push({ id, block: b, index, part: { kind: 'range' } });
  if (b.kind === 'row') {
    const heads = header?.cells ?? [];
    (b.cells ?? []).forEach((cell, column) => {
      if (column === 0) return;
      for (const limb of cellLimbs(cell)) {
        const col = column === 1 ? '' : `{${heads[column] ?? column + 1}}`;
        out.push({ id: `${b.id}${col}${limb.path}`, block: b, index, part: { kind: 'limb', column, path: limb.path, text: limb.text } });
      }
    });
  } else {
    for (const d of inlineDefinitions(b.text)) out.push({ id: `${b.id}/term[${d.term}]`, block: b, index, part: { kind: 'term', term: d.term } });
  }
  return out;
}

export function addresses(doc: SecDocument): Address[] {
  const out: Address[] = [];
  let header: Block | undefined;
  doc.blocks.forEach((b, index) => {
    if (b.kind === 'table') header = b;
    out.push({ id: b.id, block: b, index });
    out.push(...innerAddresses(doc, index, b.kind === 'row' ? header : undefined));
  });
  return out;
}
