// Document identity: IDs ('Section G', 'Appendix AD', 'Schedule 8'), display names, file names and SEC order.

import type { DocKind, DocMeta, DocRef } from './types.js';

const KIND_WORD: Record<DocKind, string> = { section: 'Section', schedule: 'Schedule', appendix: 'Appendix' };
const KIND_ORDER: Record<DocKind, number> = { section: 0, schedule: 1, appendix: 2 };

/** 'Section G', 'Appendix AD', 'Schedule 8'. */
export function docId(ref: DocRef): string {
  return `${KIND_WORD[ref.kind]} ${ref.code}`;
}

/** "Section G 'Security'" — the SEC names documents with the title in quotes. */
export function docDisplayName(meta: DocMeta): string {
  return `${docId(meta)} '${meta.title}'`;
}

/** 'section-G.md', 'appendix-AD.md', 'schedule-8.md'. */
export function docFileName(ref: DocRef): string {
  return `${ref.kind}-${ref.code}.md`;
}

/** The code's shape for each kind: Sections one letter A–X, Appendices one or two letters, Schedules a number. */
export function isValidCode(kind: DocKind, code: string): boolean {
  if (kind === 'section') return /^[A-X]$/.test(code);
  if (kind === 'appendix') return /^[A-Z]{1,2}$/.test(code);
  return /^[1-9]\d*$/.test(code);
}

/** Parses 'Section G', 'Appendix AD', 'Schedule 8' (case-insensitive kind word). */
export function parseDocId(input: string): DocRef | null {
  const m = /^(section|schedule|appendix)\s+([A-Za-z]{1,2}|\d+)$/i.exec(input.trim());
  if (!m) return null;
  const kind = m[1]!.toLowerCase() as DocKind;
  const code = kind === 'schedule' ? m[2]! : m[2]!.toUpperCase();
  return isValidCode(kind, code) ? { kind, code } : null;
}

/** Parses a file name such as 'section-G.md' into the document it should hold. */
export function parseDocFileName(name: string): DocRef | null {
  const m = /^(section|schedule|appendix)-([A-Z]{1,2}|\d+)\.md$/.exec(name);
  if (!m) return null;
  const ref = { kind: m[1] as DocKind, code: m[2]! };
  return isValidCode(ref.kind, ref.code) ? ref : null;
}

/** SEC order: Sections A…X, then Schedules by number, then Appendices A…Z, AA…AZ. */
export function compareDocRefs(a: DocRef, b: DocRef): number {
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (a.kind === 'schedule') return Number(a.code) - Number(b.code);
  return a.code.length - b.code.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
