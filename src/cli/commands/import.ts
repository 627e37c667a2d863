// `sec-redline import FILE.docx [-o OUT.md]` and `import DIR|FILES… -o DIR`: Word documents → SEC Markdown in
// canonical form (docs/import.md); with --changelog, a Word redline → a change log (src/cli/import-changelog.ts). Warnings (what could not be placed, what was guessed) go to stderr with a
// summary; a readable document always imports (exit 0), problems that stop it exit 1, and nothing is written
// unless every input imported — a folder is written as one transaction.

import { resolve } from 'node:path';
import type { Register } from './index.js';
import { formatSummary, type ImportResult, type ImportSummary, type TrackedMode } from '../../import/index.js';
import { docxFilesIn, importDocxFile, isDocx } from '../docx-input.js';
import { pathKind } from '../tree-readers.js';
import { importRedline, PLACEHOLDER_MOD } from '../import-changelog.js';
import { docFileName, docId } from '../../model/doc-ref.js';
import { writeFilesAtomic } from '../../util/atomic-write.js';
import { ProblemsError, UsageError, formatProblem, sortProblems } from '../../util/errors.js';
import type { Problem } from '../../model/types.js';

interface ImportCliOptions {
  output?: string;
  kind?: string;
  code?: string;
  title?: string;
  version?: string;
  tracked?: string;
  changelog?: string;
  sections?: string;
  mod?: string;
  modTitle?: string;
  release?: string;
  drafter: string;
  date?: string;
}

const TRACKED = ['accept', 'reject'];

