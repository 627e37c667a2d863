// read → validate: change-log YAML to a typed ChangeLog, checked against the schema in docs/changelog.md.
// Everything that can be checked without the documents is checked here, and every problem is collected.

import type { Problem } from '../model/types.js';
import { docId, parseId } from '../model/index.js';
import { problem } from '../util/errors.js';
import { CHANGE_LOG_FILE, CHANGE_LOG_SCHEMA, ChangeLogFields } from './fields.js';
import { asMap, scalarString } from '../yaml/fields.js';
import { readYamlTree, describeNode, type YNode } from '../yaml/tree.js';
import { personalNameReason } from './drafter.js';
import { editModule, EDIT_KINDS } from './edits/index.js';
import { suggestion } from '../util/suggest.js';
import { readDocVersions } from './doc-versions.js';
import type { ChangeItem, ChangeLog, DraftedAgainst, Edit } from './types.js';
import { isCalendarDate } from '../util/calendar-date.js';
import { readLifecycle } from './lifecycle.js';

export const HEADER_FIELDS = ['modification', 'release', 'drafter', 'date', 'documents', 'lifecycle', 'items'] as const;
export const ITEM_FIELDS = ['id', 'summary', 'proposed', 'notes', 'sections', 'edits'] as const;
/** Far more than any Modification Report; a bound on work, not a policy. */
export const MAX_ITEMS = 50_000;
export const MAX_CHANGELOG_CHARS = 16 * 1024 * 1024;

export interface LoadedChangeLog {
  log: ChangeLog | null;
  problems: Problem[];
  /**
   * When the change log has problems but its documents and some items could be read: those items, so a caller
   * can plan them too and report every problem in one run (never to apply or write anything).
   */
  partial?: ChangeLog;
}

export function loadChangeLog(yamlText: string, file: string): LoadedChangeLog {
  if (yamlText.length > MAX_CHANGELOG_CHARS) {
    return { log: null, problems: [problem(file, 1, 1, `the change log is ${yamlText.length} characters; the limit is ${MAX_CHANGELOG_CHARS}`, 'changelog-size')] };
  }
  const { tree, problems } = readYamlTree(yamlText, file, CHANGE_LOG_FILE);
  if (!tree) return { log: null, problems };
  const root = asMap(tree, file, problems, 'the change log', CHANGE_LOG_SCHEMA);
  if (!root) return { log: null, problems };
  const r = new ChangeLogFields(root, file, problems, 'change log', HEADER_FIELDS);

  const modification = readModification(r);
  const release = r.string('release', { required: "the SEC release, e.g. 'June 2024 SEC Release'" });
  const drafter = r.string('drafter', { required: "a role or organisation, e.g. 'SECAS'" });
  if (drafter !== null) {
    const why = personalNameReason(drafter);
    if (why) r.report(r.pos('drafter'), `change log: drafter '${drafter}' must name a role or organisation such as 'SECAS', not a person (${why})`, 'changelog-drafter');
  }
  const date = r.string('date', { required: 'the date of the change log, YYYY-MM-DD' });
  if (date !== null && !isCalendarDate(date)) r.report(r.pos('date'), `change log: date '${date}' must be a real date written YYYY-MM-DD`);
  const documents = readDocuments(r);
  const lifecycleNode = r.node('lifecycle');
  const lifecycle = lifecycleNode === undefined ? null : readLifecycle(lifecycleNode, r, modification?.id ?? null);
  const read = readItems(r);
  const items = read && read.ok ? read.items : null;

  if (problems.length || !modification || release === null || drafter === null || date === null || !documents || !items) {
    if (!documents || !read || read.items.length === 0) return { log: null, problems };
    const partial: ChangeLog = { file, modification: modification ?? { id: '?', title: '?' }, release: release ?? '', drafter: drafter ?? '', date: date ?? '', documents, lifecycle, items: read.items };
    return { log: null, problems, partial };
  }
  return { log: { file, modification, release, drafter, date, documents, lifecycle, items }, problems };
}

/** MP250, MP250A, DP250, SECMP0042. */
export const MODIFICATION_ID = /^(?:(?:MP|DP)\d{1,4}[A-Z]?|SECMP\d{4})$/;

