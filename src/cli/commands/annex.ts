// `sec-redline annex <changes.yaml> [--sections DIR] [-o FILE] [--format docx|md|html] [--mode visual|tracked|clean]
//  [--annex-version V] [--classification C] [--author ROLE] [--force]`: applies the change log to the documents
// (exactly as `apply` does, refusing on any problem) and writes the redlined Annex A. The format follows the
// output file's extension unless --format says otherwise; without -o, Markdown or HTML goes to stdout. DOCX
// dates come from the change log's date, never the clock, so the same inputs give the same bytes.

import { extname, resolve } from 'node:path';
import type { Register } from './index.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { UsageError } from '../../util/errors.js';
import { runChangeLog } from '../run-change-log.js';
import { buildAnnex } from '../../annex/build.js';
import type { AnnexMeta } from '../../annex/types.js';
import { renderAnnexDocx, type DocxMode } from '../../render/docx/index.js';
import { renderAnnexMarkdown } from '../../render/annex-md.js';
import { renderAnnexHtml } from '../../render/annex-html.js';

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

      const { log, result } = runChangeLog(changes, flags.sections, !!flags.force, ctx);
      const redline = result.redline;
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
