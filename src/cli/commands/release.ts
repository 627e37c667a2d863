// `sec-redline release <release.yaml>`: several modifications taken into the SEC together.
//
//   (no mode)      validate the release: every change log on its own, conflicts between them, version labels;
//   --matrix       the document × modification impact matrix (Markdown, --format csv, or -o matrix.docx);
//                  --by-clause for one row per clause;
//   -o DIR         the consolidated documents (every document; the changed ones with their new version label)
//                  plus DIR/release-redline.docx and DIR/release-redline-tracked.docx, and the conformed copy
//                  of each changed document named with its new label (section-G-SEC-2024-06.docx; --pdf: and PDF).
//
// This file is the I/O edge: it reads the release file, the change logs it names (inside the repository root
// only) and the baseline, and writes; everything else is src/release. All or nothing: on any error nothing is
// written and the output folder is not created. -o/--output is the one output option (alias --out): the matrix
// file with --matrix, the folder otherwise; `--format json` prints the check's summary or the matrix as JSON.

import { realpathSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Register } from './index.js';
import type { CliContext, ExitCode } from '../context.js';
import type { Problem, SecDocument } from '../../model/types.js';
import type { Redline } from '../../redline/types.js';
import { docId, serializeDocument } from '../../model/index.js';
import { loadDocuments } from '../load.js';
import { reportFormat, writeReport } from '../report-output.js';
import { releaseReport } from '../../report/index.js';
import { display, readText } from '../../util/files.js';
import { type FileWrite, refuseInputsAsOutputs, writeFilesAtomic } from '../../util/atomic-write.js';
import { formatValue, jsonOut, outputOption, outputPath, repoRoot, status, toStdout, writeOutput } from '../conventions.js';
import { checkOutFolder, fsOf } from '../write-output.js';
import { ProblemsError, UsageError, formatProblem, problem, sortProblems } from '../../util/errors.js';
import { loadChangeLog } from '../../changelog/index.js';
import { newCheckErrors } from '../../check/index.js';
import { renderAnnexDocx } from '../../render/docx/index.js';
import { ANNEX_CONTEXT } from '../../annex/index.js';
import { convertToPdf, requireSoffice } from '../soffice.js';
import {
  composeRelease,
  conformedDocument,
  hasErrors,
  impactMatrix,
  loadRelease,
  prepareRelease,
  releaseAnnex,
  renderMatrixCsv,
  renderMatrixDocx,
  renderMatrixMarkdown,
  type Modification,
  type Prepared,
  type Release,
  type ReleaseEntry,
} from '../../release/index.js';
import { pushAll } from '../../util/arrays.js';

interface ReleaseFlags {
  matrix?: boolean;
  report?: boolean;
  byClause?: boolean;
  format?: string;
  output?: string;
  out?: string;
  includeTargeted?: boolean;
  reletter?: boolean;
  sections?: string;
  root?: string;
  force?: boolean;
  pdf?: boolean;
}

/** Rules of conflicts between modifications: the matrix is still right when only these are found. */
const CONFLICT_RULES = new Set(['release-overlap', 'release-rewrite', 'release-anchor', 'release-id-collision']);

export const registerRelease: Register = (program, ctx, setExit) => {
  const cmd = program
    .command('release')
    .description('check, compose and redline the modifications of a release together (releases/<name>.yaml)')
    .argument('<release>', 'the release file (YAML)')
    .option('--matrix', 'print the document × modification impact matrix')
    .option('--by-clause', 'with --matrix: one row per clause the modifications touch')
    .option('--report', "the Release Implementation Document's tables: scope, participant, SEC document and technical specification matrices (targeted modifications included)")
    .option('--format <format>', 'text or json (the check); with --matrix: md, csv or json (default md); with --report: md, docx, csv or json');
  outputOption(cmd, 'the folder for the consolidated documents and the release redlines (visual and tracked DOCX); with --matrix or --report, the file (.md, .csv, .docx or .json)')
    .option('--include-targeted', "also take in the modifications whose status is 'targeted'")
    .option('--reletter', 'resolve two insertions of one new clause ID by re-lettering the later one (G3.5A → G3.5B)')
    .option('--sections <dir>', 'the baseline documents (default: sections/ under the root)')
    .option('--root <dir>', 'the repository root that change-log paths are relative to (default: the nearest folder up holding sections/)')
    .option('--force', "plan even where a document's version differs from the one a change log was drafted against")
    .option('--pdf', 'with --out: also write the conformed documents as PDF through LibreOffice')
    .action((file: string, opts: ReleaseFlags) => {
      if (opts.report) {
        writeReleaseReport(file, opts, ctx);
        setExit(0);
        return;
      }
      const out = outputPath(opts);
      const format = checkFlags(opts, out);
      if (opts.pdf && out === undefined) throw new UsageError('--pdf goes with -o DIR');
      const soffice = opts.pdf ? requireSoffice(ctx.env) : null;
      const consolidated = consolidate(file, opts, out, format, ctx);
      if (typeof consolidated === 'number') {
        setExit(consolidated);
        return;
      }
      writeRelease(consolidated, soffice, ctx);
      setExit(0);
    });
};

