// `--stat`: how much changed, per document and in total. The same counts close the text and Markdown
// outputs and form the `summary` of the JSON output.

import type { DocumentRedline, Redline, Span } from '../redline/types.js';

export interface ClauseCounts {
  changed: number;
  inserted: number;
  deleted: number;
  moved: number;
  renumbered: number;
}

export interface DiffStats {
  documents: { compared: number; changed: number; inserted: number; deleted: number; unchanged: number };
  clauses: ClauseCounts;
  words: { added: number; removed: number };
}

export interface DocumentStats {
  clauses: ClauseCounts;
  words: { added: number; removed: number };
}

const WORD = /[\p{L}\p{N}]/u;

/** Words in a span: whitespace-separated pieces with at least one letter or digit ('|' and '—' are not words). */
export function words(text: string): number {
  let n = 0;
  for (const piece of text.split(/\s+/)) if (piece && WORD.test(piece)) n++;
  return n;
}

function countSpans(spans: readonly Span[], into: { added: number; removed: number }): void {
  for (const s of spans) {
    if (s.op === 'insert') into.added += words(s.text);
    else if (s.op === 'delete') into.removed += words(s.text);
  }
}

export function documentStats(doc: DocumentRedline): DocumentStats {
  const clauses: ClauseCounts = { changed: 0, inserted: 0, deleted: 0, moved: 0, renumbered: 0 };
  const w = { added: 0, removed: 0 };
  for (const c of doc.clauses) {
    if (c.status !== 'unchanged') clauses[c.status]++;
    for (const b of c.blocks) if (b.status !== 'unchanged') countSpans(b.text.spans, w);
  }
  return { clauses, words: w };
}

export function diffStats(redline: Redline): DiffStats {
  const stats: DiffStats = {
    documents: { compared: redline.documents.length, changed: 0, inserted: 0, deleted: 0, unchanged: 0 },
    clauses: { changed: 0, inserted: 0, deleted: 0, moved: 0, renumbered: 0 },
    words: { added: 0, removed: 0 },
  };
  for (const doc of redline.documents) {
    stats.documents[doc.status]++;
    if (doc.status === 'unchanged') continue;
    const d = documentStats(doc);
    for (const k of Object.keys(d.clauses) as (keyof ClauseCounts)[]) stats.clauses[k] += d.clauses[k];
    stats.words.added += d.words.added;
    stats.words.removed += d.words.removed;
  }
  return stats;
}

export function hasDifferences(stats: DiffStats): boolean {
  return stats.documents.changed + stats.documents.inserted + stats.documents.deleted > 0;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function clausePhrase(c: ClauseCounts): string {
  const parts: string[] = [];
  if (c.changed) parts.push(`${c.changed} changed`);
  if (c.inserted) parts.push(`${c.inserted} inserted`);
  if (c.deleted) parts.push(`${c.deleted} deleted`);
  if (c.moved) parts.push(`${c.moved} moved`);
  if (c.renumbered) parts.push(`${c.renumbered} renumbered`);
  const total = c.changed + c.inserted + c.deleted + c.moved + c.renumbered;
  return total ? `${total === 1 ? 'clause' : 'clauses'}: ${parts.join(', ')}` : 'no clause changes';
}

/** One line: 'No differences (3 documents compared).' or what changed, with word counts. */
export function summaryLine(stats: DiffStats): string {
  if (!hasDifferences(stats)) return `No differences (${plural(stats.documents.compared, 'document')} compared).`;
  const d = stats.documents;
  const docParts = [`${d.changed} changed`];
  if (d.inserted) docParts.push(`${d.inserted} inserted`);
  if (d.deleted) docParts.push(`${d.deleted} deleted`);
  return (
    `${plural(d.compared, 'document')} compared (${docParts.join(', ')}); ` +
    `${clausePhrase(stats.clauses)}; ${plural(stats.words.added, 'word')} added, ${stats.words.removed} removed.`
  );
}

/** `--stat`: one line per document that differs, then the summary line. */
export function renderStat(redline: Redline): string {
  const rows: [string, string][] = [];
  for (const doc of redline.documents) {
    if (doc.status === 'unchanged') continue;
    const d = documentStats(doc);
    const what = doc.status === 'changed' ? clausePhrase(d.clauses) : `document ${doc.status}; ${clausePhrase(d.clauses)}`;
    rows.push([doc.file, `${what}; +${d.words.added} -${d.words.removed} words`]);
  }
  const width = Math.max(0, ...rows.map((r) => r[0].length));
  const lines = rows.map(([file, what]) => ` ${file.padEnd(width)} | ${what}`);
  lines.push(summaryLine(diffStats(redline)));
  return `${lines.join('\n')}\n`;
}

/** `--stat --format json`: the same counts as renderStat, per document that differs and in total. */
export function renderStatJson(redline: Redline): string {
  const documents = redline.documents
    .filter((doc) => doc.status !== 'unchanged')
    .map((doc) => ({ file: doc.file, status: doc.status, ...documentStats(doc) }));
  return `${JSON.stringify({ documents, summary: diffStats(redline) }, null, 2)}\n`;
}
