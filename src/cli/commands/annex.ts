// `sec-redline annex <changes.yaml> [--sections DIR] [-o FILE] [--format docx|md|html] [--mode visual|tracked|clean]
//  [--annex-version V] [--classification C] [--author ROLE] [--force]`: applies the change log to the documents
// (exactly as `apply` does, refusing on any problem) and writes the redlined Annex A. The format follows the
// output file's extension unless --format says otherwise; without -o, Markdown or HTML goes to stdout. DOCX
// dates come from the change log's date, never the clock, so the same inputs give the same bytes.

import { extname } from 'node:path';
import type { Register } from './index.js';
import { outputOption, outputPath, sectionsDir, status, toStdout, writeOutput } from '../conventions.js';
import { ProblemsError, UsageError } from '../../util/errors.js';
import type { CliContext } from '../context.js';
import type { Redline } from '../../redline/types.js';
import { diffTrees } from '../../diff/trees.js';
import { commitDate, versionReaders } from '../tree-readers.js';
import { runChangeLog } from '../run-change-log.js';
import { sectionSetAtRevision } from '../git/revision-sections.js';
import { isYamlPath } from '../../util/files.js';
import { dateOption, readDateStamp, sourceDateEpoch, type DateStamp } from '../../util/calendar-date.js';
import { personalNameReason } from '../../changelog/drafter.js';
import { controlCharMessage, findControlChars } from '../../util/control-chars.js';
import { ANNEX_CONTEXT, buildAnnex } from '../../annex/build.js';
import type { AnnexItemInfo, AnnexMeta } from '../../annex/types.js';
import { renderAnnexDocx, type DocxMode } from '../../render/docx/index.js';
import { renderAnnexMarkdown } from '../../render/annex-md.js';
import { renderAnnexHtml } from '../../render/annex-html.js';

type Format = 'docx' | 'md' | 'html';
const FORMATS: readonly Format[] = ['docx', 'md', 'html'];
const MODES: readonly DocxMode[] = ['visual', 'tracked', 'clean'];

interface AnnexFlags {
  sections?: string;
  output?: string;
  out?: string;
  format?: string;
  mode?: string;
  annexVersion?: string;
  classification?: string;
  author?: string;
  force?: boolean;
  from?: string;
  to?: string;
  date?: string;
  id?: string;
  title?: string;
  moves: boolean;
}

/**
 * Every timestamp of the output, fixed: --date (YYYY-MM-DD or ISO 8601 UTC), else SOURCE_DATE_EPOCH, else
 * `fallback` (the change log's date, or the --to commit's date, ISO); null — an undated annex — when there is
 * none of them. Never the clock or file times.
 */
export function annexDate(flag: string | undefined, env: CliContext['env'], fallback: string | null): DateStamp | null {
  if (flag !== undefined) return dateOption('--date', flag, { time: true });
  const epoch = sourceDateEpoch(env);
  if (epoch) return epoch;
  if (fallback === null) return null;
  // The change log's date (checked when it was loaded) or the commit's time (from git's whole seconds).
  const stamp = readDateStamp(fallback, { time: true });
  if (!stamp) throw new Error(`not a date: '${fallback}'`);
  return stamp;
}