/** What `release -o DIR` writes from: the consolidated documents and the release's Redline, not the baseline. */
interface Consolidated {
  /** The output folder as given. */
  out: string;
  release: Release;
  mods: Modification[];
  excluded: ReleaseEntry[];
  /** Every document, consolidated; writeRelease takes each out as it is written. */
  docs: Map<string, SecDocument>;
  changed: string[];
  /** The release's Redline, until the release redlines are made from it (then null: nothing else needs it). */
  redline: Redline | null;
  /** The files read (the release file, the change logs, the baseline): never written over. */
  inputs: string[];
}

/**
 * Reads, checks and composes the release. Prints the matrix or the check's summary and returns the exit code
 * when there is nothing to write; otherwise returns what writeRelease needs and no more: the baseline and the
 * plans stay here, so they are garbage before the outputs are made (each is as large as the SEC).
 */
function consolidate(file: string, opts: ReleaseFlags, out: string | undefined, format: ReturnType<typeof checkFlags>, ctx: CliContext): ExitCode | Consolidated {
  const { release, mods, excluded, baseline, problems: readProblems } = readInputs(file, opts, ctx);
  const incomplete = hasErrors(readProblems);
  const prepared = prepareRelease(release, mods, baseline, excluded, { force: !!opts.force, reletter: !!opts.reletter, incomplete });
  const problems = [...readProblems, ...prepared.problems];

  if (opts.matrix) {
    if (problems.some((p) => p.severity === 'error' && !CONFLICT_RULES.has(p.rule))) throw new ProblemsError(problems);
    writeMatrix(prepared, baseline, release, opts, out, format, ctx);
    reportProblems(problems, ctx);
    return hasErrors(problems) ? 1 : 0;
  }
  if (hasErrors(problems)) throw new ProblemsError(problems, failure(prepared, problems, out));
  const composed = composeRelease(baseline, prepared.result.ops, prepared.labels, ANNEX_CONTEXT);
  if (hasErrors(composed.problems)) throw new ProblemsError([...problems, ...composed.problems]);
  // The invariant of every apply, for the release as a whole: no check error the baseline did not have.
  const fresh = newCheckErrors([...baseline.values()], [...composed.docs.values()]).map((p) =>
    problem(release.file, 1, 1, `the consolidated ${p.file} would fail check at line ${p.line}: ${p.message} [${p.rule}]${opts.out !== undefined ? '; nothing written' : ''}`, 'release-result'),
  );
  if (fresh.length) throw new ProblemsError([...problems, ...fresh]);
  reportProblems(problems, ctx);

  if (out === undefined) {
    ctx.stdout.write(format === 'json' ? summaryJson(release, prepared, excluded, composed.changed, baseline) : summary(release, prepared, excluded, composed.changed, baseline));
    return 0;
  }
  const inputs = [file, ...prepared.mods.map((m) => m.log.file), ...[...baseline.values()].map((d) => d.file)];
  return { out, release, mods: prepared.mods, excluded, docs: composed.docs, changed: composed.changed, redline: composed.redline, inputs };
}

/**
 * Writes the release to `out`: every consolidated document, the two release redlines, the conformed copy of
 * each changed document (and its PDF). All or nothing, as one transaction; the files are made first, in the
 * order they are listed in it. Each document is serialized and rendered in turn and then let go, and what is
 * kept for the transaction is bytes (outside the JavaScript heap), so the memory the consolidated SEC holds is
 * freed as the outputs are made rather than held beside them.
 */
