// `sec-redline render FILE.md -o FILE.docx` / `render DIR -o OUTDIR`: whole SEC documents as Word documents in
// SEC house style (title page, contents, headings, clauses with their literal numbers, tables, header and
// footer), or `--format html` (one self-contained page per document); `--pdf` also writes each as PDF through
// LibreOffice. A document with problems (what `check` reports as errors) or not in canonical form is refused
// with those problems, and nothing is written; a directory is written as one transaction.

import { basename, extname, join, resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { Register } from './index.js';
import type { Problem, SecDocument } from '../../model/types.js';
import { serializeDocument } from '../../model/index.js';
import { loadDocuments } from '../load.js';
import { mergeFindings, runChecks } from '../../check/index.js';
import { writeFilesAtomic } from '../../util/atomic-write.js';
import { ProblemsError, UsageError, formatProblem, problem } from '../../util/errors.js';
import { personalNameReason } from '../../changelog/drafter.js';
import { documentView, renderDocumentDocx, renderDocumentHtml } from '../../render/document/index.js';
import { annexDate } from './annex.js';
import { firstDifferentLine } from './fmt.js';
import { convertToPdf, requireSoffice } from '../soffice.js';

type Format = 'docx' | 'html';

interface RenderFlags {
  out?: string;
  format?: string;
  pdf?: boolean;
  date?: string;
  classification: string;
  author?: string;
}

export interface RenderSettings {
  /** YYYY-MM-DD, or null for an undated document. */
  date: string | null;
  classification: string;
  author: string;
}

/** The bytes of one document in one format. */
export function renderDocument(doc: SecDocument, format: Format, s: RenderSettings): Uint8Array | string {
  const view = documentView(doc, { date: s.date, classification: s.classification });
  return format === 'docx' ? renderDocumentDocx(view, { author: s.author }) : renderDocumentHtml(view);
}

/**
 * The problems that stop a document being published: what the parser and `check` report as errors (with check's
 * warnings alongside, as check prints them) and a file not in canonical form (as `fmt --check` reports it).
 */
export function publishProblems(loaded: ReturnType<typeof loadDocuments>): Problem[] {
  const docs = loaded.docs.map((d) => d.doc);
  const sources = new Map(loaded.docs.map((d) => [d.file, d.source]));
  const findings = mergeFindings(loaded.problems, runChecks(docs, { sources }));
  for (const d of loaded.docs) {
    const canonical = serializeDocument(d.doc);
    if (canonical !== d.source) findings.push(problem(d.file, firstDifferentLine(d.source, canonical), 1, 'Not in canonical form: run `sec-redline fmt` to fix, then render', 'fmt'));
  }
  return findings;
}

function formatOf(flags: RenderFlags, dirMode: boolean): Format {
  if (flags.format !== undefined) {
    if (flags.format !== 'docx' && flags.format !== 'html') throw new UsageError(`--format must be docx or html, got '${flags.format}'`);
    return flags.format;
  }
  if (dirMode || flags.out === undefined) return 'docx';
  const ext = extname(flags.out).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.docx') return 'docx';
  throw new UsageError(`cannot tell the format from '${flags.out}': name it .docx or .html, or give --format`);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function stem(file: string): string {
  return basename(file).replace(/\.md$/i, '');
}

export const registerRender: Register = (program, ctx, setExit) => {
  program
    .command('render')
    .description('write whole SEC documents as Word documents in SEC house style (or HTML pages), and PDF with --pdf')
    .argument('<inputs...>', 'a document (FILE.md), or directories and files of documents')
    .option('-o, --out <path>', 'the output file for one document (.docx or .html); for a directory or several files, the output directory (created if missing)')
    .option('--format <format>', 'docx (default) or html (one self-contained page per document)')
    .option('--pdf', 'also write each Word document as PDF through LibreOffice (soffice must be installed)')
    .option('--date <date>', 'the date on the title page, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else undated)')
    .option('--classification <label>', 'document classification for the footer', 'White')
    .option('--author <role>', 'the creator of the Word file: a role such as SECAS')
    .action((inputs: string[], flags: RenderFlags) => {
      if (flags.out === undefined) throw new UsageError('render needs -o: an output file for one document, or a directory');
      const dirMode = inputs.length > 1 || inputs.some((i) => isDirectory(resolve(ctx.cwd, i)));
      const format = formatOf(flags, dirMode);
      if (flags.pdf && format !== 'docx') throw new UsageError('--pdf goes with Word output (--format docx)');
      const author = flags.author ?? 'SECAS';
      const reason = personalNameReason(author);
      if (reason) throw new UsageError(`--author must be a role or organisation such as SECAS, not a person: '${author}' — ${reason}`);
      const date = annexDate(flags.date, ctx.env, null)?.day ?? null;
      const soffice = flags.pdf ? requireSoffice(ctx.env) : null;

      const loaded = loadDocuments(inputs, ctx.cwd);
      if (loaded.files.length === 0) throw new UsageError(`No Markdown documents in ${inputs.join(', ')}`);
      const findings = publishProblems(loaded);
      if (findings.some((p) => p.severity === 'error')) throw new ProblemsError(findings, `${plural(findings.filter((p) => p.severity === 'error').length, 'error')}; nothing written`);
      for (const p of findings) ctx.stderr.write(`${formatProblem(p)}\n`);

      const settings: RenderSettings = { date, classification: flags.classification, author };
      const out = resolve(ctx.cwd, flags.out);
      const inputsAbs = new Set(loaded.docs.map((d) => resolve(ctx.cwd, d.file)));
      const writes: { path: string; data: Uint8Array | string }[] = [];
      if (!dirMode) {
        if (isDirectory(out)) throw new UsageError(`-o ${flags.out} is a directory: give a file name ending .${format}`);
        const ext = extname(out).toLowerCase();
        if ((ext === '.docx' && format !== 'docx') || ((ext === '.html' || ext === '.htm') && format !== 'html')) {
          throw new UsageError(`-o ${flags.out} does not name a .${format} file (--format ${format})`);
        }
        writes.push({ path: out, data: renderDocument(loaded.docs[0]!.doc, format, settings) });
      } else {
        if (!isDirectory(out) && extname(out) !== '') {
          throw new UsageError(`-o ${flags.out}: several documents are written into a directory, not into a file`);
        }
        const names = new Map<string, string>();
        for (const d of loaded.docs) {
          const name = `${stem(d.file)}.${format}`;
          const twin = names.get(name);
          if (twin !== undefined) throw new UsageError(`${d.file} and ${twin} would both be written as ${name}`);
          names.set(name, d.file);
          writes.push({ path: join(out, name), data: renderDocument(d.doc, format, settings) });
        }
      }
      if (soffice !== null) {
        const pdfs = convertToPdf(soffice, writes.map((w) => ({ name: w.path, data: w.data as Uint8Array })));
        for (const w of [...writes]) writes.push({ path: w.path.replace(/\.docx$/i, '.pdf'), data: pdfs.get(w.path.replace(/\.docx$/i, '.pdf'))! });
      }
      for (const w of writes) if (inputsAbs.has(w.path)) throw new UsageError(`refusing to overwrite the input ${w.path}`);
      writeFilesAtomic(writes);
      const shown = dirMode ? `${writes.length} files into ${flags.out}` : writes.map((w) => basename(w.path)).join(' and ');
      ctx.stdout.write(`rendered ${loaded.docs.length} document${loaded.docs.length === 1 ? '' : 's'} (${format}${soffice !== null ? ' and pdf' : ''}): ${shown}\n`);
      setExit(0);
    });
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
