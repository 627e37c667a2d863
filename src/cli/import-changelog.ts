// `sec-redline import redline.docx --changelog annexes/<MOD>/changes.yaml [--sections DIR]`: a Word redline
// becomes a change log (docs/import.md). The tracked document is imported twice by the one importer: rejected
// (the baseline, which must be the document in sections/ clause by clause) and accepted (the new version); the
// change log from sections/ to the accepted text is drafted by the one drafter, which proves it by applying it.

import type { CliContext } from './context.js';
import type { ImportOptions, RevisionMark } from '../import/index.js';
import { importDocxFile } from './docx-input.js';
import { draftHeader } from './commands/changelog.js';
import { sectionsDir, status, writeOutput } from './conventions.js';
import { draftChangeLog } from '../draft/index.js';
import { personalNameReason, readsAsRole } from '../changelog/drafter.js';
import { docDisplayName, docId, readDocument, serializeDocument } from '../model/index.js';
import { readFrontMatter } from '../model/front-matter.js';
import type { Block, Problem, SecDocument } from '../model/types.js';
import { collectMarkdownFiles, readText } from '../util/files.js';
import { ProblemsError, UsageError, problem } from '../util/errors.js';

export interface RedlineFlags {
  hints: ImportOptions;
  changelog: string;
  sections?: string | undefined;
  mod?: string | undefined;
  modTitle?: string | undefined;
  release?: string | undefined;
  drafter: string;
  date?: string | undefined;
}

/** The placeholder modification a draft names until the drafter gives --mod (a valid id, so the log applies). */
export const PLACEHOLDER_MOD = 'MP000';

export function importRedline(docx: string, flags: RedlineFlags, ctx: CliContext): void {
  const rejected = importDocxFile(docx, ctx.cwd, { ...flags.hints, tracked: 'reject' });
  const accepted = importDocxFile(docx, ctx.cwd, { ...flags.hints, tracked: 'accept' });
  const id = docId(rejected.doc.meta);
  const sections = sectionsDir(flags.sections, ctx);
  const match = findDocument(sections, id, ctx);
  const base = readDocument(match.text, match.file);
  if (!base.doc) throw new ProblemsError(base.problems);

  const differences = compareBlocks(base.doc, rejected.doc.blocks, docx, sections);
  if (differences.length) {
    throw new ProblemsError(differences, `nothing written: the text of ${docx} before its tracked changes differs from ${match.file} in ${differences.length} place${differences.length === 1 ? '' : 's'}; a change log is drafted against the text in ${sections}`);
  }
  if (flags.hints.title !== undefined && flags.hints.title !== base.doc.meta.title) {
    throw new UsageError(`--title '${flags.hints.title}' is not the title of ${id} in ${match.file} ('${base.doc.meta.title}'): a change log changes the text, not the title`);
  }
  // The new version keeps the document's front matter (a change log does not change it) but for --version.
  const newMeta = { ...base.doc.meta, ...(flags.hints.version !== undefined ? { version: flags.hints.version } : {}) };
  const newText = serializeDocument({ ...accepted.doc, file: match.file, meta: newMeta });

  const defaulted: string[] = [];
  const mod = flags.mod ?? PLACEHOLDER_MOD;
  if (flags.mod === undefined) defaulted.push(`--mod ${PLACEHOLDER_MOD}`);
  const title = flags.modTitle ?? `Changes to ${docDisplayName(base.doc.meta)} from a Word redline`;
  if (flags.modTitle === undefined) defaulted.push(`--mod-title '${title}'`);
  const header = draftHeader({ mod, title, release: flags.release, drafter: flags.drafter, date: flags.date }, ctx, '--mod-title');
  const result = draftChangeLog([{ path: match.file, text: match.text }], [{ path: match.file, text: newText }], header, { file: flags.changelog, notes: revisionNotes(accepted.revisionMarks) });
  const internal = result.problems.find((p) => p.rule === 'draft-internal');
  if (internal) throw new Error(internal.message);
  if (result.yaml === null) throw new ProblemsError(result.problems);
  writeOutput(ctx, flags.changelog, result.yaml, [docx, match.file]);
  const n = result.log?.items.length ?? 0;
  const onStdout = flags.changelog === '-';
  if (defaulted.length) status(ctx, `${mod}: defaulted ${defaulted.join(' and ')}: give the real ones before the change log is proposed`, onStdout);
  status(ctx, `${mod}: drafted ${flags.changelog === '-' ? 'a change log' : flags.changelog} from ${docx}: ${n} item${n === 1 ? '' : 's'} on ${docDisplayName(base.doc.meta)} (${accepted.summary.revisions} tracked revision${accepted.summary.revisions === 1 ? '' : 's'})`, onStdout);
}

