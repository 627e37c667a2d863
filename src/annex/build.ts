// Redline + modification header → the Annex A document model (see types.ts). Pure: no I/O, no clock.

import type { ClauseRedline, DocumentRedline, Redline } from '../redline/types.js';
import { redlineErrors } from '../redline/invariant.js';
import { docDisplayName, docId } from '../model/doc-ref.js';
import { UsageError } from '../util/errors.js';
import { displayDate as longDate } from '../util/calendar-date.js';
import type { AnnexClause, AnnexDocument, AnnexMeta, AnnexPart, AnnexPartItem } from './types.js';
import { annexBlocks, sortItems } from './blocks.js';
import { clauseInstruction, documentReplacements, replacementInstruction } from './instructions.js';

/** '2024-05-22' → '22 May 2024' (the way SEC documents date themselves); a usage error for anything but a real date. */
export function displayDate(date: string): string {
  const shown = longDate(date);
  if (shown === null) throw new UsageError(`annex date must be a real date written YYYY-MM-DD, got '${date}'`);
  return shown;
}

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
  let lastInstruction: string | null = null;
  const issued = new Set<string>(); // shared instructions already given once in this part
  doc.clauses.forEach((clause, i) => {
    if (clause.status === 'unchanged') return;
    if (last >= 0 && i > last + 1) content.push({ type: 'gap' });
    const finds = [...replacements].filter(([, set]) => set.has(i)).map(([find]) => find);
    const own = clause.edits.filter((e) => !(e.kind === 'replace' && e.find !== undefined && finds.includes(e.find)));
    // A clause whose only edits are document-wide replacements shares the document-level instruction.
    const shared = finds.length > 0 && own.length === 0 ? replacementInstruction(doc, finds) : null;
    const text = shared ?? clauseInstruction(doc, i);
    if (text !== lastInstruction || own.length > 0 || finds.length === 0) {
      const wording = shared !== null && issued.has(shared) ? replacementInstruction(doc, finds, true) : text;
      if (shared !== null) issued.add(shared);
      content.push({ type: 'instruction', text: wording, items: editItems(clause) });
    } else {
      // Same shared instruction as the passage before: it covers this clause too; record its items there.
      const prev = [...content].reverse().find((c) => c.type === 'instruction');
      if (prev && prev.type === 'instruction') prev.items = sortItems([...prev.items, ...editItems(clause)]);
    }
    lastInstruction = text;
    content.push(clauseItem(clause));
    last = i;
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
  const about = [
    `This annex sets out the changes to the Smart Energy Code (SEC) needed to implement ${meta.modId} '${meta.title}'${release}.`,
    'Only the passages that change are reproduced, one part per SEC document in SEC order. Each passage follows an instruction saying how the text is to be amended; clause numbers are part of the text, and an ellipsis (…) stands for text that is left out because it does not change.',
  ];
  about.push('The changes are drafted against these versions of the documents:');
  return about;
}

export function buildAnnex(redline: Redline, meta: AnnexMeta): AnnexDocument {
  // A redline that breaks the exactness invariant would put wrong legal text in the annex: refuse it.
  const errors = redlineErrors(redline);
  if (errors.length > 0) throw new Error(`cannot build an Annex A from an inexact redline: ${errors.slice(0, 5).join('; ')}`);
  const date = displayDate(meta.date);
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
    basis: changed.map((d) => ({
      document: docDisplayName(d.meta),
      version: d.status === 'inserted' ? 'new document' : d.oldVersion ?? d.meta.version,
    })),
    parts,
  };
}
