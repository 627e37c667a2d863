// The review page's model: a Redline (from a comparison, a change log or a release) → what a reviewer sees.
// Pure: no I/O. Per document its changed clauses (and the unchanged clauses next to them, as context shown on
// demand), each with a shareable anchor, its kind of change and the groups (change-log items, or modifications
// of a release) that made it; a summary over everything and per group.

import type { ClauseRedline, ClauseStatus, Redline, Span } from '../redline/types.js';
import { docDisplayName, docId } from '../model/index.js';
import { diffStats, documentStats, words, type DiffStats, type DocumentStats } from '../render/stat.js';
import { clauseHeadline, clauseTextChanged, shownDocuments, versionLine } from '../render/diff-view.js';
import { IdRegistry, clauseSlug, idSlug } from '../render/html/index.js';

/** An item of a change log ('Item 3') or a modification of a release ('MP250'). */
export interface ReviewGroupInfo {
  key: string;
  label: string;
  /** The item's summary or the modification's title. */
  summary?: string;
}

export interface ReviewSource {
  kind: 'comparison' | 'change-log' | 'release';
  title: string;
  subtitle: string;
  /** In the order to list them (change-log order, release order). Empty for comparisons. */
  groups: ReviewGroupInfo[];
  /** The group of a span's item: the item itself for a change log, its modification for a release. */
  groupOf?: (item: string) => string;
}

export interface ReviewGroup extends ReviewGroupInfo {
  clauses: number;
  words: { added: number; removed: number };
}

export interface ReviewEntry {
  clause: ClauseRedline;
  /** Element id and URL fragment: 'Section-G/G3.5'. */
  anchor: string;
  /** Unchanged, shown only as context on demand. */
  context: boolean;
  status: ClauseStatus;
  /** 'renumbered from G3.7, changed' — what the clause's heading says beyond its ID. */
  headline: string;
  /** A moved or renumbered clause whose words changed too. */
  textChanged: boolean;
  groups: string[];
}

export interface ReviewDocument {
  docId: string;
  name: string;
  file: string;
  anchor: string;
  version: string;
  status: string;
  stats: DocumentStats;
  entries: ReviewEntry[];
}

export interface ReviewModel {
  source: ReviewSource;
  stats: DiffStats;
  groups: ReviewGroup[];
  documents: ReviewDocument[];
}

function clauseItems(c: ClauseRedline): string[] {
  const set = new Set<string>(c.items);
  for (const b of c.blocks) {
    for (const i of b.items) set.add(i);
    for (const ch of [b.label, b.text, ...(b.cells ?? [])]) for (const s of ch.spans) for (const i of s.items ?? []) set.add(i);
  }
  return [...set];
}

function spansOf(c: ClauseRedline): Span[] {
  const out: Span[] = [];
  for (const b of c.blocks) if (b.status !== 'unchanged') out.push(...b.text.spans);
  return out;
}

export function buildReview(redline: Redline, source: ReviewSource, options: { context?: number } = {}): ReviewModel {
  const groupOf = source.groupOf ?? ((i: string) => i);
  const groups = new Map<string, ReviewGroup>(source.groups.map((g) => [g.key, { ...g, clauses: 0, words: { added: 0, removed: 0 } }]));
  const group = (key: string): ReviewGroup => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label: key, clauses: 0, words: { added: 0, removed: 0 } }));
    return g;
  };
  const ids = new IdRegistry();
  const documents: ReviewDocument[] = [];
  for (const { doc, clauses } of shownDocuments(redline, options.context ?? 1)) {
    const id = docId(doc.meta);
    const entries: ReviewEntry[] = [];
    for (const { clause, context } of clauses) {
      const keys = [...new Set(clauseItems(clause).map(groupOf))];
      if (!context) {
        for (const k of keys) group(k).clauses++;
        for (const s of spansOf(clause)) {
          if (s.op === 'equal') continue;
          for (const k of new Set((s.items ?? []).map(groupOf))) group(k).words[s.op === 'insert' ? 'added' : 'removed'] += words(s.text);
        }
      }
      const headline = clauseHeadline(clause);
      entries.push({
        clause,
        anchor: ids.take(clauseSlug(id, clause.id)),
        context,
        status: clause.status,
        headline: headline.startsWith(`${clause.id} `) ? headline.slice(clause.id.length + 1) : headline,
        textChanged: (clause.status === 'moved' || clause.status === 'renumbered') && clauseTextChanged(clause),
        groups: keys,
      });
    }
    documents.push({
      docId: id,
      name: docDisplayName(doc.meta),
      file: doc.file,
      anchor: ids.take(idSlug(id)),
      version: versionLine(doc),
      status: doc.status,
      stats: documentStats(doc),
      entries,
    });
  }
  return { source, stats: diffStats(redline), groups: [...groups.values()], documents };
}
