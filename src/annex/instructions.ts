// The imperative line before each changed passage of the Annex A ("Amend Section G3.5 as follows:").
//
// Worded from the change log's edit kinds when there are any, otherwise (a plain diff) from the clause's status
// and which of its blocks changed. Every clause gets exactly one instruction, except clauses whose only edits
// are a document-wide replacement: those share one document-level instruction.

import type { BlockRedline, ClauseRedline, DocumentRedline } from '../redline/types.js';
import { docId } from '../model/doc-ref.js';
import { plainText } from '../model/plain-text.js';
import { isDefinitionsHeader, isNotUsed } from '../model/conventions.js';
import { idParts, isFirstTable, tableIdOfRow } from '../model/ids.js';
import { blockRef, full, numberRef, type Ref } from './refs.js';

function blockSide(text: { old: string | null; new: string | null }): string {
  return text.new ?? text.old ?? '';
}

/** The table header block a row belongs to, searching back in the clause. */
function headerOf(clause: ClauseRedline, index: number): BlockRedline | undefined {
  for (let i = index; i >= 0; i--) {
    const b = clause.blocks[i]!;
    if (b.kind === 'table') return b;
    if (b.kind !== 'row') return undefined;
  }
  return undefined;
}

export function isDefinitionsTable(header: BlockRedline | undefined): boolean {
  if (!header) return false;
  const cells = header.cells?.map((c) => c.new ?? c.old ?? '') ?? [blockSide(header.text)];
  return isDefinitionsHeader(cells);
}

/** How the clause as a whole is named: its number, or for a cross-heading "the part headed 'X' after …". */
export function clauseRef(doc: DocumentRedline, clause: ClauseRedline): Ref {
  const first = clause.blocks[0];
  if (first && first.kind === 'heading' && first.label.new === '' && (first.label.old ?? '') === '') {
    const p = idParts(first.id, doc.meta);
    const title = plainText(blockSide(first.text)).trim();
    if (p && p.steps.length > 0) {
      // Where the part is, in brackets, so that a position inside it ('after its fourth paragraph') reads
      // as a position in the part and not straight after the clause it follows.
      const anchor = p.number === null ? { text: `the start of ${docId(doc.meta)}`, of: '' } : numberRef(doc.meta, p.number, p.subs);
      return { text: `the part headed '${title}' (after ${full(anchor)})`, of: '' };
    }
    return { text: `the part headed '${title}'`, of: ` of ${docId(doc.meta)}` };
  }
  return blockRef(clause.id, doc.meta);
}

/** "X after Y of Appendix AD": the document named once, at the end. */
function joinRefs(a: Ref, link: string, b: Ref): string {
  return a.of === b.of ? `${a.text} ${link} ${b.text}${b.of}` : `${full(a)} ${link} ${full(b)}`;
}

function positionOf(doc: DocumentRedline, index: number, clause: ClauseRedline): { link: string; ref: Ref } {
  const edit = clause.edits.find((e) => e.after !== undefined || e.before !== undefined);
  // The second of two clauses one edit inserts (a split 'Not used' range) follows the first.
  const prev = doc.clauses[index - 1];
  if (edit?.after !== undefined && prev?.status === 'inserted' && prev.edits.some((e) => e.after === edit.after)) return { link: 'after', ref: clauseRef(doc, prev) };
  if (edit?.after !== undefined) return { link: 'after', ref: blockRef(edit.after, doc.meta) };
  if (edit?.before !== undefined) return { link: 'before', ref: blockRef(edit.before, doc.meta) };
  // The clause before it in the new text, changed or not (a deleted clause is not in the new text).
  for (let i = index - 1; i >= 0; i--) {
    const prev = doc.clauses[i]!;
    if (prev.status !== 'deleted') return { link: 'after', ref: clauseRef(doc, prev) };
  }
  return { link: 'at the start of', ref: { text: docId(doc.meta), of: '' } };
}

function insertedWhat(doc: DocumentRedline, clause: ClauseRedline, ref: Ref): Ref {
  const first = clause.blocks[0];
  if (!first || first.kind === 'clause' || (first.kind === 'heading' && (first.label.new ?? '') !== '')) {
    return { text: `new ${ref.text}`, of: ref.of };
  }
  const of = ` of ${docId(doc.meta)}`;
  if (first.kind === 'heading') return { text: `a new heading '${plainText(blockSide(first.text)).trim()}'`, of };
  if (first.kind === 'table' || first.kind === 'row') return { text: 'a new table', of };
  return { text: 'a new paragraph', of };
}

function hasTextChange(clause: ClauseRedline): boolean {
  return clause.blocks.some((b) => {
    if (b.status === 'inserted' || b.status === 'deleted') return true;
    if (b.text.spans.some((s) => s.op !== 'equal')) return true;
    return (b.cells ?? []).some((c) => c.spans.some((s) => s.op !== 'equal'));
  });
}

