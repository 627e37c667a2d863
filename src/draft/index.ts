// Drafting a change log from two versions: the inverse of `apply`. For documents OLD and NEW (the same
// documents; NEW canonical; front matter unchanged but for `version`) it writes the change log in the
// documented format (docs/changelog.md) with the narrowest edits, then proves it: the log is loaded and
// applied to OLD through the change log's own public entry points, and must give NEW byte for byte. A window
// of differences whose edits fail is redrafted as one rewrite of its clauses; a document that still fails is
// rewritten whole, which always applies. So the result applies exactly, whatever the difference.

import { Document as YamlDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { Problem, SecDocument } from '../model/types.js';
import { compareDocRefs, docId, readDocument, serializeBlocks, serializeDocument } from '../model/index.js';
import { readFrontMatter } from '../model/front-matter.js';
import { applyPlan, loadChangeLog, planChangeLog, type ChangeLog } from '../changelog/index.js';
import { problem } from '../util/errors.js';
import { draftDocument } from './document.js';
import { itemProposed, itemSummary } from './summary.js';
import type { DraftHeader, DraftItem, GroupBy } from './types.js';

export type { DraftHeader, GroupBy } from './types.js';

export interface SourceFile {
  /** Path for messages. */
  path: string;
  text: string;
}

export interface DraftOptions {
  group?: GroupBy;
  /** Where the change log will be written, for its own messages (default 'changes.yaml'). */
  file?: string;
  /** Notes given to every item (the `notes` field), e.g. where a Word redline's revisions came from. */
  notes?: readonly string[];
}

export interface DraftResult {
  /** The change log (YAML), or null when there were problems. */
  yaml: string | null;
  log: ChangeLog | null;
  problems: Problem[];
  /** Edits by kind ('replace', 'insert-clause', …; 'rewrite with blocks' for the last resort). */
  kinds: Map<string, number>;
  /** Documents changed, and how many verification rounds the draft took (1 = the narrowest edits held). */
  documents: string[];
  rounds: number;
}

interface Loaded {
  doc: SecDocument;
  source: string;
  /** NEW only: serializeBlocks(doc.blocks), computed once; every round's result is compared with it. */
  body?: string;
  /** NEW only: the blocks were let go once drafted (only the front matter is kept); newDocOf reads them again. */
  released?: boolean;
}

/**
 * The serialized body of a NEW document, computed once. A canonical NEW ends with it, so it is kept as a slice
 * of the source (no second copy of the text held for the whole run).
 */
function bodyOf(l: Loaded): string {
  if (l.body === undefined) {
    const body = serializeBlocks(l.doc.blocks);
    const at = l.source.length - 1 - body.length;
    const tail = at >= 0 ? l.source.slice(at, -1) : null;
    l.body = tail === body ? tail : body;
  }
  return l.body;
}

/**
 * Once a NEW document is drafted only its body (a slice of its source) is needed to prove the draft, so its
 * blocks are let go: the proof, which reads every amended document back, then runs with half the documents
 * held. A later round that redrafts the document reads it again (newDocOf).
 */
function release(l: Loaded): void {
  bodyOf(l);
  l.doc = { file: l.doc.file, meta: l.doc.meta, blocks: [] };
  l.released = true;
}

function newDocOf(l: Loaded): SecDocument {
  if (l.released) {
    l.doc = readDocument(l.source, l.doc.file).doc!;
    l.released = false;
  }
  return l.doc;
}

/**
 * Reads one side. A file whose text the other side has too is only a document to pair: its front matter is
 * read, not its body (the document reader is the costliest step, and most documents of a modification are
 * untouched).
 */
function load(files: readonly SourceFile[], problems: Problem[], side: 'OLD' | 'NEW', other: ReadonlySet<string>): Map<string, Loaded> {
  const out = new Map<string, Loaded>();
  for (const f of files) {
    const untouched = other.has(f.text) ? frontMatterOnly(f) : null;
    const { doc, problems: ps } = untouched ?? readDocument(f.text, f.path);
    problems.push(...ps.filter((p) => p.severity === 'error'));
    if (!doc) continue;
    const id = docId(doc.meta);
    const twin = out.get(id);
    if (twin) {
      problems.push(problem(f.path, 1, 1, `${id} is given twice on the ${side} side (also ${twin.doc.file})`, 'draft-documents'));
      continue;
    }
    if (side === 'NEW' && !untouched && serializeDocument(doc) !== f.text) {
      problems.push(problem(f.path, 1, 1, `${f.path} is not in canonical form: run 'sec-redline fmt ${f.path}' first, so the change log gives exactly this text`, 'draft-canonical'));
    }
    out.set(id, { doc, source: f.text });
  }
  return out;
}

function frontMatterOnly(f: SourceFile): { doc: SecDocument | null; problems: Problem[] } {
  const head = f.text.slice(0, 4096).split('\n');
  const fm = readFrontMatter(head, f.path);
  if (!fm.meta || fm.problems.length) return readDocument(f.text, f.path);
  return { doc: { file: f.path, meta: fm.meta, blocks: [] }, problems: [] };
}

export function draftChangeLog(oldFiles: readonly SourceFile[], newFiles: readonly SourceFile[], header: DraftHeader, options: DraftOptions = {}): DraftResult {
  const problems: Problem[] = [];
  const file = options.file ?? 'changes.yaml';
  const oldTexts = new Set(oldFiles.map((f) => f.text));
  const newTexts = new Set(newFiles.map((f) => f.text));
  const olds = load(oldFiles, problems, 'OLD', newTexts);
  const news = load(newFiles, problems, 'NEW', oldTexts);
  for (const [id, n] of news) if (!olds.has(id)) problems.push(problem(n.doc.file, 1, 1, `${id} is new: a change log edits existing documents and cannot add one`, 'draft-documents'));
  for (const [id, o] of olds) {
    const n = news.get(id);
    if (!n) {
      problems.push(problem(o.doc.file, 1, 1, `${id} is missing on the NEW side: a change log cannot remove a document`, 'draft-documents'));
      continue;
    }
    for (const k of ['title'] as const) {
      if (o.doc.meta[k] !== n.doc.meta[k]) problems.push(problem(n.doc.file, 1, 1, `the ${k} of ${id} changed ('${o.doc.meta[k]}' → '${n.doc.meta[k]}'): a change log changes the text, not the front matter (only 'version' may differ)`, 'draft-front-matter'));
    }
  }
  const empty: DraftResult = { yaml: null, log: null, problems, kinds: new Map(), documents: [], rounds: 0 };
  if (problems.length) return empty;

  const ids = [...olds.keys()].sort((a, b) => compareDocRefs(olds.get(a)!.doc.meta, olds.get(b)!.doc.meta));
  const changed = ids.filter((id) => olds.get(id)!.source !== news.get(id)!.source && serializeBlocks(olds.get(id)!.doc.blocks) !== bodyOf(news.get(id)!));
  if (changed.length === 0) {
    problems.push(problem(newFiles[0]?.path ?? file, 1, 1, 'OLD and NEW have the same text: there is nothing to draft', 'draft-no-change'));
    return empty;
  }
  // Only the changed documents are edited, so only they go to apply.
  const oldDocs = new Map(changed.map((id) => [id, olds.get(id)!.doc]));

  // Round 1: narrowest edits. Round 2: failing windows rewritten whole. Round 3: failing documents rewritten.
  const whole = new Map<string, Set<string> | 'document'>(changed.map((id) => [id, new Set<string>()]));
  let last: { yaml: string; log: ChangeLog | null; problems: Problem[] } | null = null;
  // Each document's items, kept across rounds: drafting is a function of the two documents and `whole`, so only
  // the documents that failed (whose `whole` grew) are drafted again.
  const drafted = new Map<string, DraftItem[]>();
  for (let round = 1; round <= 3; round++) {
    const items: DraftItem[] = [];
    for (const id of changed) {
      let own = drafted.get(id);
      if (!own) {
        const n = news.get(id)!;
        own = draftDocument(olds.get(id)!.doc, newDocOf(n), whole.get(id)!).items;
        drafted.set(id, own);
        release(n);
      }
      items.push(...own);
    }
    const grouped = groupItems(items, options.group ?? 'clause');
    const yaml = writeYaml(header, changed.map((id) => [id, olds.get(id)!.doc.meta.version]), grouped, options.notes ?? []);
    const check = verify(yaml, file, oldDocs, news, changed);
    last = { yaml, log: check.log, problems: check.problems };
    if (check.failedDocs.size === 0) {
      return { yaml, log: check.log, problems: [], kinds: countKinds(grouped.flatMap((g) => g.items)), documents: changed, rounds: round };
    }
    for (const id of check.failedDocs) {
      drafted.delete(id);
      const failedItems = grouped.filter((g) => check.failedItems.has(g.id) && g.items.some((it) => it.doc === id));
      const w = whole.get(id)!;
      if (round >= 2 || w === 'document' || failedItems.length === 0) whole.set(id, 'document');
      else for (const g of failedItems) for (const it of g.items) if (it.doc === id) w.add(it.window);
    }
  }
  // Unreachable while `rewrite` with `blocks` holds its contract; say so plainly if it ever does not.
  const why = last?.problems[0]?.message ?? 'the applied text differs from NEW';
  return { ...empty, problems: [problem(file, 1, 1, `internal: the drafted change log does not reproduce NEW (${why})`, 'draft-internal')] };
}

interface GroupedItem {
  id: string;
  items: DraftItem[];
}

function groupItems(items: readonly DraftItem[], by: GroupBy): GroupedItem[] {
  const groups: DraftItem[][] = [];
  if (by === 'clause') for (const it of items) groups.push([it]);
  else if (by === 'one') groups.push([...items]);
  else {
    const byDoc = new Map<string, DraftItem[]>();
    for (const it of items) (byDoc.get(it.doc) ?? byDoc.set(it.doc, []).get(it.doc)!).push(it);
    groups.push(...byDoc.values());
  }
  return groups.filter((g) => g.length).map((g, i) => ({ id: String(i + 1), items: g }));
}

function countKinds(items: readonly DraftItem[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const it of items) {
    for (const e of it.edits) {
      const k = e.kind === 'rewrite' && 'blocks' in e ? 'rewrite with blocks' : e.kind;
      out.set(k, (out.get(k) ?? 0) + 1);
    }
  }
  return out;
}

/** Short edits print on one line as the README writes them; longer ones, and lists of blocks, in block style. */
const FLOW_LIMIT = 160;

function writeYaml(header: DraftHeader, documents: readonly [string, string][], items: readonly GroupedItem[], notes: readonly string[]): string {
  const data = {
    modification: header.modification,
    release: header.release,
    drafter: header.drafter,
    date: header.date,
    documents: Object.fromEntries(documents),
    items: items.map((g) => ({
      id: g.id,
      summary: itemSummary(g.items),
      proposed: itemProposed(g.items),
      ...(notes.length ? { notes: [...notes] } : {}),
      edits: g.items.flatMap((it) => it.edits),
    })),
  };
  const doc = new YamlDocument(data);
  const modification = doc.get('modification', true);
  if (isMap(modification)) modification.flow = true;
  const seq = doc.get('items', true);
  if (isSeq(seq)) {
    for (const item of seq.items) {
      if (!isMap(item)) continue;
      const edits = item.get('edits', true);
      if (!isSeq(edits)) continue;
      for (const e of edits.items as YamlNode[]) {
        if (!isMap(e)) continue;
        const plain = e.toJSON() as Record<string, unknown>;
        const nested = 'blocks' in plain || 'subparagraphs' in plain;
        if (!nested && JSON.stringify(plain).length <= FLOW_LIMIT) e.flow = true;
        for (const pair of e.items) if (isMap(pair.value)) pair.value.flow = true;
      }
    }
  }
  return doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true, singleQuote: true });
}