function formatOf(flags: AnnexFlags): Format {
  if (flags.format !== undefined) {
    if (!FORMATS.includes(flags.format as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${flags.format}'`);
    return flags.format as Format;
  }
  const out = outputPath(flags);
  if (toStdout(out)) return 'md';
  const ext = extname(out!).toLowerCase().slice(1);
  if (ext === 'markdown') return 'md';
  if (ext === 'htm') return 'html';
  if (FORMATS.includes(ext as Format)) return ext as Format;
  throw new UsageError(`cannot tell the format from '${out}': name it .docx, .md or .html, or give --format`);
}

interface AnnexSource {
  redline: Redline;
  meta: AnnexMeta;
  author: string;
  /** How the command names what it wrote: the modification id, or 'Comparison'. */
  what: string;
  /** null: an undated comparison. */
  dates: { day: string; iso: string } | null;
  /** The change log's items, for the notes beside their changes (none for a comparison). */
  items: AnnexItemInfo[];
}

/** The Redline and title-block facts of the annex: from a change log, or from comparing two versions. */
function annexSource(inputs: readonly string[], flags: AnnexFlags, ctx: CliContext): AnnexSource {
  // A change log with --from REV: the log from the working tree, the documents at the revision.
  const logAtRevision = inputs.length === 1 && isYamlPath(inputs[0]!) && flags.from !== undefined;
  const comparison = !logAtRevision && (flags.from !== undefined || inputs.length === 2);
  if (!comparison) {
    if (inputs.length !== 1) throw new UsageError('expected a change log, OLD NEW (two files or directories), or --from REV [--to REV] [paths…]');
    if (logAtRevision && flags.to !== undefined) throw new UsageError('a change log is applied to the documents at --from REV; --to does not apply');
    const documents = logAtRevision ? () => sectionSetAtRevision(flags.from!, sectionsDir(flags.sections, ctx), ctx) : undefined;
    // One unchanged clause each side of a change is all the annex reads: the clause an insertion follows, and
    // whether an ellipsis stands between two changed clauses.
    const { log, result } = runChangeLog(inputs[0]!, sectionsDir(flags.sections, ctx), !!flags.force, ctx, { documents, context: ANNEX_CONTEXT });
    const dates = annexDate(flags.date, ctx.env, log.date);
    const meta: AnnexMeta = { modId: log.modification.id, title: log.modification.title, release: log.release, drafter: log.drafter };
    if (dates) meta.date = dates.day;
    const items = log.items.map((it) => ({ id: it.id, summary: it.summary }));
    return { redline: result.redline, meta, author: flags.author ?? log.drafter, what: log.modification.id, dates, items };
  }
  const sides = versionReaders(inputs, flags, ctx);
  // Every clause, unchanged ones included: an inserted clause is placed after the clause before it, and an
  // ellipsis goes between changed clauses that are not adjacent.
  const result = diffTrees(sides.old, sides.new, { detectMoves: flags.moves });
  if (result.problems.length) throw new ProblemsError(result.problems);
  const toDate = flags.from !== undefined && flags.to !== undefined ? commitDate(flags.to, ctx.cwd) : null;
  const dates = annexDate(flags.date, ctx.env, toDate);
  const from = flags.from !== undefined ? flags.from : inputs[0]!;
  const to = flags.from !== undefined ? flags.to ?? 'the working tree' : inputs[1]!;
  const what = flags.id ?? 'Comparison';
  const author = flags.author ?? 'SECAS';
  const meta: AnnexMeta = { modId: what, title: flags.title ?? `${from} → ${to}`, drafter: author, comparison: { from, to } };
  if (dates) meta.date = dates.day;
  return { redline: result.redline, meta, author, what, dates, items: [] };
}

/** What the annex is made from: the change log and its documents, or the two sides compared. */
function annexInputs(inputs: readonly string[], flags: AnnexFlags, ctx: CliContext): string[] {
  const sections = sectionsDir(flags.sections, ctx);
  if (flags.from === undefined && inputs.length === 1) return [...inputs, sections];
  return inputs.length ? [...inputs] : [sections];
}

export const registerAnnex: Register = (program, ctx, setExit) => {
  const cmd = program
    .command('annex')
    .description('write the redlined Annex A of a change log, or of two versions (DOCX, Markdown with CriticMarkup, or HTML)')
    .argument('[inputs...]', 'a change log (YAML); or OLD NEW (files or directories); with --from, the paths to compare')
    .option('--sections <dir>', 'directory of SEC documents the change log was drafted against (default: sections/ of the repository)');
  outputOption(cmd, 'output file (.docx, .md or .html); Markdown or HTML go to stdout without it')
    .option('--format <format>', 'docx, md or html (default: from the output file name, else md)')
    .option('--mode <mode>', 'DOCX only: visual (underline/strike, default), tracked (Word revisions) or clean (amended text)')
    .option('--annex-version <version>', "the annex's own version, e.g. 1.0")
    .option('--classification <label>', 'document classification for the footer', 'White')
    .option('--author <role>', 'author of tracked changes: a role such as SECAS (default: the change log drafter)')
    .option('--force', "apply even where a document's version label differs from the change log's")
    .option('--from <rev>', 'annex of the change between this Git revision… (with a change log: apply it to the documents at this revision)')
    .option('--to <rev>', '…and this one (default: the working tree)')
    .option('--date <date>', 'date of the annex and its revisions: YYYY-MM-DD or ISO 8601 UTC (default: SOURCE_DATE_EPOCH, else the change log date or the --to commit date; otherwise undated)')
    .option('--id <id>', 'comparisons: the modification or draft id for the title (default: Comparison)')
    .option('--title <title>', 'comparisons: the title (default: the two versions compared)')
    .option('--no-moves', 'comparisons: do not pair moved or renumbered clauses by their text')
    .action((inputs: string[], flags: AnnexFlags) => {
      const format = formatOf(flags);
      if (flags.mode !== undefined && format !== 'docx') throw new UsageError('--mode applies to DOCX output only');
      const mode = (flags.mode ?? 'visual') as DocxMode;
      if (!MODES.includes(mode)) throw new UsageError(`--mode must be one of ${MODES.join(', ')}, got '${flags.mode}'`);
      const out = outputPath(flags);
      if (format === 'docx' && out === undefined) throw new UsageError('DOCX output needs -o FILE (or -o - to write it to standard output)');
      for (const [flag, value] of [['--author', flags.author], ['--title', flags.title], ['--id', flags.id], ['--classification', flags.classification], ['--annex-version', flags.annexVersion]] as const) {
        const bad = value === undefined ? undefined : findControlChars(value, 1)[0];
        if (bad) throw new UsageError(`${flag}: ${controlCharMessage(bad.code, ` at character ${bad.index + 1}`)}`);
      }
      if (flags.author !== undefined) {
        // Tracked revisions and the title block name their author: a role, as the change log's drafter is.
        const reason = personalNameReason(flags.author);
        if (reason) throw new UsageError(`--author must be a role or organisation such as SECAS, not a person: '${flags.author}' — ${reason}`);
      }
      const { redline, meta, author, what, dates, items } = annexSource(inputs, flags, ctx);
      if (flags.annexVersion !== undefined) meta.version = flags.annexVersion;
      if (flags.classification !== undefined) meta.classification = flags.classification;
      const annex = buildAnnex(redline, meta, { items });

      let data: string | Uint8Array;
      if (format === 'docx') data = renderAnnexDocx(annex, { mode, author, date: dates?.iso ?? null });
      else data = format === 'md' ? renderAnnexMarkdown(annex) : renderAnnexHtml(annex);

      writeOutput(ctx, out, data, annexInputs(inputs, flags, ctx));
      if (!toStdout(out)) {
        const detail = format === 'docx' ? `, ${mode}` : '';
        status(ctx, `${what}: wrote Annex A to ${out} (${format}${detail}; ${annex.parts.length} document${annex.parts.length === 1 ? '' : 's'})`);
      }
      setExit(0);
    });
};