function becameNotUsed(clause: ClauseRedline): boolean {
  const first = clause.blocks[0];
  if (!first) return false;
  const rest = clause.blocks.slice(1).filter((b) => b.status !== 'deleted');
  return first.text.new !== null && isNotUsed(first.text.new) && !(first.text.old !== null && isNotUsed(first.text.old)) && rest.length === 0;
}

function tableInstruction(doc: DocumentRedline, clause: ClauseRedline, ref: Ref, changed: number[]): string {
  const tables = new Map<string, { header: BlockRedline | undefined; rows: BlockRedline[]; headerChanged: boolean }>();
  for (const i of changed) {
    const b = clause.blocks[i]!;
    const header = headerOf(clause, i);
    const id = b.kind === 'table' ? b.id : header?.id ?? tableIdOfRow(b.id, doc.meta);
    const t = tables.get(id) ?? { header, rows: [], headerChanged: false };
    if (b.kind === 'table') t.headerChanged = true;
    else t.rows.push(b);
    tables.set(id, t);
  }
  if (tables.size > 1) return `Amend the tables in ${full(ref)} as follows:`;
  const [tableId, t] = [...tables][0]!;
  const first = isFirstTable(tableId, doc.meta);
  const where = first ? ref : blockRef(tableId, doc.meta);
  if (t.header?.status === 'inserted') return `Insert a new table in ${full(where)} as follows:`;
  if (t.header?.status === 'deleted') return `Delete the table in ${full(where)}:`;
  if (isDefinitionsTable(t.header) && !t.headerChanged) {
    const only = t.rows.length === 1 ? t.rows[0]! : undefined;
    const key = only?.key ?? plainText(only?.cells?.[0]?.new ?? only?.cells?.[0]?.old ?? '').trim();
    if (only?.status === 'inserted') return `Insert the following new definition in ${full(where)} in alphabetical order:`;
    if (only?.status === 'deleted') return `Delete the definition of '${key}' from ${full(where)}:`;
    if (only) return `Amend the definition of '${key}' in ${full(where)} as follows:`;
    if (t.rows.every((r) => r.status === 'inserted')) {
      return `Insert the following new definitions in ${full(where)} in alphabetical order:`;
    }
    return `Amend the definitions in ${full(where)} as follows:`;
  }
  const table = first ? `the table in ${full(ref)}` : full(where);
  const only = !t.headerChanged && t.rows.length === 1 ? t.rows[0]! : undefined;
  if (only?.status === 'deleted') {
    const key = only.key ?? plainText(only.cells?.[0]?.old ?? '').trim();
    return key === '' ? `Delete a row from ${table}:` : `Delete the row '${key}' from ${table}:`;
  }
  if (only?.status === 'inserted') return `Insert a new row in ${table} as follows:`;
  return `Amend ${table} as follows:`;
}

const PARAGRAPH_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

function insertedBlocksInstruction(doc: DocumentRedline, clause: ClauseRedline, ref: Ref, changed: number[]): string | null {
  const firstIndex = changed[0]!;
  const contiguous = changed.every((i, k) => i === firstIndex + k);
  const blocks = changed.map((i) => clause.blocks[i]!);
  if (!contiguous || !blocks.every((b) => b.status === 'inserted' && (b.kind === 'paragraph' || b.kind === 'subpara'))) return null;
  const only = blocks.length === 1 ? blocks[0]! : undefined;
  const what: Ref =
    only?.kind === 'subpara'
      ? { text: `new ${blockRef(only.id, doc.meta).text}`, of: ref.of }
      : { text: only ? 'a new paragraph' : 'new paragraphs', of: ref.of };
  const prev = clause.blocks[firstIndex - 1];
  if (!prev) return `Insert ${what.text} at the start of ${full(ref)} as follows:`;
  if (prev.kind === 'paragraph') {
    // 'after the fourth paragraph of the part headed …': counted on the current text.
    const n = clause.blocks.slice(0, firstIndex).filter((b) => b.kind === 'paragraph' && b.status !== 'inserted').length;
    return `Insert ${what.text} after the ${PARAGRAPH_ORDINALS[n - 1] ?? `${n}th`} paragraph of ${full(ref)} as follows:`;
  }
  if (prev.kind === 'heading' && (prev.label.new ?? '') === '' && firstIndex === 1) return `Insert ${what.text} at the start of ${full(ref)} as follows:`;
  if (prev.kind === 'table' || prev.kind === 'row') {
    const header = headerOf(clause, firstIndex - 1);
    const table = header ? blockRef(header.id, doc.meta) : { text: `the table in ${ref.text}`, of: ref.of };
    return `Insert ${what.text} under ${full(table)} as follows:`;
  }
  if (prev.kind === 'clause' || prev.kind === 'subpara' || (prev.kind === 'heading' && (prev.label.new ?? '') !== '')) {
    return `Insert ${joinRefs(what, 'after', blockRef(prev.id, doc.meta))} as follows:`;
  }
  return `Insert ${what.text} in ${full(ref)} as follows:`;
}