function readModification(r: ChangeLogFields): ChangeLog['modification'] | null {
  const n = r.node('modification');
  if (n === undefined) {
    r.missing('modification', "e.g. modification: { id: MP250, title: 'Housekeeping' }");
    return null;
  }
  const map = asMap(n, r.file, r.problems, 'modification', CHANGE_LOG_SCHEMA);
  if (!map) return null;
  const m = new ChangeLogFields(map, r.file, r.problems, 'modification', ['id', 'title']);
  const id = m.string('id', { required: 'e.g. MP250' });
  const title = m.string('title', { required: 'the modification title' });
  if (id !== null && !MODIFICATION_ID.test(id)) {
    m.report(m.pos('id'), `modification: id '${id}' is not a modification identifier such as 'MP250', 'MP250A', 'DP250' or 'SECMP0042'`);
  }
  return m.ok && id !== null && title !== null ? { id, title } : null;
}


function readDocuments(r: ChangeLogFields): DraftedAgainst[] | null {
  return readDocVersions(r, 'documents', {
    missing: "a map of document ID to the version label drafted against, e.g. 'Appendix AD: DUIS 5.2'",
    notDocument: '; documents are named by ID, never by file path',
    idRule: 'changelog-id',
    needs: (doc) => `'${doc}' needs the version label it was drafted against (e.g. 'SEC 2024-02', 'DUIS 5.2')`,
    empty: 'list at least one document and the version label drafted against',
  });
}

/** The items that read cleanly (the first of two with one id), and whether every item did. */
function readItems(r: ChangeLogFields): { items: ChangeItem[]; ok: boolean } | null {
  const n = r.node('items');
  if (n === undefined) {
    r.missing('items', 'the list of changes');
    return null;
  }
  if (n.type !== 'seq' || n.items.length === 0) {
    r.report(n.pos, `items must be a non-empty list of changes, found ${describeNode(n)}`);
    return null;
  }
  if (n.items.length > MAX_ITEMS) {
    r.report(n.pos, `items: ${n.items.length} items; the limit is ${MAX_ITEMS} (split the change log)`, 'changelog-size');
    return null;
  }
  const out: ChangeItem[] = [];
  const ids = new Map<string, number>();
  let ok = true;
  n.items.forEach((node, i) => {
    const item = readItem(r, node, i);
    if (!item) {
      ok = false;
      return;
    }
    const prev = ids.get(item.id);
    if (prev !== undefined) {
      r.report(item.pos, `item '${item.id}': the id is used twice (also item ${prev + 1} in the list)`);
      ok = false;
      return;
    }
    ids.set(item.id, i);
    out.push(item);
  });
  return { items: out, ok };
}

function readItem(parent: ChangeLogFields, node: YNode, i: number): ChangeItem | null {
  const map = asMap(node, parent.file, parent.problems, `item ${i + 1}`, CHANGE_LOG_SCHEMA);
  if (!map) return null;
  const idNode = map.entries.find((e) => e.key === 'id')?.value;
  const idText = idNode ? scalarString(idNode) : null;
  const context = `item '${idText ?? i + 1}'`;
  const r = new ChangeLogFields(map, parent.file, parent.problems, context, ITEM_FIELDS);
  const id = r.string('id', { required: "the item number in the Modification Report's table, e.g. id: '4'" });
  const summary = r.string('summary', { required: 'what is wrong, in a sentence' });
  const proposed = r.string('proposed', { required: 'what the item changes, in a sentence' });
  const notes = readNotes(r, context);
  const declared = r.has('sections') ? r.ids('sections', { allowDocument: true }) : null;
  const editsNode = r.node('edits');
  const edits: Edit[] = [];
  if (editsNode === undefined) r.missing('edits', 'the list of edits');
  else if (editsNode.type !== 'seq' || editsNode.items.length === 0) r.report(editsNode.pos, `${context}: edits must be a non-empty list, found ${describeNode(editsNode)}`);
  else {
    editsNode.items.forEach((en, k) => {
      const e = readEdit(r, en, id ?? String(i + 1), k + 1, editsNode.items.length);
      if (e) edits.push(e);
    });
  }
  if (!r.ok || id === null || summary === null || proposed === null) return null;
  const sections = declared ? declared.map((p) => p.id) : derivedSections(edits);
  if (declared) checkSections(r, context, sections, edits);
  return { id, summary, proposed, ...(notes ? { notes } : {}), sections, sectionsGiven: declared !== null, edits, pos: map.pos };
}

