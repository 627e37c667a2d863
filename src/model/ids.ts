// The clause-ID syntax every command accepts (docs/format.md, 'Clause IDs'), normalised to canonical form.

import type { DocRef } from './types.js';
import { docId, parseDocId } from './doc-ref.js';

export interface ParsedId {
  doc: DocRef;
  /** Canonical block ID ('G3.5', 'Appendix AD 3.5.10[E64]'), or the document ID when `isDocument`. */
  id: string;
  isDocument: boolean;
  /** Column heading when the ID names a cell: 'Appendix AD 3.8.43.2[ScheduleEndDate]{Mandatory}'. */
  cell?: string;
  /** Labels of a limb inside a row's cell: 'A1.1[Term](a)(i)' → '(a)(i)' (see limbs.ts). */
  limb?: string;
  /** A term defined inline in the block's text: 'G3.5/term[Applicant]' → 'Applicant'. */
  term?: string;
}

const SEG = String.raw`\d+[A-Z]*`;
const SECTION_NUMBER = new RegExp(`^([A-X])(${SEG}(?:\\.${SEG})*)`);
const LOCAL_NUMBER = new RegExp(`^(${SEG}(?:\\.${SEG})*)`);
// One sub-paragraph label: '(a)', '(iv)', '(12)'.
const LABEL = String.raw`\([A-Za-z0-9]{1,8}\)`;
const SUBPARAS = new RegExp(`^((?:${LABEL})*)`);
// '/heading1', '/p2', '/table1', '/bullet1', '/fn1' (the number may be left out when writing: '/p' is '/p1').
const STEP = /^\/(heading|p|table|bullet|fn)(\d*)/;
// A row key with its occurrence: 'E64#3' is the third row keyed 'E64'.
const OCCURRENCE = /^(.*)#(\d+)$/;

interface Tail {
  tail: string;
  cell?: string;
  limb?: string;
  term?: string;
}

/**
 * Normalises the tail after a number: sub-paragraphs, '/kind[n]' steps, '[key]', '{cell}' and a limb's labels,
 * or '/term[…]'.
 */
function parseTail(tail: string): Tail | null {
  let rest = tail;
  let out = '';
  const sub = SUBPARAS.exec(rest)!;
  out += sub[1]!;
  rest = rest.slice(sub[1]!.length);
  // '/heading1', '/p2', '/table1', '/bullet1', '/fn1', possibly followed by sub-paragraphs of that block.
  let tableStep: number | null = null;
  for (;;) {
    const step = STEP.exec(rest);
    if (!step) break;
    const n = step[2] === '' ? 1 : Number(step[2]);
    if (n < 1) return null;
    if (step[1] === 'table') tableStep = n;
    out += `/${step[1]}${n}`;
    rest = rest.slice(step[0].length);
    const s = SUBPARAS.exec(rest)!;
    out += s[1]!;
    rest = rest.slice(s[1]!.length);
  }
  const term = /^\/term\[([^\]]+)\]$/.exec(rest);
  if (term) return { tail: out, term: term[1]!.trim().replace(/\s+/g, ' ') };
  const row = /^\[([^\]]+)\]/.exec(rest);
  if (row) {
    let key = row[1]!.trim();
    const occ = OCCURRENCE.exec(key);
    if (occ) key = Number(occ[2]) <= 1 ? occ[1]!.trim() : `${occ[1]!.trim()}#${occ[2]}`;
    // The first table after a numbered block addresses its rows without the '/table1' step.
    if (tableStep === 1 && out.endsWith('/table1')) out = out.slice(0, -'/table1'.length);
    out += `[${key}]`;
    rest = rest.slice(row[0].length);
  }
  const found: Tail = { tail: out };
  const c = /^\{([^}]+)\}/.exec(rest);
  if (c && row) {
    found.cell = c[1]!.trim();
    rest = rest.slice(c[0].length);
  }
  if (row) {
    const limb = SUBPARAS.exec(rest)!;
    if (limb[1]) {
      found.limb = limb[1];
      rest = rest.slice(limb[1].length);
    }
  }
  if (rest !== '') return null;
  return found;
}