/** The file in `sections` whose front matter names document `id` (only front matter is read until it is found). */
function findDocument(sections: string, id: string, ctx: CliContext): { file: string; text: string } {
  const found: { file: string; text: string }[] = [];
  for (const file of collectMarkdownFiles([sections], ctx.cwd)) {
    const r = readText(file, ctx.cwd);
    if (r.text === null) continue;
    const fm = readFrontMatter(r.text.slice(0, 4096).split('\n'), file);
    if (fm.meta && docId(fm.meta) === id) found.push({ file, text: r.text });
  }
  if (found.length === 0) throw new UsageError(`${id} is not in ${sections}: a change log edits a document that is there (give --sections DIR, or --kind/--code if the Word document was identified wrongly)`);
  if (found.length > 1) throw new UsageError(`${id} is in ${sections} twice (${found.map((f) => f.file).join(', ')}): keep one`);
  return found[0]!;
}

const shape = (b: Block): string => JSON.stringify([b.kind, b.label, b.depth, b.text, b.cells ?? null, b.align ?? null]);

/**
 * Compares the rejected text with the document on the model, block by block by ID (so spelling `fmt` would
 * normalise does not count): every block that differs, is missing or is extra, placed in the sections file.
 */
function compareBlocks(base: SecDocument, rejected: readonly Block[], docx: string, sections: string): Problem[] {
  const problems: Problem[] = [];
  const theirs = new Map(rejected.map((b) => [b.id, b]));
  const ours = new Map(base.blocks.map((b) => [b.id, b]));
  const where = (b: Block): string => (b.clause && b.clause !== b.id ? ` (in clause ${b.clause})` : '');
  for (const b of base.blocks) {
    const t = theirs.get(b.id);
    if (!t) problems.push(problem(base.file, b.line, b.column, `${b.id}${where(b)} is in ${base.file} but not in ${docx} with its tracked changes rejected: the redline must start from the text in ${sections}`, 'import-baseline'));
    else if (shape(t) !== shape(b)) problems.push(problem(base.file, b.line, b.column, `${b.id}${where(b)} differs: ${base.file} has '${b.text}', ${docx} with its tracked changes rejected has '${t.text}'${t.kind !== b.kind ? ` (a ${t.kind}, not a ${b.kind})` : ''}`, 'import-baseline'));
  }
  let previous: Block | undefined;
  for (const t of rejected) {
    if (!ours.has(t.id)) {
      const line = previous ? ours.get(previous.id)?.line ?? 1 : 1;
      problems.push(problem(base.file, line, 1, `${t.id}${where(t)} is in ${docx} with its tracked changes rejected but not in ${base.file}${previous ? ` (it follows ${previous.id})` : ''}: the redline must start from the text in ${sections}`, 'import-baseline'));
    }
    previous = t;
  }
  // Same blocks, other order: say where the order first differs.
  if (!problems.length) {
    const i = base.blocks.findIndex((b, k) => rejected[k]?.id !== b.id);
    if (i >= 0) problems.push(problem(base.file, base.blocks[i]!.line, 1, `${base.blocks[i]!.id} is in another place in ${docx} with its tracked changes rejected (there: ${rejected[i]?.id ?? 'nothing'})`, 'import-baseline'));
  }
  return problems;
}

/**
 * One note per day of revisions, naming the authors that are roles; anyone else is 'an author' (never named):
 * an author is named only when it passes the drafter's person test and also contains a role word (a login such
 * as 'jbloggs' passes the first alone).
 * Every item gets the same notes: the revisions are not mapped to items one by one (docs/changelog.md).
 */
export function revisionNotes(marks: readonly RevisionMark[]): string[] {
  const byDay = new Map<string, Set<string>>();
  for (const m of marks) {
    const day = m.day ?? '';
    const authors = byDay.get(day) ?? byDay.set(day, new Set()).get(day)!;
    // Control characters never reach the log (its notes are one line each).
    const author = m.author?.replace(/\p{Cc}/gu, ' ').trim();
    if (author) authors.add(personalNameReason(author) === null && readsAsRole(author) ? author : '');
  }
  return [...byDay.keys()].sort().map((day) => {
    const set = byDay.get(day)!;
    const roles = [...set].filter((a) => a !== '').sort();
    const who = [...roles, ...(set.has('') ? [roles.length ? 'another author' : 'an author'] : [])];
    const by = who.length ? ` by ${who.length > 1 ? `${who.slice(0, -1).join(', ')} and ${who[who.length - 1]}` : who[0]}` : '';
    return `Word revisions ${day ? `of ${day}` : 'without a date'}${by}`;
  });
}
