// Redline + modification header → the Annex A document model (see types.ts). Pure: no I/O, no clock.

import type { ClauseRedline, DocumentRedline, Redline } from '../redline/types.js';
import { redlineErrors } from '../redline/invariant.js';
import { docDisplayName, docId } from '../model/doc-ref.js';
import { UsageError } from '../util/errors.js';
import { displayDate as longDate } from '../util/calendar-date.js';
import type { AnnexClause, AnnexDocument, AnnexInstruction, AnnexItemInfo, AnnexMeta, AnnexPart, AnnexPartItem } from './types.js';
import { anchorNotes } from './notes.js';
import { annexBlocks, sortItems } from './blocks.js';
import { clauseInstruction, documentReplacements, replacementInstruction } from './instructions.js';

/** '2024-05-22' → '22 May 2024' (the way SEC documents date themselves); a usage error for anything but a real date. */
export function displayDate(date: string): string {
  const shown = longDate(date);
  if (shown === null) throw new UsageError(`annex date must be a real date written YYYY-MM-DD, got '${date}'`);
  return shown;
}

/**
 * The unchanged clauses buildAnnex reads on each side of a changed one: the clause an insertion is placed after
 * (positionOf walks back over deleted clauses, which are changes, to the first that is not) and whether any
 * clause stands between two changed ones (an ellipsis). A Redline keeping this many (BuildOptions.context)
 * gives exactly the annex of the whole Redline (tests/annex/context.test.ts).
 */
export const ANNEX_CONTEXT = 1;

function clauseItem(clause: ClauseRedline): AnnexClause {
  const c: AnnexClause = { type: 'clause', id: clause.id, status: clause.status, items: sortItems(clause.items), blocks: annexBlocks(clause) };
  if (clause.oldId !== undefined) c.oldId = clause.oldId;
  return c;
}

function editItems(clause: ClauseRedline): string[] {
  return sortItems([...clause.items, ...clause.edits.map((e) => e.item)]);
}

function partContent(doc: DocumentRedline): AnnexPartItem[] {
  const content: AnnexPartItem[] = [];
  const name = docDisplayName(doc.meta);
  if (doc.status === 'deleted') {
    const items = sortItems(doc.clauses.flatMap(editItems));
    return [{ type: 'instruction', text: `Delete ${name} in its entirety.`, items }];
  }
  if (doc.status === 'inserted') {
    const items = sortItems(doc.clauses.flatMap(editItems));
    content.push({ type: 'instruction', text: `Insert the following new document, ${name}:`, items });
    for (const clause of doc.clauses) content.push(clauseItem(clause));
    return content;
  }

  const replacements = documentReplacements(doc);
  let last = -1;
  // The shared replacement instruction of the run of clauses being built, worded once the run is complete.
  let run: { instruction: AnnexInstruction; finds: string[]; clauses: ClauseRedline[] } | null = null;
  const closeRun = (): void => {
    if (run) run.instruction.text = replacementInstruction(doc, run.finds, run.clauses);
    run = null;
  };
  doc.clauses.forEach((clause, i) => {
    if (clause.status === 'unchanged') return;
    if (last >= 0 && i > last + 1) content.push({ type: 'gap' });
    const finds = [...replacements].filter(([, set]) => set.has(i)).map(([find]) => find);
    const own = clause.edits.filter((e) => !(e.kind === 'replace' && e.find !== undefined && finds.includes(e.find)));
    // A clause whose only edits are document-wide replacements shares one instruction with the clauses next
    // to it that have the same replacements only.
    const shared = finds.length > 0 && own.length === 0;
    if (shared && run && run.finds.join('\u0000') === finds.join('\u0000')) {
      run.clauses.push(clause);
      run.instruction.items = sortItems([...run.instruction.items, ...editItems(clause)]);
    } else {
      closeRun();
      const instruction: AnnexInstruction = { type: 'instruction', text: shared ? '' : clauseInstruction(doc, i), items: editItems(clause) };
      content.push(instruction);
      if (shared) run = { instruction, finds, clauses: [clause] };
    }
    content.push(clauseItem(clause));
    last = i;
  });
  closeRun();
  return withoutDoubleEllipsis(content);
}

/**
 * A table ending in an ellipsis row followed by an ellipsis paragraph would show '…' twice in a row: the
 * paragraph says it (text is left out from there to the next passage), so the row goes.
 */
function withoutDoubleEllipsis(content: AnnexPartItem[]): AnnexPartItem[] {
  content.forEach((item, i) => {
    if (item.type !== 'clause' || content[i + 1]?.type !== 'gap') return;
    const last = item.blocks[item.blocks.length - 1];
    if (last?.type === 'table' && last.rows[last.rows.length - 1]?.type === 'gap-row') last.rows.pop();
  });
  return content;
}

function partOf(doc: DocumentRedline): AnnexPart {
  const against =
    doc.status === 'inserted'
      ? 'new document'
      : doc.status === 'deleted'
        ? 'deleted in its entirety'
        : `redlined against ${doc.oldVersion ?? doc.meta.version}`;
  return {
    docId: docId(doc.meta),
    file: doc.file,
    heading: docDisplayName(doc.meta),
    against,
    status: doc.status,
    content: partContent(doc),
  };
}

function aboutText(meta: AnnexMeta): string[] {
  const release = meta.release ? `, for the ${meta.release}` : '';
  const purpose = meta.comparison
    ? `This annex sets out the changes to the Smart Energy Code (SEC) between two versions of its text: ${meta.comparison.from} (the current text) and ${meta.comparison.to} (the amended text)${release}.`
    : `This annex sets out the changes to the Smart Energy Code (SEC) needed to implement ${meta.modId} '${meta.title}'${release}.`;
  const about = [
    purpose,
    'Only the passages that change are reproduced, one part per SEC document in SEC order. Each passage follows an instruction saying how the text is to be amended; clause numbers are part of the text, and an ellipsis (…) stands for text that is left out because it does not change.',
  ];
  about.push('The changes are drafted against these versions of the documents:');
  return about;
}

export interface BuildAnnexOptions {
  /** What the change log says of each item, for the notes beside its changes. */
  items?: readonly AnnexItemInfo[];
}

export function buildAnnex(redline: Redline, meta: AnnexMeta, options: BuildAnnexOptions = {}): AnnexDocument {
  // A redline that breaks the exactness invariant would put wrong legal text in the annex: refuse it.
  const errors = redlineErrors(redline);
  if (errors.length > 0) throw new Error(`cannot build an Annex A from an inexact redline: ${errors.slice(0, 5).join('; ')}`);
  const date = meta.date !== undefined ? displayDate(meta.date) : null;
  const changed = redline.documents.filter((d) => d.status !== 'unchanged' && (d.status !== 'changed' || d.clauses.some((c) => c.status !== 'unchanged')));
  const parts = changed.map(partOf);
  const hasItems = changed.some((d) => d.clauses.some((c) => c.items.length > 0 || c.edits.length > 0));
  return {
    meta: { ...meta, classification: meta.classification ?? 'White' },
    title: {
      heading: `${meta.modId} '${meta.title}'`,
      annex: 'Annex A',
      subtitle: 'Legal text',
      version: meta.version ? `Version ${meta.version}` : null,
      date,
      release: meta.release ?? null,
      drafter: meta.drafter,
    },
    about: aboutText(meta),
    hasItems,
    notes: anchorNotes(parts, options.items ?? []),
    basis: changed.map((d) => ({
      document: docDisplayName(d.meta),
      version: d.status === 'inserted' ? 'new document' : d.oldVersion ?? d.meta.version,
    })),
    parts,
  };
}
