// `sec-redline diff OLD NEW` (two files or two directories) and `sec-redline diff --from REV [--to REV]
// [paths…]` (Git revisions; the working tree when --to is left out; default path sections/).
// Exit status like diff(1): 0 no differences, 1 differences, 2 trouble — so problems in the input files are
// printed and exit 2 here, not 1, which would read as "different".

import type { Register } from './index.js';
import { diffTrees } from '../../diff/trees.js';
import { versionReaders } from '../tree-readers.js';
import { renderText } from '../../render/text.js';
import { renderCriticMarkdown } from '../../render/critic-md.js';
import { renderJson } from '../../render/json.js';
import { diffStats, hasDifferences, renderStat, renderStatJson } from '../../render/stat.js';
import { outputOption, outputPath, toStdout, useColor, writeOutput } from '../conventions.js';
import { UsageError, formatProblem, sortProblems } from '../../util/errors.js';

interface DiffOptions {
  from?: string;
  to?: string;
  format: string;
  stat?: boolean;
  context: string;
  output?: string;
  out?: string;
  color: string;
  moves: boolean;
}

const FORMATS = ['text', 'md', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const registerDiff: Register = (program, ctx, setExit) => {
  const cmd = program
    .command('diff')
    .description('clause-aware redline of two versions: two files, two directories, or Git revisions')
    .argument('[paths...]', 'OLD NEW (files or directories); with --from, the paths to compare (default: sections/)')
    .option('--from <rev>', 'compare the documents at this Git revision…')
    .option('--to <rev>', '…with those at this revision (default: the working tree)')
    .option('--format <format>', 'text | md (CriticMarkup) | json', 'text')
    .option('--stat', 'only a summary: clauses changed, inserted, deleted, moved; words added and removed')
    .option('--context <n>', 'unchanged clauses to show around each change', '0')
    .option('--color <when>', 'auto | always | never (auto: on a terminal, unless FORCE_COLOR or NO_COLOR say otherwise)', 'auto')
    .option('--no-moves', 'do not pair moved or renumbered clauses by their text');
  outputOption(cmd, 'write to a file (atomically) instead of standard output')
    .addHelpText('after', '\nExit status: 0 no differences, 1 differences, 2 usage error or unreadable input.')
    .action((paths: string[], opts: DiffOptions) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(`--format takes text, md or json, not '${opts.format}'`);
      const format = opts.format as Format;
      if (!/^\d+$/.test(opts.context)) throw new UsageError(`--context takes a whole number of clauses, not '${opts.context}'`);
      const context = Number(opts.context);
      const sides = versionReaders(paths, opts, ctx);
      const result = diffTrees(sides.old, sides.new, { detectMoves: opts.moves, context });
      if (result.problems.length) {
        for (const p of sortProblems(result.problems)) ctx.stderr.write(`${formatProblem(p)}\n`);
        ctx.stderr.write(`sec-redline: cannot compare: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in the input\n`);
        setExit(2);
        return;
      }
      const redline = result.redline;
      if (redline.documents.length === 0) throw new UsageError('no Markdown files to compare');
      const out = outputPath(opts);
      const color = useColor(ctx, opts.color, !toStdout(out));
      const output = opts.stat
        ? format === 'json'
          ? renderStatJson(redline)
          : renderStat(redline)
        : format === 'json'
          ? renderJson(redline, { context })
          : format === 'md'
            ? renderCriticMarkdown(redline, { context })
            : renderText(redline, { color, context });
      writeOutput(ctx, out, output, paths.length ? paths : ['sections']);
      setExit(hasDifferences(diffStats(redline)) ? 1 : 0);
    });
};