function writeRelease(c: Consolidated, soffice: string | null, ctx: CliContext): void {
  const { out, release } = c;
  if (out === '-') throw new UsageError('a release writes a folder of documents and two DOCX files: give -o DIR');
  const dir = resolve(ctx.cwd, out);
  checkOutFolder(out, ctx.cwd, 'the release');
  const names = new Map<string, string>();
  for (const doc of c.docs.values()) {
    const name = basename(doc.file);
    if (names.has(name)) throw new UsageError(`-o: ${doc.file} and ${names.get(name)} have the same file name`);
    names.set(name, doc.file);
  }
  const date = `${release.date}T00:00:00Z`;
  const annex = releaseAnnex(release, c.mods, c.redline!, c.excluded);
  c.redline = null;
  const redlines: FileWrite[] = [
    { path: join(dir, 'release-redline.docx'), shown: join(out, 'release-redline.docx'), data: renderAnnexDocx(annex, { mode: 'visual', author: release.drafter, date }) },
    { path: join(dir, 'release-redline-tracked.docx'), shown: join(out, 'release-redline-tracked.docx'), data: renderAnnexDocx(annex, { mode: 'tracked', author: release.drafter, date }) },
  ];
  const documents: FileWrite[] = [];
  // The conformed copies: each changed document whole, named with its new version label (and as PDF), in SEC order.
  const changed = new Set(c.changed);
  const conformedById = new Map<string, { name: string; data: Uint8Array }>();
  for (const [id, doc] of c.docs) {
    const name = basename(doc.file);
    // The bytes of the file, as writing a string would make them (UTF-8).
    documents.push({ path: join(dir, name), shown: join(out, name), data: Buffer.from(serializeDocument(doc), 'utf8') });
    if (changed.has(id)) conformedById.set(id, conformedDocument(release, doc));
    c.docs.delete(id);
  }
  const conformed = c.changed.map((id) => conformedById.get(id)!);
  const writes: FileWrite[] = [...documents, ...redlines];
  for (const x of conformed) writes.push({ path: join(dir, x.name), shown: join(out, x.name), data: x.data });
  if (soffice !== null) for (const [name, pdf] of convertToPdf(soffice, conformed)) writes.push({ path: join(dir, name), shown: join(out, name), data: pdf });
  const inputs = c.inputs.map((f) => ({ path: resolve(ctx.cwd, f), shown: f }));
  refuseInputsAsOutputs(writes.map((w) => ({ path: w.path, shown: w.shown! })), inputs, '--out: the output', 'choose another folder');
  writeFilesAtomic(writes, { root: dir, rootShown: out, ...fsOf(ctx) });
  const ids = c.mods.map((m) => m.log.modification.id).join(', ');
  const n = c.changed.length;
  status(
    ctx,
    `${release.name}: applied ${c.mods.length} modification${c.mods.length === 1 ? '' : 's'} (${ids}), changing ${n} document${n === 1 ? '' : 's'}; ` +
      `wrote ${names.size} documents, release-redline.docx, release-redline-tracked.docx and the conformed copies of the ${n} changed (DOCX${soffice !== null ? ' and PDF' : ''}) to ${out}`,
  );
}

/** The last line on stderr when the release cannot be made: how many conflicts, and that nothing was written. */
function failure(prepared: Prepared, problems: readonly Problem[], out: string | undefined): string {
  const n = prepared.result.conflicts.length;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const parts: string[] = [];
  if (n > 0) parts.push(`${n} conflict${n === 1 ? '' : 's'} between the modifications`);
  const other = errors - 2 * n;
  if (other > 0) parts.push(`${other}${n > 0 ? ' other' : ''} problem${other === 1 ? '' : 's'}`);
  return `${parts.join(' and ')}${out !== undefined ? '; nothing written' : ''}`;
}

/**
 * `--report`: the Release Implementation Document's tables. Every modification is taken in, targeted ones too
 * (the document assumes they will be approved); conflicts do not stop it, missing life-cycle facts do.
 */
