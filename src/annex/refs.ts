// How the Annex A names a block in prose, from its canonical ID: 'Section G3.5', 'clause 3.8.17.1 of
// Appendix AD', "the definition of 'SM WAN' in Section A1.1", 'the heading after clause 2.10.9 of Appendix AG'.
//
// A reference is split into its text and the trailing ' of Appendix AD', so an instruction that names two
// blocks of one appendix says the appendix once: 'Insert new clause 3.5A after clause 3.5 of Appendix AD'.

import type { DocRef } from '../model/types.js';
import { docId } from '../model/doc-ref.js';
import { idParts } from '../model/ids.js';

export interface Ref {
  text: string;
  /** ' of Appendix AD' for appendix and schedule clauses; '' for Sections and whole documents. */
  of: string;
}

export function full(ref: Ref): string {
  return ref.text + ref.of;
}

const ORDINALS = ['', 'second ', 'third ', 'fourth ', 'fifth ', 'sixth ', 'seventh ', 'eighth ', 'ninth ', 'tenth '];

/** '' for 1 ('the table'), 'second ' for 2, … ('the second table'); '11th ' beyond ten. */
export function ordinal(n: number): string {
  if (n <= 1) return '';
  return ORDINALS[n - 1] ?? `${n}th `;
}

/** 'Section G3.5(a)', 'clause 3.8.17.1', 'paragraph 1.2' with the document in `of`. */
export function numberRef(doc: DocRef, number: string, subs = ''): Ref {
  if (doc.kind === 'section') return { text: `Section ${number}${subs}`, of: '' };
  const word = doc.kind === 'schedule' ? 'paragraph' : 'clause';
  return { text: `${word} ${number}${subs}`, of: ` of ${docId(doc)}` };
}

export interface RefOptions {
  /** Rows of this table are definitions ('the definition of …'). */
  definitions?: boolean;
}

/** The prose name of any block ID of `doc`; falls back to the ID itself when it cannot be parsed. */
export function blockRef(id: string, doc: DocRef, options: RefOptions = {}): Ref {
  const p = idParts(id, doc);
  if (!p) return { text: id, of: '' };
  let base: Ref;
  if (p.scope !== undefined) {
    // An inner appendix: 'clause 1.2 of Appendix A to Appendix N', 'Appendix A to Section F'.
    const of = `${p.scope} to ${docId(doc)}`;
    base = p.number === null ? { text: of, of: '' } : { text: `${doc.kind === 'schedule' ? 'paragraph' : 'clause'} ${p.number}${p.subs}`, of: ` of ${of}` };
  } else base = p.number === null ? { text: docId(doc), of: '' } : numberRef(doc, p.number, p.subs);
  let tableN = p.number === null && p.steps.length === 0 ? 0 : 1;
  for (const step of p.steps) {
    const where = base.text;
    if (step.kind === 'fn') base = { text: `footnote ${step.n} of ${where}`, of: base.of };
    else if (step.kind === 'bullet') base = { text: `the ${ordinal(step.n)}bullet after ${where}`, of: base.of };
    else if (step.kind === 'heading') base = { text: `the ${ordinal(step.n)}heading after ${where}`, of: base.of };
    else if (step.kind === 'p') base = { text: `the ${ordinal(step.n)}unnumbered paragraph after ${where}`, of: base.of };
    else {
      tableN = step.n;
      base = { text: `the ${ordinal(step.n)}table in ${where}`, of: base.of };
    }
    if (step.subs) base = { text: `${base.text}, sub-paragraph ${step.subs}`, of: base.of };
  }
  if (p.key === undefined) return base;
  const occurrence = ordinal(p.occurrence ?? 1);
  let row: Ref;
  const lastIsTable = p.steps.length > 0 && p.steps[p.steps.length - 1]!.kind === 'table';
  if (options.definitions) {
    const inWhat = lastIsTable ? base.text : tableN > 1 ? `the ${ordinal(tableN)}table in ${base.text}` : base.text;
    row = { text: `the ${occurrence}definition of '${p.key}' in ${inWhat}`, of: base.of };
  } else {
    const table = lastIsTable ? base.text : `the table in ${base.text}`;
    row = { text: `the ${occurrence}row '${p.key}' of ${table}`, of: base.of };
  }
  if (p.cell === undefined) return row;
  return { text: `the '${p.cell}' column of ${row.text}`, of: row.of };
}
