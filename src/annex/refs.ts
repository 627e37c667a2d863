// How the Annex A names a block in prose, from its canonical ID: 'Section G3.5', 'clause 3.8.17.1 of
// Appendix AD', "the definition of 'SM WAN' in Section A1.1", 'the heading after clause 2.10.9 of Appendix AG'.
//
// A reference is split into its text and the trailing ' of Appendix AD', so an instruction that names two
// blocks of one appendix says the appendix once: 'Insert new clause 3.5A after clause 3.5 of Appendix AD'.

import type { DocRef } from '../model/types.js';
import { docId } from '../model/doc-ref.js';

export interface Ref {
  text: string;
  /** ' of Appendix AD' for appendix and schedule clauses; '' for Sections and whole documents. */
  of: string;
}

export function full(ref: Ref): string {
  return ref.text + ref.of;
}

export interface IdParts {
  /** The clause number ('G3.5', '3.8.17.1'), or null when the anchor is the document itself. */
  number: string | null;
  /** Sub-paragraph labels after the number: '(a)(i)'. */
  subs: string;
  steps: { kind: 'heading' | 'p' | 'table' | 'bullet' | 'fn'; n: number; subs: string }[];
  /** An inner appendix, annex or schedule ('Appendix A' in 'Appendix N Appendix A 1.2'). */
  scope?: string;
  key?: string;
  /** 2 for '[key#2]'. */
  occurrence?: number;
  cell?: string;
}

const NUMBER = /^([A-X]?\d+[A-Z]*(?:\.\d+[A-Z]*)*)/;
const SUBS = /^((?:\([A-Za-z0-9]+\))*)/;
const STEP = /^\/(heading|p|table|bullet|fn)(\d+)((?:\([A-Za-z0-9]+\))*)/;
const SCOPE = /^((?:Appendix|Annex|Schedule) (?:[A-Z]{1,2}|\d{1,3}))(?: |(?=[/[])|$)/;

/** Splits a canonical block ID of `doc` into its parts; null when it is not one. */
export function idParts(id: string, doc: DocRef): IdParts | null {
  const name = docId(doc);
  let local: string;
  if (id === name) local = '';
  else if (id.startsWith(`${name} `)) local = id.slice(name.length + 1);
  else if (id.startsWith(`${name}/`) || id.startsWith(`${name}[`)) local = id.slice(name.length);
  else if (doc.kind === 'section' && id.startsWith(doc.code)) local = id;
  else return null;

  const parts: IdParts = { number: null, subs: '', steps: [] };
  let rest = local;
  const scope = SCOPE.exec(rest);
  if (scope) {
    parts.scope = scope[1]!;
    rest = rest.slice(scope[0].length);
  }
  const num = NUMBER.exec(rest);
  if (num) {
    parts.number = num[1]!;
    rest = rest.slice(num[1]!.length);
  }
  const subs = SUBS.exec(rest)!;
  parts.subs = subs[1]!;
  rest = rest.slice(subs[1]!.length);
  for (;;) {
    const step = STEP.exec(rest);
    if (!step) break;
    parts.steps.push({ kind: step[1] as IdParts['steps'][number]['kind'], n: Number(step[2]), subs: step[3]! });
    rest = rest.slice(step[0].length);
  }
  const row = /^\[(.*)\](?:\{(.*)\})?$/.exec(rest);
  if (row) {
    let key = row[1]!;
    const occ = /^(.*)#(\d+)$/.exec(key);
    if (occ) {
      key = occ[1]!;
      parts.occurrence = Number(occ[2]);
    }
    parts.key = key;
    if (row[2] !== undefined) parts.cell = row[2];
    rest = '';
  }
  return rest === '' ? parts : null;
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

/** The ID of the table a row belongs to: 'A1.1[SM WAN]' → 'A1.1/table1'; '…/table2[E64]' → '…/table2'. */
export function tableIdOfRow(rowId: string): string {
  const i = rowId.lastIndexOf('[');
  const base = i >= 0 ? rowId.slice(0, i) : rowId;
  return /\/table\d+$/.test(base) ? base : `${base}/table1`;
}
