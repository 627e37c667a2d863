// The one way commands read a change log and apply it to a directory of documents: apply, annex and table
// all go through here, so they report the same collected problems and refuse the same bad input.

import type { Problem, SecDocument } from '../model/types.js';
import { docId } from '../model/doc-ref.js';
import { loadDocuments } from './load.js';
import { readText } from '../util/files.js';
import { ProblemsError, UsageError, formatProblem, problem, sortProblems } from '../util/errors.js';
import { applyPlan, loadChangeLog, planChangeLog, type ApplyResult, type ChangeLog } from '../changelog/index.js';
import type { LoadedChangeLog } from '../changelog/load.js';
import type { CliContext } from './context.js';
import { pushAll } from '../util/arrays.js';
import { applyInvariantProblems } from './apply-invariant.js';

export interface SectionSet {
  /** Documents by document ID ('Section G'). */
  docs: Map<string, SecDocument>;
  /** File each document came from, by document ID. */
  fileOf: Map<string, string>;
  /** The text each document was read from, by document ID (to check it is unchanged before writing over it). */
  sourceOf: Map<string, string>;
  /** The bytes of that text, by document ID, where they are exactly its UTF-8 (writing copies what is unchanged). */
  bytesOf?: Map<string, Uint8Array>;
  problems: Problem[];
}

/** Loads every document of `dir`, one per document ID (a second file for the same document is a problem). */
export function loadSectionSet(dir: string, ctx: Pick<CliContext, 'cwd'>, options: { keepBytes?: boolean } = {}): SectionSet {
  const { docs: files, problems } = loadDocuments([dir], ctx.cwd, undefined, options);
  const docs = new Map<string, SecDocument>();
  const fileOf = new Map<string, string>();
  const sourceOf = new Map<string, string>();
  const bytesOf = new Map<string, Uint8Array>();
  for (const f of files) {
    const id = docId(f.doc.meta);
    if (docs.has(id)) {
      problems.push(problem(f.file, 1, 1, `${id} is also in ${fileOf.get(id)}: one file per document`, 'duplicate-document'));
      continue;
    }
    docs.set(id, f.doc);
    fileOf.set(id, f.file);
    sourceOf.set(id, f.source);
    if (f.bytes) bytesOf.set(id, f.bytes);
  }
  return { docs, fileOf, sourceOf, bytesOf, problems };
}

/** Reads a change log file; throws UsageError when unreadable, ProblemsError when invalid. */
export function readChangeLog(changes: string, ctx: Pick<CliContext, 'cwd' | 'stdin'>): { log: ChangeLog; problems: Problem[] } {
  const loaded = loadChangeLogFile(changes, ctx);
  if (!loaded.log) throw new ProblemsError(loaded.problems);
  return { log: loaded.log, problems: loaded.problems };
}

function loadChangeLogFile(changes: string, ctx: Pick<CliContext, 'cwd' | 'stdin'>): LoadedChangeLog {
  const read = readText(changes, ctx.cwd, ctx.stdin);
  if (read.text === null) throw new UsageError(`cannot read change log ${changes}: ${read.error}`);
  return loadChangeLog(read.text, changes);
}

export interface AppliedChangeLog extends SectionSet {
  log: ChangeLog;
  result: ApplyResult;
}

export interface RunOptions {
  /** Another source of the documents (a Git revision); default the directory `sections`. */
  documents?: () => SectionSet;
  /** The unchanged clauses the Redline keeps around each change (ApplyPlanOptions; default every clause). */
  context?: number;
  /** Keep each file's bytes (SectionSet.bytesOf), for a caller that writes the documents back. */
  keepBytes?: boolean;
}

/**
 * Reads `changes`, loads `sections` (or `options.documents()`) and applies the one to the other. Throws
 * ProblemsError with every problem when anything is an error; prints warnings to stderr and returns otherwise.
 */
export function runChangeLog(changes: string, sections: string, force: boolean, ctx: CliContext, options: RunOptions = {}): AppliedChangeLog {
  const { documents, context = Infinity, keepBytes = false } = options;
  const loaded = loadChangeLogFile(changes, ctx);
  // `documents`: another source of the documents (a Git revision); default the directory `sections`.
  const set = documents ? documents() : loadSectionSet(sections, ctx, { keepBytes });
  const problems = [...loaded.problems, ...set.problems];
  const log = loaded.log;
  if (!log) {
    // Every problem in one run: the items that did read are planned too (nothing is applied or written).
    if (loaded.partial && !set.problems.some((p) => p.severity === 'error')) pushAll(problems, applyPlan(planChangeLog(loaded.partial, set.docs, { force }), set.docs).problems);
    throw new ProblemsError(problems);
  }
  if (problems.some((p) => p.severity === 'error')) throw new ProblemsError(problems);
  const result = applyPlan(planChangeLog(log, set.docs, { force }), set.docs, { context });
  pushAll(problems, result.problems);
  if (problems.some((p) => p.severity === 'error')) throw new ProblemsError(problems);
  problems.push(...applyInvariantProblems(log.file, log.items, set.docs, result.docs, () => result.redline));
  if (problems.some((p) => p.severity === 'error')) throw new ProblemsError(problems);
  for (const p of sortProblems(problems)) ctx.stderr.write(`${formatProblem(p)}\n`);
  return { ...set, problems, log, result };
}