/** `notes`: optional remarks on the item (e.g. where a Word redline's revisions came from), a list of one-line texts. */
function readNotes(r: ChangeLogFields, context: string): string[] | null {
  const n = r.node('notes');
  if (n === undefined) return null;
  if (n.type !== 'seq') {
    r.report(n.pos, `${context}: 'notes' must be a list of one-line texts, e.g. notes: ['Word revisions of 2024-05-20 by SECAS'], found ${describeNode(n)}`);
    return null;
  }
  const out: string[] = [];
  n.items.forEach((it, k) => {
    const s = scalarString(it);
    // Control characters (line breaks, tabs, escapes) would break the one-line report formats the notes go into.
    const bad = s === null ? `must be text, found ${describeNode(it)}` : s.trim() === '' ? 'must not be empty' : /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s) ? 'must be one line without control characters (line breaks, tabs)' : null;
    if (bad) r.report(it.pos, `${context}: note ${k + 1} ${bad}`);
    else out.push(s!);
  });
  return out;
}

function readEdit(item: ChangeLogFields, node: YNode, itemId: string, index: number, count: number): Edit | null {
  const map = asMap(node, item.file, item.problems, `item '${itemId}' edit ${index}`, CHANGE_LOG_SCHEMA);
  if (!map) return null;
  const kindEntry = map.entries.find((e) => e.key === 'kind');
  const kind = kindEntry ? scalarString(kindEntry.value) : null;
  const where = count === 1 ? `item '${itemId}'` : `item '${itemId}', edit ${index}`;
  if (kind === null) {
    item.problems.push(problem(item.file, map.pos.line, map.pos.column, `${where}: missing field 'kind' (one of ${EDIT_KINDS.join(', ')})`, 'changelog-schema'));
    return null;
  }
  const module = editModule(kind);
  if (!module) {
    const p = kindEntry!.value.pos;
    const hint = kind === 'remove-clause' ? ": write 'kind: delete-clause' with 'remove: true'" : suggestion(kind, EDIT_KINDS);
    item.problems.push(problem(item.file, p.line, p.column, `${where}: unknown edit kind '${kind}'${hint}`, 'changelog-schema'));
    return null;
  }
  const context = `${where} (${kind})`;
  const r = new ChangeLogFields(map, item.file, item.problems, context, ['kind', ...module.fields]);
  const edit = module.read(r, { item: itemId, index, pos: map.pos, fieldPos: r.positions() });
  return r.ok ? edit : null;
}

function docOfId(id: string): string {
  const p = parseId(id);
  return p ? docId(p.doc) : id;
}

/** The documents an item's edits touch, in the order first touched. */
function derivedSections(edits: readonly Edit[]): string[] {
  const out: string[] = [];
  for (const e of edits) for (const t of editModule(e.kind)!.targets(e)) if (!out.includes(docOfId(t))) out.push(docOfId(t));
  return out;
}

/** Whether a declared section (document or clause ID) covers an edit target. */
export function covers(section: string, target: string): boolean {
  if (section === target) return true;
  const sp = parseId(section);
  const tp = parseId(target);
  if (!sp || !tp) return false;
  if (sp.isDocument) return docId(sp.doc) === docId(tp.doc);
  return target.startsWith(section) && /^[.(/[{]/.test(target.slice(section.length));
}

function checkSections(r: ChangeLogFields, context: string, sections: readonly string[], edits: readonly Edit[]): void {
  const pos = r.pos('sections');
  for (const e of edits) {
    const targets = editModule(e.kind)!.targets(e);
    if (!targets.some((t) => sections.some((s) => covers(s, t)))) {
      r.report(pos, `${context}: edit ${e.index} (${e.kind}) touches ${targets.join(', ')}, which 'sections' does not list`, 'changelog-sections');
    }
  }
  for (const s of sections) {
    if (!edits.some((e) => editModule(e.kind)!.targets(e).some((t) => covers(s, t)))) {
      r.report(pos, `${context}: 'sections' lists ${s}, but no edit of the item touches it`, 'changelog-sections');
    }
  }
}
