// `sec-redline check [paths…]`: every rule of src/check over the documents (default: sections/), plus what the
// parser reported. Findings go to stdout as `file:line:col  message  [rule]` (or a JSON array); the summary to
// stderr. Exit 0 when clean or only warnings, 1 with errors (or warnings under --strict), 2 on usage errors.

import type { Register } from './index.js';
import { defaultPaths, loadDocuments } from '../load.js';
import { UsageError, formatProblem } from '../../util/errors.js';
import { outputOption, outputPath, status, writeOutput } from '../conventions.js';
import { findingsToJson, mergeFindings, rules, runChecks, unknownRules } from '../../check/index.js';

interface CheckFlags {
  format: string;
  output?: string;
  out?: string;
  strict?: boolean;
  only?: string;
  disable?: string;
  missingDocuments?: boolean;
  listRules?: boolean;
}

function ruleList(value: string | undefined, flag: string): string[] {
  if (value === undefined) return [];
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = unknownRules(names);
  if (unknown.length) {
    throw new UsageError(`${flag}: unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; the rules are ${rules.map((r) => r.name).join(', ')}`);
  }
  return names;
}

export const registerCheck: Register = (program, ctx, setExit) => {
  const cmd = program
    .command('check')
    .description('report mistakes in SEC Markdown files: numbering, IDs, references, definitions, tables (default: sections/)')
    .argument('[paths...]', 'files or directories; - reads one document from standard input')
    .option('--format <format>', 'text or json', 'text');
  outputOption(cmd, 'write the findings to this file')
    .option('--strict', 'exit 1 on warnings too')
    .option('--only <rules>', 'run only these rules (comma-separated)')
    .option('--disable <rules>', 'skip these rules (comma-separated)')
    .option('--missing-documents', 'also warn about references to documents that are not being checked')
    .option('--list-rules', 'print the rules and exit')
    .action((paths: string[], opts: CheckFlags) => {
      if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`--format must be text or json, not '${opts.format}'`);
      const only = ruleList(opts.only, '--only');
      const disable = ruleList(opts.disable, '--disable');
      if (opts.listRules) {
        for (const r of rules) ctx.stdout.write(`${r.name.padEnd(22)}${r.severity.padEnd(9)}${r.description}\n`);
        return;
      }
      const given = defaultPaths(paths, ctx);
      const loaded = loadDocuments(given, ctx.cwd, ctx.stdin);
      const files = loaded.files;
      if (files.length === 0) throw new UsageError(`No Markdown files to check in ${given.join(', ')}`);
      const docs = loaded.docs.map((d) => d.doc);
      const sources = new Map(loaded.docs.map((d) => [d.file, d.source]));
      const loadProblems = loaded.problems;
      const findings = mergeFindings(loadProblems, runChecks(docs, { sources, only, disable, missingDocuments: opts.missingDocuments ?? false }));

      const errors = findings.filter((p) => p.severity === 'error').length;
      const warnings = findings.length - errors;
      const out = outputPath(opts);
      if (opts.format === 'json') writeOutput(ctx, out, findingsToJson(findings));
      else {
        writeOutput(ctx, out, findings.map((p) => `${formatProblem(p)}\n`).join(''));
        const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
        // The summary is a status line: always on stderr (stdout is the findings), gone with -q.
        status(
          ctx,
          findings.length ? `${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(files.length, 'file')}` : `${count(files.length, 'file')} checked: no problems`,
          true,
        );
      }
      setExit(errors > 0 || (opts.strict && warnings > 0) ? 1 : 0);
    });
};
