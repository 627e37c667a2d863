// `sec-redline review OLD NEW | --from REV [--to REV] [paths…] | <changes.yaml> [--from REV] | <release.yaml>
//  [-o review.html]`: the reviewers' page (src/review/), one self-contained HTML file. The source decides the
// grouping: a change log groups by item, a release by modification, a comparison has no groups. Nothing is
// written unless everything could be read and built.

import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Register } from './index.js';
import type { CliContext } from '../context.js';
import type { Redline } from '../../redline/types.js';
import { diffTrees } from '../../diff/trees.js';
import { versionReaders } from '../tree-readers.js';
import { runChangeLog } from '../run-change-log.js';
import { sectionSetAtRevision } from '../git/revision-sections.js';
import { readInputs } from './release.js';
import { composeRelease, hasErrors, prepareRelease } from '../../release/index.js';
import { buildReview, renderReviewPage, type ReviewSource } from '../../review/index.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { ProblemsError, UsageError, formatProblem, sortProblems } from '../../util/errors.js';
import { isYamlPath, readText } from '../../util/files.js';

interface ReviewFlags {
  from?: string;
  to?: string;
  sections: string;
  output?: string;
  context: string;
  moves: boolean;
  force?: boolean;
  includeTargeted?: boolean;
  root: string;
}

/** 'release' when the YAML file lists modifications, else 'change-log' (whose own loader reports the rest). */
function yamlKind(path: string, ctx: CliContext): 'release' | 'change-log' {
  const read = readText(path, ctx.cwd);
  if (read.text === null) throw new UsageError(`cannot read ${path}: ${read.error}`);
  try {
    const v: unknown = parseYaml(read.text);
    if (v && typeof v === 'object' && 'modifications' in v && !('items' in v)) return 'release';
  } catch {
    // Not valid YAML: the change-log loader says where and why.
  }
  return 'change-log';
}

function source(inputs: readonly string[], flags: ReviewFlags, ctx: CliContext): { redline: Redline; source: ReviewSource } {
  if (inputs.length === 1 && isYamlPath(inputs[0]!)) {
    const file = inputs[0]!;
    if (flags.to !== undefined) throw new UsageError('--to applies to comparisons; a change log is applied to the documents at --from REV (or in --sections)');
    if (yamlKind(file, ctx) === 'release') {
      if (flags.from !== undefined) throw new UsageError('--from does not apply to a release file: it names its baseline (sections/ under --root)');
      const { release, mods, excluded, baseline, problems } = readInputs(file, { root: flags.root, includeTargeted: !!flags.includeTargeted, force: !!flags.force }, ctx);
      const prepared = prepareRelease(release, mods, baseline, excluded, { force: !!flags.force, reletter: false, incomplete: hasErrors(problems) });
      const all = [...problems, ...prepared.problems];
      if (hasErrors(all)) throw new ProblemsError(all);
      const composed = composeRelease(baseline, prepared.result.ops, prepared.labels, Number(flags.context));
      if (hasErrors(composed.problems)) throw new ProblemsError([...all, ...composed.problems]);
      for (const p of sortProblems(all)) ctx.stderr.write(`${formatProblem(p)}\n`);
      const ids = prepared.mods.map((m) => m.log.modification.id);
      return {
        redline: composed.redline,
        source: {
          kind: 'release',
          title: `${release.name}: review`,
          subtitle:
            `${ids.length} modification${ids.length === 1 ? '' : 's'} (${ids.join(', ')}), target date ${release.date}` +
            (excluded.length ? `; left out: ${excluded.map((x) => `${x.id ?? x.changes} (${x.status}; --include-targeted takes it in)`).join(', ')}` : ''),
          groups: prepared.mods.map((m) => ({ key: m.log.modification.id, label: m.log.modification.id, summary: m.log.modification.title })),
          groupOf: (item) => item.replace(/ item .*$/, ''),
        },
      };
    }
    const documents = flags.from !== undefined ? () => sectionSetAtRevision(flags.from!, flags.sections, ctx) : undefined;
    const { log, result } = runChangeLog(file, flags.sections, !!flags.force, ctx, { documents, context: Number(flags.context) });
    return {
      redline: result.redline,
      source: {
        kind: 'change-log',
        title: `${log.modification.id} '${log.modification.title}': review`,
        subtitle: `${log.release} · drafted by ${log.drafter}, ${log.date} · against ${flags.from !== undefined ? `the documents at ${flags.from}` : flags.sections}`,
        groups: log.items.map((i) => ({ key: i.id, label: `Item ${i.id}`, summary: i.summary })),
      },
    };
  }
  const sides = versionReaders(inputs, flags, ctx);
  const result = diffTrees(sides.old, sides.new, { detectMoves: flags.moves, context: 0 });
  if (result.problems.length) throw new ProblemsError(result.problems);
  if (!result.redline.documents.length) throw new UsageError('no Markdown files to compare');
  const compared = flags.from !== undefined ? `${flags.from} → ${flags.to ?? 'working tree'}` : `${inputs[0]} → ${inputs[1]}`;
  return { redline: result.redline, source: { kind: 'comparison', title: `Review: ${compared}`, subtitle: `Comparison of ${compared}`, groups: [] } };
}

export const registerReview: Register = (program, ctx, setExit) => {
  program
    .command('review')
    .description("the reviewers' page: one self-contained HTML file with a summary, navigation, filters and inline or side-by-side marks")
    .argument('[inputs...]', 'OLD NEW (files or directories); a change log; a release file; with --from, the paths to compare')
    .option('--from <rev>', 'compare the documents at this Git revision… (with a change log: apply it to the documents at this revision)')
    .option('--to <rev>', '…with those at this revision (default: the working tree)')
    .option('--sections <dir>', 'change logs: the documents they were drafted against', 'sections')
    .option('-o, --output <file>', 'write the page to this file (atomically) instead of standard output')
    .option('--context <n>', 'unchanged clauses around each change, shown on demand in the page', '1')
    .option('--no-moves', 'comparisons: do not pair moved or renumbered clauses by their text')
    .option('--force', "change logs and releases: apply even where a document's version label differs")
    .option('--include-targeted', "releases: also take in the modifications whose status is 'targeted'")
    .option('--root <dir>', 'releases: the repository root that change-log paths are relative to', '.')
    .action((inputs: string[], flags: ReviewFlags) => {
      if (!/^\d+$/.test(flags.context)) throw new UsageError(`--context takes a whole number of clauses, not '${flags.context}'`);
      if (flags.output !== undefined) {
        const out = resolve(ctx.cwd, flags.output);
        for (const i of inputs) if (resolve(ctx.cwd, i) === out) throw new UsageError(`-o ${flags.output} is an input: choose another output file`);
      }
      const { redline, source: src } = source(inputs, flags, ctx);
      const html = renderReviewPage(buildReview(redline, src, { context: Number(flags.context) }));
      if (flags.output === undefined) ctx.stdout.write(html);
      else {
        writeFileAtomic(resolve(ctx.cwd, flags.output), html);
        ctx.stdout.write(`wrote the review page to ${flags.output}\n`);
      }
      setExit(0);
    });
};
