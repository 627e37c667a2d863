// `sec-redline release <release.yaml>`: several modifications taken into the SEC together.
//
//   (no mode)      validate the release: every change log on its own, conflicts between them, version labels;
//   --matrix       the document × modification impact matrix (Markdown, --format csv, or -o matrix.docx);
//                  --by-clause for one row per clause;
//   --out DIR      the consolidated documents (every document; the changed ones with their new version label)
//                  plus DIR/release-redline.docx and DIR/release-redline-tracked.docx, and the conformed copy
//                  of each changed document named with its new label (section-G-SEC-2024-06.docx; --pdf: and PDF).
//
// This file is the I/O edge: it reads the release file, the change logs it names (inside the repository root
// only) and the baseline, and writes; everything else is src/release. All or nothing: on any error nothing is
// written and --out's directory is not created.

import { realpathSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Register } from './index.js';
import type { CliContext } from '../context.js';
import type { Problem, SecDocument } from '../../model/types.js';
import { docId, serializeDocument } from '../../model/index.js';
import { loadDocuments } from '../load.js';
import { display, readText } from '../../util/files.js';
import { writeFileAtomic, writeFilesAtomic } from '../../util/atomic-write.js';
import { ProblemsError, UsageError, formatProblem, problem, sortProblems } from '../../util/errors.js';
import { loadChangeLog } from '../../changelog/index.js';
import { renderAnnexDocx } from '../../render/docx/index.js';
import { convertToPdf, requireSoffice } from '../soffice.js';
import {
  composeRelease,
  conformedDocuments,
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

interface ReleaseFlags {
  matrix?: boolean;
  byClause?: boolean;
  format?: string;
  output?: string;
  out?: string;
  includeTargeted?: boolean;
  reletter?: boolean;
  sections?: string;
  root: string;
  force?: boolean;
  pdf?: boolean;
}

/** Rules of conflicts between modifications: the matrix is still right when only these are found. */
const CONFLICT_RULES = new Set(['release-overlap', 'release-rewrite', 'release-anchor', 'release-id-collision']);

export const registerRelease: Register = (program, ctx, setExit) => {
  program
    .command('release')
    .description('check, compose and redline the modifications of a release together (releases/<name>.yaml)')
    .argument('<release>', 'the release file (YAML)')
    .option('--matrix', 'print the document × modification impact matrix')
    .option('--by-clause', 'with --matrix: one row per clause the modifications touch')
    .option('--format <format>', 'with --matrix: md or csv (default md)')
    .option('-o, --output <file>', 'with --matrix: write the matrix to this file (.md, .csv or .docx)')
    .option('--out <dir>', 'write the consolidated documents and the release redlines (visual and tracked DOCX) into this directory')
    .option('--include-targeted', "also take in the modifications whose status is 'targeted'")
    .option('--reletter', 'resolve two insertions of one new clause ID by re-lettering the later one (G3.5A → G3.5B)')
    .option('--sections <dir>', 'the baseline documents (default: sections/ under the root)')
    .option('--root <dir>', 'the repository root that change-log paths are relative to', '.')
    .option('--force', "plan even where a document's version differs from the one a change log was drafted against")
    .option('--pdf', 'with --out: also write the conformed documents as PDF through LibreOffice')
    .action((file: string, opts: ReleaseFlags) => {
      const format = checkFlags(opts);
      if (opts.pdf && opts.out === undefined) throw new UsageError('--pdf goes with --out DIR');
      const soffice = opts.pdf ? requireSoffice(ctx.env) : null;
      const { release, mods, excluded, baseline, problems: readProblems } = readInputs(file, opts, ctx);
      const incomplete = hasErrors(readProblems);
      const prepared = prepareRelease(release, mods, baseline, excluded, { force: !!opts.force, reletter: !!opts.reletter, incomplete });
      const problems = [...readProblems, ...prepared.problems];

      if (opts.matrix) {
        if (problems.some((p) => p.severity === 'error' && !CONFLICT_RULES.has(p.rule))) throw new ProblemsError(problems);
        writeMatrix(prepared, baseline, release, opts, format, ctx);
        reportProblems(problems, ctx);
        setExit(hasErrors(problems) ? 1 : 0);
        return;
      }
      if (hasErrors(problems)) throw new ProblemsError(problems, failure(prepared, problems, opts));
      const composed = composeRelease(baseline, prepared.result.ops, prepared.labels);
      if (hasErrors(composed.problems)) throw new ProblemsError([...problems, ...composed.problems]);
      reportProblems(problems, ctx);

      if (opts.out === undefined) {
        ctx.stdout.write(summary(release, prepared, excluded, composed.changed, baseline));
        setExit(0);
        return;
      }
      const dir = resolve(ctx.cwd, opts.out);
      const writes: { path: string; data: string | Uint8Array }[] = [];
      const names = new Map<string, string>();
      for (const doc of composed.docs.values()) {
        const name = basename(doc.file);
        if (names.has(name)) throw new UsageError(`--out: ${doc.file} and ${names.get(name)} have the same file name`);
        names.set(name, doc.file);
        writes.push({ path: join(dir, name), data: serializeDocument(doc) });
      }
      const annex = releaseAnnex(release, prepared.mods, composed.redline);
      const date = `${release.date}T00:00:00Z`;
      writes.push({ path: join(dir, 'release-redline.docx'), data: renderAnnexDocx(annex, { mode: 'visual', author: release.drafter, date }) });
      writes.push({ path: join(dir, 'release-redline-tracked.docx'), data: renderAnnexDocx(annex, { mode: 'tracked', author: release.drafter, date }) });
      // The conformed copies: each changed document whole, named with its new version label (and as PDF).
      const conformed = conformedDocuments(release, composed.changed.map((id) => composed.docs.get(id)!));
      for (const c of conformed) writes.push({ path: join(dir, c.name), data: c.data });
      if (soffice !== null) for (const [name, pdf] of convertToPdf(soffice, conformed)) writes.push({ path: join(dir, name), data: pdf });
      writeFilesAtomic(writes);
      const ids = prepared.mods.map((m) => m.log.modification.id).join(', ');
      ctx.stdout.write(
        `${release.name}: applied ${prepared.mods.length} modification${prepared.mods.length === 1 ? '' : 's'} (${ids}), changing ${composed.changed.length} document${composed.changed.length === 1 ? '' : 's'}; ` +
          `wrote ${composed.docs.size} documents, release-redline.docx, release-redline-tracked.docx and the conformed copies of the ${composed.changed.length} changed (DOCX${soffice !== null ? ' and PDF' : ''}) to ${opts.out}\n`,
      );
      setExit(0);
    });
};

/** The last line on stderr when the release cannot be made: how many conflicts, and that nothing was written. */
function failure(prepared: Prepared, problems: readonly Problem[], opts: ReleaseFlags): string {
  const n = prepared.result.conflicts.length;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const parts: string[] = [];
  if (n > 0) parts.push(`${n} conflict${n === 1 ? '' : 's'} between the modifications`);
  const other = errors - 2 * n;
  if (other > 0) parts.push(`${other}${n > 0 ? ' other' : ''} problem${other === 1 ? '' : 's'}`);
  return `${parts.join(' and ')}${opts.out !== undefined ? '; nothing written' : ''}`;
}

/** Checks the combination of flags; returns the matrix format. */
function checkFlags(opts: ReleaseFlags): 'md' | 'csv' | 'docx' {
  if (opts.matrix && opts.out !== undefined) throw new UsageError('give --matrix or --out DIR, not both');
  if (!opts.matrix) {
    for (const [flag, given] of [
      ['--by-clause', opts.byClause],
      ['--format', opts.format !== undefined],
      ['-o/--output', opts.output !== undefined],
    ] as const) {
      if (given) throw new UsageError(`${flag} goes with --matrix${flag === '-o/--output' ? ' (the consolidated documents are written with --out DIR)' : ''}`);
    }
  }
  if (opts.format !== undefined && opts.format !== 'md' && opts.format !== 'csv') throw new UsageError(`--format must be md or csv, not '${opts.format}'`);
  const ext = opts.output !== undefined ? extname(opts.output).toLowerCase() : '';
  if (ext === '.docx') {
    if (opts.format !== undefined) throw new UsageError('--format does not apply to a .docx matrix');
    return 'docx';
  }
  if (opts.format !== undefined) return opts.format as 'md' | 'csv';
  return ext === '.csv' ? 'csv' : 'md';
}

interface Inputs {
  release: Release;
  mods: Modification[];
  excluded: ReleaseEntry[];
  baseline: Map<string, SecDocument>;
  /** Problems reading the change logs (each modification is still checked as far as it can be). */
  problems: Problem[];
}

function readInputs(file: string, opts: ReleaseFlags, ctx: CliContext): Inputs {
  const read = readText(file, ctx.cwd);
  if (read.text === null) throw new UsageError(`cannot read release file ${file}: ${read.error}`);
  const loaded = loadRelease(read.text, file);
  if (!loaded.release) throw new ProblemsError(loaded.problems);
  const release = loaded.release;
  const problems: Problem[] = [...loaded.problems];

  let root: string;
  try {
    root = realpathSync(resolve(ctx.cwd, opts.root));
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
    problems.push(...log.problems);
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

function writeMatrix(prepared: Prepared, baseline: ReadonlyMap<string, SecDocument>, release: Release, opts: ReleaseFlags, format: 'md' | 'csv' | 'docx', ctx: CliContext): void {
  const matrix = impactMatrix(prepared, baseline, release.name, { byClause: !!opts.byClause });
  const data =
    format === 'docx'
      ? renderMatrixDocx(matrix, { date: `${release.date}T00:00:00Z`, author: release.drafter, targetDate: release.date })
      : format === 'csv'
        ? renderMatrixCsv(matrix)
        : renderMatrixMarkdown(matrix);
  if (opts.output === undefined) {
    ctx.stdout.write(data as string);
    return;
  }
  writeFileAtomic(resolve(ctx.cwd, opts.output), data);
  ctx.stdout.write(`wrote the impact matrix (${matrix.rows.length} row${matrix.rows.length === 1 ? '' : 's'}) to ${opts.output}\n`);
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
  lines.push(`no conflicts between the modifications${re ? ` (${re} inserted clause${re === 1 ? '' : 's'} re-lettered)` : ''}; write the result with --out DIR`);
  return `${lines.join('\n')}\n`;
}