function writeReleaseReport(file: string, opts: ReleaseFlags, ctx: CliContext): void {
  if (opts.matrix || opts.byClause) throw new UsageError('--report goes alone: not with --matrix or --by-clause');
  const output = outputPath(opts);
  const format = reportFormat(opts.format, output, ['md', 'docx', 'csv', 'json']);
  const { release, mods, excluded, baseline, problems: readProblems } = readInputs(file, { ...opts, includeTargeted: true }, ctx);
  const prepared = prepareRelease(release, mods, baseline, excluded, { force: !!opts.force, reletter: !!opts.reletter, incomplete: hasErrors(readProblems) });
  const problems = [...readProblems, ...prepared.problems];
  if (problems.some((p) => p.severity === 'error' && !CONFLICT_RULES.has(p.rule))) throw new ProblemsError(problems);
  const matrix = impactMatrix(prepared, baseline, release.name);
  const built = releaseReport(release, prepared.mods, matrix);
  if (hasErrors(built.problems)) throw new ProblemsError([...problems, ...built.problems], `${built.problems.length} fact${built.problems.length === 1 ? '' : 's'} missing for the report; nothing written`);
  reportProblems(problems, ctx);
  writeReport(built.report, format, output, release.drafter, ctx);
}

/** Checks the combination of flags; returns the output format. */
function checkFlags(opts: ReleaseFlags, out: string | undefined): 'text' | 'json' | 'md' | 'csv' | 'docx' {
  if (!opts.matrix) {
    if (opts.byClause) throw new UsageError('--by-clause goes with --matrix');
    const format = formatValue(opts.format ?? 'text', ['text', 'json'] as const);
    if (format === 'json' && out !== undefined) throw new UsageError('--format json prints the check; with -o DIR the documents are written');
    return format;
  }
  if (opts.format !== undefined) formatValue(opts.format, ['md', 'csv', 'json'] as const);
  const ext = !toStdout(out) ? extname(out!).toLowerCase() : '';
  if (ext === '.docx') {
    if (opts.format !== undefined) throw new UsageError('--format does not apply to a .docx matrix');
    return 'docx';
  }
  if (opts.format !== undefined) return opts.format as 'md' | 'csv' | 'json';
  return ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : 'md';
}

interface Inputs {
  release: Release;
  mods: Modification[];
  excluded: ReleaseEntry[];
  baseline: Map<string, SecDocument>;
  /** Problems reading the change logs (each modification is still checked as far as it can be). */
  problems: Problem[];
}

export function readInputs(file: string, opts: ReleaseFlags, ctx: CliContext): Inputs {
  const read = readText(file, ctx.cwd, ctx.stdin);
  if (read.text === null) throw new UsageError(`cannot read release file ${file}: ${read.error}`);
  const loaded = loadRelease(read.text, file);
  if (!loaded.release) throw new ProblemsError(loaded.problems);
  const release = loaded.release;
  const problems: Problem[] = [...loaded.problems];

  let root: string;
  try {
    root = realpathSync(opts.root !== undefined ? resolve(ctx.cwd, opts.root) : (repoRoot(ctx) ?? ctx.cwd));
  } catch {
    throw new UsageError(`--root: no such directory: ${opts.root}`);
  }

  const mods: Modification[] = [];
  const excluded: ReleaseEntry[] = [];
  for (const entry of release.modifications) {
    if (entry.status === 'targeted' && !opts.includeTargeted) {
      excluded.push(entry);
      continue;
    }
    const at = (message: string, rule: string): void => {
      problems.push(problem(release.file, entry.changesPos.line, entry.changesPos.column, `modification ${entry.number}: ${message}`, rule));
    };
    const abs = resolve(root, entry.changes);
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      at(`cannot read ${entry.changes}: no such file in the repository (root: ${display(root, ctx.cwd)})`, 'release-read');
      continue;
    }
    const rel = relative(root, real);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      at(`${entry.changes} leads outside the repository (through a symbolic link to ${real}): change logs must be inside it`, 'release-path');
      continue;
    }
    const shown = display(abs, ctx.cwd);
    const text = readText(real, ctx.cwd);
    if (text.text === null) {
      at(`cannot read ${entry.changes}: ${text.error}`, 'release-read');
      continue;
    }
    const log = loadChangeLog(text.text, shown);
    pushAll(problems, log.problems);
    if (log.log) mods.push({ order: mods.length, entry, log: log.log });
  }

  const sections = opts.sections ?? display(join(root, 'sections'), ctx.cwd);
  const { docs: files, problems: parseProblems } = loadDocuments([sections], ctx.cwd);
  const baseProblems: Problem[] = [...parseProblems];
  const baseline = new Map<string, SecDocument>();
  for (const f of files) {
    const id = docId(f.doc.meta);
    const twin = baseline.get(id);
    if (twin) {
      baseProblems.push(problem(f.file, 1, 1, `${id} is also in ${twin.file}: one file per document`, 'duplicate-document'));
      continue;
    }
    baseline.set(id, f.doc);
  }
  // Without a sound baseline nothing can be planned; problems of the change logs are reported with the rest.
  if (hasErrors(baseProblems)) throw new ProblemsError([...problems, ...baseProblems]);
  return { release, mods, excluded, baseline, problems: [...problems, ...baseProblems] };
}

