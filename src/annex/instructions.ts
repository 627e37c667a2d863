// The imperative line before each changed passage of the Annex A ("Amend Section G3.5 as follows:").
//
// Worded from the change log's edit kinds when there are any, otherwise (a plain diff) from the clause's status
// and which of its blocks changed. Every clause gets exactly one instruction, except clauses whose only edits
// are a document-wide replacement: those share one document-level instruction.

import type { BlockRedline, ClauseRedline, DocumentRedline } from '../redline/types.js';
import { docId } from '../model/doc-ref.js';
import { plainText } from '../model/plain-text.js';
import { isDefinitionsHeader, isNotUsed } from '../model/conventions.js';
import { blockRef, full, idParts, numberRef, tableIdOfRow, type Ref } from './refs.js';

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
      const anchor = p.number === null ? { text: `the start of ${docId(doc.meta)}`, of: '' } : numberRef(doc.meta, p.number, p.subs);
      return { text: `the part headed '${title}' after ${anchor.text}`, of: anchor.of };
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
  for (let i = index - 1; i >= 0; i--) {
    const prev = doc.clauses[i]!;
    if (prev.status !== 'inserted') return { link: 'after', ref: clauseRef(doc, prev) };
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
    const id = b.kind === 'table' ? b.id : header?.id ?? tableIdOfRow(b.id);
    const t = tables.get(id) ?? { header, rows: [], headerChanged: false };
    if (b.kind === 'table') t.headerChanged = true;
    else t.rows.push(b);
    tables.set(id, t);
  }
  if (tables.size > 1) return `Amend the tables in ${full(ref)} as follows:`;
  const [tableId, t] = [...tables][0]!;
  const first = /\/table1$/.test(tableId) || !/\/table\d+$/.test(tableId);
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
  return first ? `Amend the table in ${full(ref)} as follows:` : `Amend ${full(where)} as follows:`;
}

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

/**
 * "Amend Section M as follows, replacing each instance of 'Fax':" — or, where another instruction interrupted
 * the run of clauses it covers, "Continue to amend Section M, replacing each instance of 'Fax':".
 */
export function replacementInstruction(doc: DocumentRedline, finds: readonly string[], continued = false): string {
  const quoted = finds.map((f) => `'${f}'`);
  const list = quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
  return continued
    ? `Continue to amend ${docId(doc.meta)}, replacing each instance of ${list}:`
    : `Amend ${docId(doc.meta)} as follows, replacing each instance of ${list}:`;
}