/** 'Appendix A ', 'Annex B ', 'Schedule 1 ' at the start of what follows a document ID: an inner scope. */
const SCOPE = /^((?:Appendix|Annex|Schedule) (?:[A-Z]{1,2}|\d{1,3}))(?=$| |\/|\[)\s*/;

export function parseId(input: string): ParsedId | null {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  const whole = parseDocId(text);
  if (whole) return { doc: whole, id: docId(whole), isDocument: true };

  // 'Appendix AD 3.8.17.1…', 'Schedule 8 1.2…', 'Section G/p1', 'AD 3.8.17.1…' (two-letter codes only).
  const long = /^(section|schedule|appendix)\s+([A-Za-z]{1,2}|\d+)(?=[\s/[]|$)\s*(.*)$/i.exec(text);
  const short = /^([A-Z]{2})\s+(\d.*)$/.exec(text);
  if (long || short) {
    const doc = long ? parseDocId(`${long[1]} ${long[2]}`) : { kind: 'appendix' as const, code: short![1]! };
    if (!doc) return null;
    let rest = long ? long[3]! : short![2]!;
    const scope = long ? SCOPE.exec(rest) : null;
    if (scope) {
      // 'Appendix N Appendix A 1.2', 'Section F Annex A[Term]': numbered appendix style inside the scope.
      rest = rest.slice(scope[0].length);
      const base = `${docId(doc)} ${scope[1]}`;
      if (rest === '') return { doc, id: base, isDocument: false };
      if (rest.startsWith('/') || rest.startsWith('[')) {
        const t = parseTail(rest);
        return t ? withTail({ doc, id: base + t.tail, isDocument: false }, t) : null;
      }
      const num = LOCAL_NUMBER.exec(rest);
      if (!num) return null;
      const t = parseTail(rest.slice(num[1]!.length));
      return t ? withTail({ doc, id: `${base} ${num[1]}${t.tail}`, isDocument: false }, t) : null;
    }
    if (doc.kind === 'section') {
      // 'Section G3.5' is written 'Section G3.5', not 'Section G 3.5'; both reach here only via 'Section G/p1'.
      if (!rest.startsWith('/') && !rest.startsWith('[')) return null;
      const t = parseTail(rest);
      return t ? withTail({ doc, id: docId(doc) + t.tail, isDocument: false }, t) : null;
    }
    if (rest.startsWith('/') || rest.startsWith('[')) {
      const t = parseTail(rest);
      return t ? withTail({ doc, id: docId(doc) + t.tail, isDocument: false }, t) : null;
    }
    const num = LOCAL_NUMBER.exec(rest);
    if (!num) return null;
    rest = rest.slice(num[1]!.length);
    const t = parseTail(rest);
    return t ? withTail({ doc, id: `${docId(doc)} ${num[1]}${t.tail}`, isDocument: false }, t) : null;
  }

  const sectionWord = /^section\s+(?=[A-X]\d)/i.exec(text);
  const body = sectionWord ? text.slice(sectionWord[0].length) : text;
  const m = SECTION_NUMBER.exec(body);
  if (!m) return null;
  const t = parseTail(body.slice(m[0].length));
  if (!t) return null;
  return withTail({ doc: { kind: 'section', code: m[1]! }, id: m[1]! + m[2]! + t.tail, isDocument: false }, t);
}

function withTail(p: ParsedId, t: Tail): ParsedId {
  const out = { ...p };
  if (t.cell !== undefined) out.cell = t.cell;
  if (t.limb !== undefined) out.limb = t.limb;
  if (t.term !== undefined) out.term = t.term;
  return out;
}

/** The document part of a canonical block ID ('Appendix AD 3.5.10[E64]' → Appendix AD). */
export function docOfId(id: string): DocRef | null {
  return parseId(id)?.doc ?? null;
}

/**
 * How a reader names a block in prose: 'Section G3.5', 'clause 3.8.17.1 of Appendix AD'. For unnumbered
 * blocks and rows the caller words it from the parts; this covers numbered clauses and documents.
 */
export function proseName(id: string): string {
  const p = parseId(id);
  if (!p) return id;
  if (p.isDocument) return p.id;
  if (p.doc.kind === 'section') return `Section ${p.id}`;
  const local = p.id.slice(docId(p.doc).length + 1);
  return `clause ${local} of ${docId(p.doc)}`;
}

/** The whole canonical spelling of a parsed ID, cell, limb and inline term included. */
export function fullId(p: ParsedId): string {
  return `${p.id}${p.cell !== undefined ? `{${p.cell}}` : ''}${p.limb ?? ''}${p.term !== undefined ? `/term[${p.term}]` : ''}`;
}

/** The parts of a canonical block ID, for naming the block in prose (annex) or walking up its levels (check). */
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

// A clause number as it follows the document: 'G3.5' in a Section, '3.8.17.1' in an Appendix.
const NUMBER = new RegExp(`^([A-X]?${SEG}(?:\\.${SEG})*)`);
const ROW = /^\[(.*)\](?:\{(.*)\})?$/;

/**
 * Splits a canonical block ID of `doc` into its parts; null when it is not one. The same patterns as parseId
 * (which accepts every spelling), but no normalising: the input is already canonical.
 */
export function idParts(id: string, doc: DocRef): IdParts | null {
  const name = docId(doc);
  let rest: string;
  if (id === name) rest = '';
  else if (id.startsWith(`${name} `)) rest = id.slice(name.length + 1);
  else if (id.startsWith(`${name}/`) || id.startsWith(`${name}[`)) rest = id.slice(name.length);
  else if (doc.kind === 'section' && id.startsWith(doc.code)) rest = id;
  else return null;

  const parts: IdParts = { number: null, subs: '', steps: [] };
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
  const subs = SUBPARAS.exec(rest)!;
  parts.subs = subs[1]!;
  rest = rest.slice(subs[1]!.length);
  for (;;) {
    const step = STEP.exec(rest);
    // Canonical IDs always write the step's number ('/p1', never '/p').
    if (!step || step[2] === '') break;
    rest = rest.slice(step[0].length);
    const s = SUBPARAS.exec(rest)!;
    parts.steps.push({ kind: step[1] as IdParts['steps'][number]['kind'], n: Number(step[2]), subs: s[1]! });
    rest = rest.slice(s[1]!.length);
  }
  const row = ROW.exec(rest);
  if (row) {
    let key = row[1]!;
    const occ = OCCURRENCE.exec(key);
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

/** The canonical block ID of `parts` in `doc`: the inverse of idParts. */
export function formatIdParts(doc: DocRef, parts: IdParts): string {
  const head = [parts.scope, parts.number].filter((x) => x !== undefined && x !== null).join(' ');
  let tail = parts.subs + parts.steps.map((s) => `/${s.kind}${s.n}${s.subs}`).join('');
  if (parts.key !== undefined) tail += `[${parts.key}${parts.occurrence !== undefined ? `#${parts.occurrence}` : ''}]`;
  if (parts.cell !== undefined) tail += `{${parts.cell}}`;
  const name = docId(doc);
  if (head === '') return name + tail;
  if (doc.kind === 'section' && parts.scope === undefined) return head + tail;
  return `${name} ${head}${tail}`;
}

/** The ID of the table a row belongs to: 'A1.1[SM WAN]' → 'A1.1/table1'; '…/table2[E64]' → '…/table2'. */
export function tableIdOfRow(rowId: string, doc: DocRef): string {
  const p = idParts(rowId, doc);
  if (!p) return `${rowId}/table1`;
  const table: IdParts = { number: p.number, subs: p.subs, steps: [...p.steps] };
  if (p.scope !== undefined) table.scope = p.scope;
  if (!isTableStep(table)) table.steps.push({ kind: 'table', n: 1, subs: '' });
  return formatIdParts(doc, table);
}

/** Whether the parts name a table itself ('…/table2'), not a row or cell of it. */
function isTableStep(p: IdParts): boolean {
  const last = p.steps[p.steps.length - 1];
  return last !== undefined && last.kind === 'table' && last.subs === '' && p.key === undefined && p.cell === undefined;
}

/** Whether a table's ID names the first table after its block ('G3.5/table1', or a row's implied table). */
export function isFirstTable(tableId: string, doc: DocRef): boolean {
  const p = idParts(tableId, doc);
  return !p || !isTableStep(p) || p.steps[p.steps.length - 1]!.n === 1;
}

/**
 * The IDs of the levels a block sits at, nearest first: the block itself (an unnumbered paragraph or bullet
 * stands for the block it follows), then each enclosing sub-paragraph up to the clause. 'G3.5(a)(i)' →
 * 'G3.5(a)(i)', 'G3.5(a)', 'G3.5'; 'G3.5(a)/p1' → 'G3.5(a)', 'G3.5'. A row or cell is its own only level.
 */
export function subparagraphLevels(id: string, doc: DocRef): string[] {
  const p = idParts(id, doc);
  if (!p) return [];
  const steps = [...p.steps];
  const last = steps[steps.length - 1];
  const rowOrCell = p.key !== undefined || p.cell !== undefined;
  if (!rowOrCell && last && (last.kind === 'p' || last.kind === 'bullet') && last.subs === '') steps.pop();
  const base: IdParts = { ...p, steps };
  const out = [formatIdParts(doc, base)];
  if (rowOrCell) return out;
  const tail = steps[steps.length - 1];
  const labels = (tail ? tail.subs : p.subs).match(new RegExp(LABEL, 'g')) ?? [];
  for (let k = labels.length - 1; k >= 0; k--) {
    const subs = labels.slice(0, k).join('');
    out.push(formatIdParts(doc, tail ? { ...base, steps: [...steps.slice(0, -1), { ...tail, subs }] } : { ...base, subs }));
  }
  return out;
}
