// The error types that reach the one catch at the top (src/cli/main.ts). User mistakes never show a stack trace.

import { compareProblems, type Problem } from './problem.js';
import { capMessage } from './excerpt.js';

/** Bad command-line usage, or an input the tool cannot even start on: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One or more positioned problems in the user's files: exit 1, each printed as `file:line:col  message  [rule]`. */
export class ProblemsError extends Error {
  override name = 'ProblemsError';
  constructor(readonly problems: Problem[], summary?: string) {
    super(summary ?? `${problems.length} problem${problems.length === 1 ? '' : 's'} found`);
  }
}

export function problem(
  file: string,
  line: number,
  column: number,
  message: string,
  rule: string,
  severity: Problem['severity'] = 'error',
  extra: Pick<Problem, 'end' | 'related' | 'item' | 'edit'> = {},
): Problem {
  return { file, line, column, message, rule, severity, ...extra };
}

/** `file:line:col  message  [rule]` — the one format every command prints problems in. */
export function formatProblem(p: Problem): string {
  const sev = p.severity === 'warning' ? 'warning: ' : '';
  return `${p.file}:${p.line}:${p.column}  ${sev}${capMessage(p.message)}  [${p.rule}]`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(compareProblems);
}