export const registerImport: Register = (program, ctx, setExit) => {
  program
    .command('import')
    .description('import Word documents (.docx) as SEC Markdown: one file (to -o FILE or stdout), or several / a folder (to -o DIR)')
    .argument('<inputs...>', '.docx files, or a folder of them')
    .option('-o, --output <path>', 'the Markdown file to write (one input), or the folder (several inputs or a folder)')
    .option('--kind <kind>', 'section, schedule or appendix (default: from the file, else guessed)')
    .option('--code <code>', "the document's letter(s) or number: G, AD, 8")
    .option('--title <title>', "the document's title")
    .option('--version <label>', 'the version label of this text, e.g. "SEC 2024-06"')
    .option('--tracked <mode>', 'tracked changes: accept (take the changed text) or reject (the text before them); default: refuse')
    .option('--changelog <file>', 'draft a change log from a Word redline: its text with the tracked changes rejected must be the document in --sections; the log turns it into the accepted text (- for stdout)')
    .option('--sections <dir>', 'with --changelog: the documents the redline starts from (default: the repository\'s sections/)')
    .option('--mod <id>', `with --changelog: the modification (default: the placeholder ${PLACEHOLDER_MOD})`)
    .option('--mod-title <title>', 'with --changelog: the modification title (default: from the document)')
    .option('--release <release>', 'with --changelog: the SEC release')
    .option('--drafter <role>', 'with --changelog: a role or organisation, never a person', 'SECAS')
    .option('--date <date>', 'with --changelog: YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today in UTC)')
    .addHelpText('after', '\nExit status: 0 imported (warnings allowed), 1 problems (nothing written), 2 usage error.')
    .action((inputs: string[], opts: ImportCliOptions) => {
      if (opts.changelog !== undefined) {
        if (inputs.length !== 1 || !isDocx(inputs[0]!) || pathKind(inputs[0]!, ctx.cwd) !== 'file') throw new UsageError('--changelog drafts from one Word redline: give one .docx file');
        if (opts.output !== undefined) throw new UsageError('--changelog names the file to write: leave out -o');
        if (opts.tracked !== undefined) throw new UsageError('--changelog reads the tracked changes both ways (rejected: the baseline, accepted: the new text): leave out --tracked');
        importRedline(inputs[0]!, { hints: pick(opts), changelog: opts.changelog, sections: opts.sections, mod: opts.mod, modTitle: opts.modTitle, release: opts.release, drafter: opts.drafter, date: opts.date }, ctx);
        setExit(0);
        return;
      }
      const only = (['sections', 'mod', 'modTitle', 'release', 'date'] as const).find((k) => opts[k] !== undefined);
      if (only) throw new UsageError(`--${only === 'modTitle' ? 'mod-title' : only} goes with --changelog`);
      if (opts.tracked !== undefined && !TRACKED.includes(opts.tracked)) throw new UsageError(`--tracked takes accept or reject, not '${opts.tracked}'`);
      const files: string[] = [];
      let folder = false;
      for (const input of inputs) {
        const kind = pathKind(input, ctx.cwd);
        if (kind === 'missing') throw new UsageError(`No such file or directory: ${input}`);
        if (kind === 'directory') {
          folder = true;
          const found = docxFilesIn(input, ctx.cwd);
          if (found.length === 0) throw new UsageError(`No .docx files in ${input}`);
          files.push(...found);
        } else {
          if (!isDocx(input)) throw new UsageError(`${input} is not a .docx file: import reads Word documents (.docx)`);
          files.push(input);
        }
      }
      // A single document with -o naming an existing folder goes into it, under its SEC file name.
      const intoFolder = opts.output !== undefined && pathKind(opts.output, ctx.cwd) === 'directory';
      const many = folder || files.length > 1 || intoFolder;
      if (many && opts.output === undefined) throw new UsageError('several documents need -o DIR: the folder to write them into');
      if (files.length > 1 && (opts.kind ?? opts.code ?? opts.title ?? opts.version) !== undefined) {
        throw new UsageError('--kind, --code, --title and --version describe one document: import the files one at a time to set them');
      }
      const hints = { ...pick(opts), ...(opts.tracked ? { tracked: opts.tracked as TrackedMode } : {}) };
      const results: { file: string; result: ImportResult }[] = [];
      const errors: Problem[] = [];
      for (const file of files) {
        try {
          results.push({ file, result: importDocxFile(file, ctx.cwd, hints) });
        } catch (err) {
          if (err instanceof ProblemsError) errors.push(...err.problems);
          else throw err;
        }
      }
      if (errors.length) throw new ProblemsError(errors, `nothing written: ${errors.length} problem${errors.length === 1 ? '' : 's'} in ${new Set(errors.map((e) => e.file.replace(/\[.*$/, ''))).size} of ${files.length} document${files.length === 1 ? '' : 's'}`);

      const outputs: { path: string; data: string }[] = [];
      const inputsAbs = new Set(files.map((f) => resolve(ctx.cwd, f)));
      if (many) {
        const byName = new Map<string, string>();
        for (const { file, result } of results) {
          const name = docFileName(result.doc.meta);
          const other = byName.get(name);
          if (other) throw new UsageError(`${other} and ${file} are both ${docId(result.doc.meta)}: import them separately`);
          byName.set(name, file);
          outputs.push({ path: resolve(ctx.cwd, opts.output!, name), data: result.markdown });
        }
      } else if (opts.output !== undefined) {
        outputs.push({ path: resolve(ctx.cwd, opts.output), data: results[0]!.result.markdown });
      }
      for (const o of outputs) if (inputsAbs.has(o.path)) throw new UsageError(`refusing to write over an input: ${o.path}`);

      const total: ImportSummary = { clauses: 0, headings: 0, subparagraphs: 0, paragraphs: 0, definitions: 0, tables: 0, footnotes: 0, revisions: 0, comments: 0, warnings: 0 };
      for (const { file, result } of results) {
        for (const p of sortProblems(result.problems)) ctx.stderr.write(`${formatProblem(p)}\n`);
        for (const g of result.guesses) ctx.stderr.write(`${file}: guessed ${g}\n`);
        for (const k of Object.keys(total) as (keyof ImportSummary)[]) total[k] += result.summary[k];
        if (many) ctx.stderr.write(`${file} → ${docId(result.doc.meta)} '${result.doc.meta.title}': ${formatSummary(result.summary)}\n`);
      }
      if (outputs.length) writeFilesAtomic(outputs);
      else ctx.stdout.write(results[0]!.result.markdown);
      const head = many ? `imported ${results.length} documents` : `imported ${results[0]!.file} as ${docId(results[0]!.result.doc.meta)} '${results[0]!.result.doc.meta.title}'`;
      ctx.stderr.write(`${head}: ${formatSummary(total)}\n`);
      setExit(0);
    });
};

function pick(opts: ImportCliOptions): { kind?: string; code?: string; title?: string; version?: string } {
  const out: { kind?: string; code?: string; title?: string; version?: string } = {};
  if (opts.kind !== undefined) out.kind = opts.kind;
  if (opts.code !== undefined) out.code = opts.code;
  if (opts.title !== undefined) out.title = opts.title;
  if (opts.version !== undefined) out.version = opts.version;
  return out;
}