/**
 * Loads and applies the drafted log; a document is failed when the result is not NEW's body byte for byte. The
 * log is planned once over every changed document, then its plan applied one document at a time: each amended
 * document (and the Redline applyPlan builds for it) is compared and dropped before the next is made, so the
 * proof holds one amended document at a time rather than all of them with their Redlines.
 */
function verify(yaml: string, file: string, oldDocs: ReadonlyMap<string, SecDocument>, news: ReadonlyMap<string, Loaded>, changed: readonly string[]): { log: ChangeLog | null; problems: Problem[]; failedDocs: Set<string>; failedItems: Set<string> } {
  const failedDocs = new Set<string>();
  const failedItems = new Set<string>();
  const loaded = loadChangeLog(yaml, file);
  if (!loaded.log) {
    for (const id of changed) failedDocs.add(id);
    return { log: null, problems: loaded.problems, failedDocs, failedItems };
  }
  const plan = planChangeLog(loaded.log, oldDocs);
  // applyPlan's problems are the plan's, then those of reading its documents back (ApplyResult.problems).
  const problems: Problem[] = [...loaded.problems, ...plan.problems];
  for (const id of changed) {
    const result = applyPlan(plan, new Map([[id, oldDocs.get(id)!]]));
    for (const p of result.problems.slice(plan.problems.length)) problems.push(p);
    const got = result.docs.get(id);
    if (!got || serializeBlocks(got.blocks) !== bodyOf(news.get(id)!)) failedDocs.add(id);
  }
  const errors = problems.filter((p) => p.severity === 'error');
  for (const p of errors) for (const m of p.message.matchAll(/items? '([^']*)'(?: and '([^']*)')?/g)) for (const id of [m[1], m[2]]) if (id) failedItems.add(id);
  if (errors.length && failedDocs.size === 0) for (const id of changed) failedDocs.add(id);
  return { log: loaded.log, problems: errors, failedDocs, failedItems };
}
