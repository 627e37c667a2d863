// `sec-redline changelog OLD NEW` (two files or two directories) and `changelog --from REV [--to REV]
// [paths…]`: drafts the change log that turns OLD into NEW (src/draft/), proven by applying it. Writes it to
// -o FILE (atomically) or standard output; exit 1 with nothing written when the difference is not one a change
// log can make (a document added or removed, front matter other than `version` changed, NEW not canonical).

import { resolve } from 'node:path';
import type { Register } from './index.js';
import type { CliContext } from '../context.js';
import type { TreeReader } from '../../diff/trees.js';
import { versionReaders } from '../tree-readers.js';
import { draftChangeLog, type DraftHeader, type GroupBy, type SourceFile } from '../../draft/index.js';
import { MODIFICATION_ID } from '../../changelog/load.js';
import { personalNameReason } from '../../changelog/drafter.js';
import { calendarDateOf, dateOption, sourceDateEpoch } from '../../util/calendar-date.js';
import { status, writeOutput } from '../conventions.js';
import { ProblemsError, UsageError } from '../../util/errors.js';

interface ChangelogFlags {
  from?: string;
  to?: string;
  mod?: string;
  title?: string;
  release?: string;
  drafter: string;
  date?: string;
  group: string;
  output?: string;
}

const GROUPS: readonly GroupBy[] = ['clause', 'document', 'one'];
/** The release a drafted change log names until the drafter knows it. */
export const DEFAULT_RELEASE = 'Release to be confirmed';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readSide(reader: TreeReader): SourceFile[] {
  return reader.list().map((f) => {
    let text: string;
    try {
      text = utf8.decode(reader.read(f));
    } catch (e) {
      throw new UsageError(`${f.path}: ${e instanceof TypeError ? 'not valid UTF-8: save it as UTF-8' : (e as Error).message}`);
    }
    return { path: f.path, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  });
}


/**
 * The header of a drafted change log, every field checked so the log loads as written: the modification id and
 * one-line title, a role (never a person) as drafter, and the date (--date, else SOURCE_DATE_EPOCH, else today in
 * UTC, docs/changelog.md: a draft is dated when it is drafted). `titleFlag` names the title's option in messages.
 */
export function draftHeader(f: { mod: string; title: string; release?: string | undefined; drafter: string; date?: string | undefined }, ctx: CliContext, titleFlag = '--title'): DraftHeader {
  if (!MODIFICATION_ID.test(f.mod)) throw new UsageError(`--mod '${f.mod}' is not a modification identifier such as MP250, MP250A, DP250 or SECMP0042`);
  if (!f.title.trim() || /[\r\n]/.test(f.title)) throw new UsageError(`${titleFlag} must be one line of text`);
  const why = personalNameReason(f.drafter);
  if (why) throw new UsageError(`--drafter must be a role or organisation such as SECAS, not a person: '${f.drafter}' — ${why}`);
  const date = (f.date !== undefined ? dateOption('--date', f.date) : sourceDateEpoch(ctx.env))?.day ?? calendarDateOf(new Date());
  return { modification: { id: f.mod, title: f.title.trim() }, release: f.release ?? DEFAULT_RELEASE, drafter: f.drafter, date };
}

export const registerChangelog: Register = (program, ctx, setExit) => {
  program
    .command('changelog')
    .description('draft the change log that turns OLD into NEW (two files, two directories, or Git revisions)')
    .argument('[paths...]', 'OLD NEW (files or directories); with --from, the paths to compare (default: sections/)')
    .requiredOption('--mod <id>', 'the modification: MP270, MP270A, DP270 or SECMP0042')
    .requiredOption('--title <title>', 'the modification title')
    .option('--release <release>', `the SEC release (default: '${DEFAULT_RELEASE}')`)
    .option('--drafter <role>', 'a role or organisation, never a person', 'SECAS')
    .option('--date <date>', 'YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today in UTC)')
    .option('--group <by>', 'one item per clause, per document, or one item for everything: clause | document | one', 'clause')
    .option('--from <rev>', 'draft from the documents at this Git revision…')
    .option('--to <rev>', '…to those at this revision (default: the working tree)')
    .option('-o, --output <file>', 'write the change log to a file (atomically) instead of standard output')
    .addHelpText('after', '\nExit status: 0 drafted, 1 a difference no change log can make (nothing written), 2 usage error.')
    .action((paths: string[], flags: ChangelogFlags) => {
      const mod = flags.mod!;
      if (!(GROUPS as readonly string[]).includes(flags.group)) throw new UsageError(`--group takes clause, document or one, not '${flags.group}'`);
      const header = draftHeader({ mod, title: flags.title!, release: flags.release, drafter: flags.drafter, date: flags.date }, ctx);
      const sides = versionReaders(paths, flags, ctx);
      const output = flags.output === undefined ? undefined : resolve(ctx.cwd, flags.output);
      const oldFiles = readSide(sides.old);
      const newFiles = readSide(sides.new);
      if (oldFiles.length === 0) throw new UsageError('no Markdown files to compare');
      if (output !== undefined && [...oldFiles, ...newFiles].some((f) => resolve(ctx.cwd, f.path) === output)) throw new UsageError(`-o ${flags.output} is one of the inputs: choose another file`);
      const result = draftChangeLog(
        oldFiles,
        newFiles,
        header,
        { group: flags.group as GroupBy, file: flags.output ?? 'changes.yaml' },
      );
      const internal = result.problems.find((p) => p.rule === 'draft-internal');
      if (internal) throw new Error(internal.message);
      if (result.yaml === null) throw new ProblemsError(result.problems);
      if (output !== undefined && flags.output !== '-') {
        writeOutput(ctx, flags.output, result.yaml, paths);
        const kinds = [...result.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${k}`).join(', ');
        const n = result.log?.items.length ?? 0;
        status(ctx, `${mod}: wrote ${flags.output}: ${n} item${n === 1 ? '' : 's'} over ${result.documents.length} document${result.documents.length === 1 ? '' : 's'} (${kinds})`, true);
      } else ctx.stdout.write(result.yaml);
      setExit(0);
    });
};