/** The one instruction for a changed clause (index into doc.clauses). */
export function clauseInstruction(doc: DocumentRedline, index: number): string {
  const clause = doc.clauses[index]!;
  const ref = clauseRef(doc, clause);
  const kinds = new Set(clause.edits.map((e) => e.kind));
  switch (clause.status) {
    case 'inserted': {
      const pos = positionOf(doc, index, clause);
      if (pos.link === 'at the start of') return `Insert ${insertedWhat(doc, clause, ref).text} at the start of ${full(pos.ref)} as follows:`;
      return `Insert ${joinRefs(insertedWhat(doc, clause, ref), pos.link, pos.ref)} as follows:`;
    }
    case 'deleted':
      return `Delete ${full(ref)}:`;
    case 'moved':
    case 'renumbered': {
      const from = blockRef(clause.oldId ?? clause.id, doc.meta);
      const amended = hasTextChange(clause) ? ' and amend it' : '';
      const verb = clause.status === 'moved' ? `Move ${full(from)} to become ${full(ref)}` : `Renumber ${full(from)} as ${full(ref)}`;
      return `${verb}${amended} as follows:`;
    }
    default:
      break;
  }
  if (kinds.has('delete-clause') || (kinds.size === 0 && becameNotUsed(clause))) {
    return `Delete ${full(ref)} and replace it with 'Not used':`;
  }
  const changed = clause.blocks.flatMap((b, i) => (b.status === 'unchanged' ? [] : [i]));
  if (changed.length === 0) return `Amend ${full(ref)} as follows:`;
  const blocks = changed.map((i) => clause.blocks[i]!);
  if (changed.length === 1 && changed[0] === 0 && blocks[0]!.kind === 'heading' && blocks[0]!.status === 'changed') {
    const head = blocks[0]!;
    if ((head.label.new ?? '') === '') return `Amend ${full(blockRef(head.id, doc.meta))} as follows:`;
    return `Amend the heading of ${full(ref)} as follows:`;
  }
  if (blocks.every((b) => b.kind === 'table' || b.kind === 'row')) return tableInstruction(doc, clause, ref, changed);
  if ([...kinds].every((k) => k === 'insert-paragraph')) {
    const inserted = insertedBlocksInstruction(doc, clause, ref, changed);
    if (inserted) return inserted;
  }
  return `Amend ${full(ref)} as follows:`;
}

/** Document-wide replacements: each `find` of a replace edit that touches two or more clauses of `doc`. */
export function documentReplacements(doc: DocumentRedline): Map<string, Set<number>> {
  const byFind = new Map<string, Set<number>>();
  doc.clauses.forEach((c, i) => {
    if (c.status === 'unchanged') return;
    for (const e of c.edits) {
      if (e.kind !== 'replace' || e.find === undefined) continue;
      const set = byFind.get(e.find) ?? new Set<number>();
      set.add(i);
      byFind.set(e.find, set);
    }
  });
  for (const [find, set] of byFind) if (set.size < 2) byFind.delete(find);
  return byFind;
}

/** 'Sections M6.2, M10.1 and M10.2'; 'clauses 6.4 and 6.5 of Appendix P'; one reference as it is. */
function listRefs(refs: readonly Ref[]): string {
  if (refs.length === 1) return full(refs[0]!);
  const words = refs.map((r) => /^(\S+) (.*)$/.exec(r.text));
  const word = words[0]?.[1];
  const same = word !== undefined && words.every((w) => w?.[1] === word) && refs.every((r) => r.of === refs[0]!.of);
  const items = same ? words.map((w) => w![2]!) : refs.map(full);
  const joined = `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return same ? `${word}s ${joined}${refs[0]!.of}` : joined;
}

/** How the passages treat the text replaced: 'replaced', 'removed', or 'replaced or removed'. */
function replacementVerb(clauses: readonly ClauseRedline[]): string {
  let replaced = false;
  let removed = false;
  for (const c of clauses) {
    for (const b of c.blocks) {
      if (b.status === 'deleted') removed = true;
      for (const t of [b.text, ...(b.cells ?? [])]) {
        const ops = new Set(t.spans.map((s) => s.op));
        if (ops.has('insert')) replaced = true;
        else if (ops.has('delete')) removed = true;
      }
    }
  }
  return replaced && removed ? 'replaced or removed' : removed ? 'removed' : 'replaced';
}

/**
 * The one instruction for a run of clauses whose only edits are document-wide replacements: it names the
 * clauses it covers and says that each passage shows what becomes of the text replaced — "Amend Sections
 * M6.2, M10.1 and M10.2 as follows, where each reference to 'Fax' is replaced or removed as shown:" — since
 * an occurrence may be replaced by other words ('Fax number' → 'Email address') or removed ('Fax or ').
 */
export function replacementInstruction(doc: DocumentRedline, finds: readonly string[], clauses: readonly ClauseRedline[]): string {
  const quoted = finds.map((f) => `'${f}'`);
  const list = quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
  const where = clauses.length > 0 ? listRefs(clauses.map((c) => clauseRef(doc, c))) : docId(doc.meta);
  return `Amend ${where} as follows, where each reference to ${list} is ${replacementVerb(clauses)} as shown:`;
}
