// `sec-redline annex <changes.yaml> [--sections DIR] [-o FILE] [--format docx|md|html] [--mode visual|tracked|clean]
//  [--annex-version V] [--classification C] [--author ROLE] [--force]`: applies the change log to the documents
// (exactly as `apply` does, refusing on any problem) and writes the redlined Annex A. The format follows the
// output file's extension unless --format says otherwise; without -o, Markdown or HTML goes to stdout. DOCX
// dates come from the change log's date, never the clock, so the same inputs give the same bytes.

import { extname, resolve } from 'node:path';
import type { Register } from './index.js';
import type { Problem, SecDocument } from '../../model/types.js';
import { docId } from '../../model/index.js';
import { loadDocuments } from '../load.js';
import { readText } from '../../util/files.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { ProblemsError, UsageError, formatProblem, problem, sortProblems } from '../../util/errors.js';
import { applyChangeLog, loadChangeLog } from '../../changelog/index.js';
import type { ChangeLog } from '../../changelog/index.js';
import type { Redline } from '../../redline/types.js';
import { buildAnnex } from '../../annex/build.js';
import type { AnnexMeta } from '../../annex/types.js';
import { renderAnnexDocx, type DocxMode } from '../../render/docx/index.js';
import { renderAnnexMarkdown } from '../../render/annex-md.js';
import { renderAnnexHtml } from '../../render/annex-html.js';
import type { CliContext } from '../context.js';

type Format = 'docx' | 'md' | 'html';
const FORMATS: readonly Format[] = ['docx', 'md', 'html'];
const MODES: readonly DocxMode[] = ['visual', 'tracked', 'clean'];

interface AnnexFlags {
  sections: string;
  out?: string;
  format?: string;
  mode?: string;
  annexVersion?: string;
  classification?: string;
  author?: string;
  force?: boolean;
}

/** Reads and applies a change log; throws ProblemsError on any error (nothing is rendered from a bad plan). */
export function loadAndApply(changes: string, sections: string, force: boolean, ctx: CliContext): { log: ChangeLog; redline: Redline } {
  const read = readText(changes, ctx.cwd);
  if (read.text === null) throw new UsageError(`cannot read change log ${changes}: ${read.error}`);
  const loaded = loadChangeLog(read.text, changes);
  if (!loaded.log) throw new ProblemsError(loaded.problems);
  const { docs: files, problems: parseProblems } = loadDocuments([sections], ctx.cwd);
  const docs = new Map<string, SecDocument>();
  const fileOf = new Map<string, string>();
  const problems: Problem[] = [...loaded.problems, ...parseProblems];
  for (const f of files) {
    const id = docId(f.doc.meta);
    if (docs.has(id)) {
      problems.push(problem(f.file, 1, 1, `${id} is also in ${fileOf.get(id)}: one file per document`, 'duplicate-document'));
      continue;
    }
    docs.set(id, f.doc);
    fileOf.set(id, f.file);
  }
  if (problems.some((p) => p.severity === 'error')) throw new ProblemsError(problems);
  const result = applyChangeLog(loaded.log, docs, { force });
  problems.push(...result.problems);
  if (problems.some((p) => p.severity === 'error')) throw new ProblemsError(problems);
  for (const p of sortProblems(problems)) ctx.stderr.write(`${formatProblem(p)}\n`);
  return { log: loaded.log, redline: result.redline };
}

function formatOf(flags: AnnexFlags): Format {
  if (flags.format !== undefined) {
    if (!FORMATS.includes(flags.format as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${flags.format}'`);
    return flags.format as Format;
  }
  if (flags.out === undefined) return 'md';
  const ext = extname(flags.out).toLowerCase().slice(1);
  if (ext === 'markdown') return 'md';
  if (ext === 'htm') return 'html';
  if (FORMATS.includes(ext as Format)) return ext as Format;
  throw new UsageError(`cannot tell the format from '${flags.out}': name it .docx, .md or .html, or give --format`);
}

export const registerAnnex: Register = (program, ctx, setExit) => {
  program
    .command('annex')
    .description('write the redlined Annex A of a change log (DOCX, Markdown with CriticMarkup, or HTML)')
    .argument('<changes>', 'the change log (YAML)')
    .option('--sections <dir>', 'directory of SEC documents the change log was drafted against', 'sections')
    .option('-o, --out <file>', 'output file (.docx, .md or .html); Markdown or HTML go to stdout without it')
    .option('--format <format>', 'docx, md or html (default: from the output file name, else md)')
    .option('--mode <mode>', 'DOCX only: visual (underline/strike, default), tracked (Word revisions) or clean (amended text)')
    .option('--annex-version <version>', "the annex's own version, e.g. 1.0")
    .option('--classification <label>', 'document classification for the footer', 'White')
    .option('--author <role>', 'author of tracked changes: a role such as SECAS (default: the change log drafter)')
    .option('--force', "apply even where a document's version label differs from the change log's")
    .action((changes: string, flags: AnnexFlags) => {
      const format = formatOf(flags);
      if (flags.mode !== undefined && format !== 'docx') throw new UsageError('--mode applies to DOCX output only');
      const mode = (flags.mode ?? 'visual') as DocxMode;
      if (!MODES.includes(mode)) throw new UsageError(`--mode must be one of ${MODES.join(', ')}, got '${flags.mode}'`);
      if (format === 'docx' && flags.out === undefined) throw new UsageError('DOCX output needs -o FILE');

      const { log, redline } = loadAndApply(changes, flags.sections, !!flags.force, ctx);
      const meta: AnnexMeta = {
        modId: log.modification.id,
        title: log.modification.title,
        release: log.release,
        drafter: log.drafter,
        date: log.date,
      };
      if (flags.annexVersion !== undefined) meta.version = flags.annexVersion;
      if (flags.classification !== undefined) meta.classification = flags.classification;
      const annex = buildAnnex(redline, meta);

      let data: string | Uint8Array;
      if (format === 'docx') data = renderAnnexDocx(annex, { mode, author: flags.author ?? log.drafter, date: `${log.date}T00:00:00Z` });
      else data = format === 'md' ? renderAnnexMarkdown(annex) : renderAnnexHtml(annex);

      if (flags.out === undefined) {
        ctx.stdout.write(data as string);
      } else {
        writeFileAtomic(resolve(ctx.cwd, flags.out), data);
        const detail = format === 'docx' ? `, ${mode}` : '';
        ctx.stdout.write(`${log.modification.id}: wrote Annex A to ${flags.out} (${format}${detail}; ${annex.parts.length} document${annex.parts.length === 1 ? '' : 's'})\n`);
      }
      setExit(0);
    });
};