function reportProblems(problems: readonly Problem[], ctx: CliContext): void {
  for (const p of sortProblems(problems)) ctx.stderr.write(`${formatProblem(p)}\n`);
}

function writeMatrix(
  prepared: Prepared,
  baseline: ReadonlyMap<string, SecDocument>,
  release: Release,
  opts: ReleaseFlags,
  out: string | undefined,
  format: 'text' | 'json' | 'md' | 'csv' | 'docx',
  ctx: CliContext,
): void {
  const matrix = impactMatrix(prepared, baseline, release.name, { byClause: !!opts.byClause });
  const data =
    format === 'docx'
      ? renderMatrixDocx(matrix, { date: `${release.date}T00:00:00Z`, author: release.drafter, targetDate: release.date })
      : format === 'csv'
        ? renderMatrixCsv(matrix)
        : format === 'json'
          ? jsonOut(matrix)
          : renderMatrixMarkdown(matrix);
  writeOutput(ctx, out, data, [release.file, ...prepared.mods.map((m) => m.log.file), ...[...baseline.values()].map((d) => d.file)]);
  if (!toStdout(out)) status(ctx, `wrote the impact matrix (${matrix.rows.length} row${matrix.rows.length === 1 ? '' : 's'}) to ${out}`);
}

/** The check's summary as JSON: what `release` prints without -o, for scripts. */
function summaryJson(release: Release, prepared: Prepared, excluded: readonly ReleaseEntry[], changed: readonly string[], baseline: ReadonlyMap<string, SecDocument>): string {
  return jsonOut({
    release: release.name,
    date: release.date,
    modifications: prepared.mods.map((m) => ({
      id: m.log.modification.id,
      title: m.log.modification.title,
      status: m.entry.status,
      items: m.log.items.length,
      documents: [...prepared.touched].filter(([, by]) => by.includes(m)).map(([d]) => d),
    })),
    excluded: excluded.map((e) => ({ id: e.id ?? null, changes: e.changes, status: e.status })),
    changes: changed.map((id) => ({ document: id, from: baseline.get(id)?.meta.version ?? null, to: prepared.labels.get(id) ?? null })),
    conflicts: 0,
    relettered: prepared.result.reletters.length,
  });
}

function summary(release: Release, prepared: Prepared, excluded: readonly ReleaseEntry[], changed: readonly string[], baseline: ReadonlyMap<string, SecDocument>): string {
  const lines = [`${release.name} (target date ${release.date}): ${prepared.mods.length} modification${prepared.mods.length === 1 ? '' : 's'} taken in`];
  for (const m of prepared.mods) {
    const docs = [...prepared.touched].filter(([, by]) => by.includes(m)).map(([d]) => d);
    lines.push(`  ${m.log.modification.id} '${m.log.modification.title}' (${m.entry.status}): ${m.log.items.length} item${m.log.items.length === 1 ? '' : 's'}, ${docs.length} document${docs.length === 1 ? '' : 's'}`);
  }
  for (const e of excluded) lines.push(`  left out (targeted): ${e.id ?? e.changes}; use --include-targeted to take it in`);
  lines.push(`changes ${changed.length} document${changed.length === 1 ? '' : 's'}:`);
  for (const id of changed) lines.push(`  ${id}: ${baseline.get(id)?.meta.version ?? '?'} → ${prepared.labels.get(id) ?? '?'}`);
  const re = prepared.result.reletters.length;
  lines.push(`no conflicts between the modifications${re ? ` (${re} inserted clause${re === 1 ? '' : 's'} re-lettered)` : ''}; write the result with -o DIR`);
  return `${lines.join('\n')}\n`;
}
